#include "plugins/radiofrequency/radiofrequency_plugin.h"

#include "plugins/radiofrequency/embedded_config.h"

namespace needlework::radiofrequency {

addon::AddOnDescription RadiofrequencyAddOn::Description() {
  return {"org.needlework.radiofrequency",
          "1.0.0",
          "Needlework",
          "Radiofrequency microneedling",
          "Radiofrequency microneedling as an add-on: its catalog entry (extra minutes, an RF "
          "unit), screening for it (implanted electronic device: contraindicated; metal implant: "
          "caution; pregnancy: defer), its aftercare lines (avoid heat and sun for 3 days; heat "
          "and redness may last longer) and triage (severe pain, lasting redness). Every code "
          "set, window and text is per-clinic config.",
          kDefaultConfigJson,
          kConfigSchemaJson,
          "radiofrequency config"};
}

}  // namespace needlework::radiofrequency
