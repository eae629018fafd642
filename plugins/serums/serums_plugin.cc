#include "plugins/serums/serums_plugin.h"

#include "plugins/serums/embedded_config.h"
#include "plugins/serums/serums_config.h"

namespace needlework::serums {

addon::AddOnDescription SerumsAddOn::Description() {
  return {"org.needlework.serums",
          "1.0.0",
          "Needlework",
          "Growth-factor and hyaluronic-acid serums",
          "The clinic's serum products as add-ons: one catalog entry per product (minutes, "
          "product and lot recorded at completion), screening for each (a known allergy to an "
          "ingredient contraindicates that product only) and the aftercare line for a session "
          "with any of them (only clinic-approved products on the skin for the first day). "
          "Products, ingredients, texts and windows are per-clinic config.",
          kDefaultConfigJson,
          kConfigSchemaJson,
          "serums config",
          &CompileSerumsConfig};
}

}  // namespace needlework::serums
