#include "plugins/aftercare/manifest.h"

#include <string>

#include "plugins/aftercare/embedded_config.h"

namespace needlework::aftercare {

plugin::v1::Manifest AftercareManifest() {
  plugin::v1::Manifest manifest;
  manifest.set_id(std::string(kPluginId));
  manifest.set_version(std::string(kPluginVersion));
  manifest.set_vendor("Needlework");
  manifest.set_display_name("Microneedling aftercare");
  manifest.set_description(
      "After a microneedling session: aftercare instructions with their windows, the effects "
      "to expect with their normal course, and timed messages to the patient (evening, day 2, "
      "day 7, before the next session, maintenance); and triage of a reported symptom "
      "(expected, monitor, contact the clinic, urgent). Every window, threshold and text, per "
      "language, is per-clinic config.");
  manifest.add_hooks(plugin::v1::HOOK_AFTERCARE);
  manifest.add_hooks(plugin::v1::HOOK_TRIAGE);
  manifest.set_default_config_json(std::string(kDefaultConfigJson));
  manifest.set_config_schema_json(std::string(kConfigSchemaJson));
  return manifest;
}

}  // namespace needlework::aftercare
