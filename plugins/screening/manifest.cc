#include "plugins/screening/manifest.h"

#include <string>

#include "plugins/screening/embedded_config.h"

namespace needlework::screening {

plugin::v1::Manifest ScreeningManifest() {
  plugin::v1::Manifest manifest;
  manifest.set_id(std::string(kPluginId));
  manifest.set_version(std::string(kPluginVersion));
  manifest.set_vendor("Needlework");
  manifest.set_display_name("Microneedling screening");
  manifest.set_description(
      "Screens a patient for microneedling: notes which requested concerns are listed "
      "indications, and flags active skin infection, active acne, eczema, psoriasis, "
      "blood-thinning medication, clotting disorders and severe skin laxity. Every code "
      "list, outcome, text and threshold is per-clinic config.");
  manifest.add_hooks(plugin::v1::HOOK_SCREEN);
  manifest.set_default_config_json(std::string(kDefaultConfigJson));
  manifest.set_config_schema_json(std::string(kConfigSchemaJson));
  return manifest;
}

}  // namespace needlework::screening
