#include "plugins/radiofrequency/radiofrequency_plugin.h"

#include "plugins/radiofrequency/embedded_config.h"

namespace needlework::radiofrequency {

plugin::v1::Manifest RadiofrequencyPlugin::Describe() {
  return addon::AddOnManifest(
      {kPluginId, kPluginVersion, "Needlework", "Radiofrequency microneedling",
       "Radiofrequency microneedling as an add-on: its catalog entry (extra minutes, an RF "
       "unit), screening for it (implanted electronic device: contraindicated; metal implant: "
       "caution; pregnancy: defer), its aftercare lines (avoid heat and sun for 3 days, heat "
       "and redness may last longer) and triage (severe pain, lasting redness). Every code "
       "set, window and text is per-clinic config.",
       kDefaultConfigJson, kConfigSchemaJson});
}

StatusOr<std::unique_ptr<RadiofrequencyPlugin>> RadiofrequencyPlugin::Create(
    const InstanceContext& context) {
  return addon::CreateAddOn<RadiofrequencyPlugin>(
      context, addon::CompileAddOnConfig(context.config_json, kConfigSubject));
}

}  // namespace needlework::radiofrequency
