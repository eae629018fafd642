// org.needlework.radiofrequency: radiofrequency (RF) microneedling as an add-on to a
// microneedling session. Everything it answers comes from its config (default_config.json):
// the catalog entry (extra minutes, an RF unit), the screening rules (implanted electronic
// device, metal implant, pregnancy), the aftercare lines and the triage rules; the SDK's
// AddOnPlugin serves them. The entry point is in plugin_entry.cc, so tests can link this
// class without exporting one of their own.
#ifndef NEEDLEWORK_PLUGINS_RADIOFREQUENCY_RADIOFREQUENCY_PLUGIN_H_
#define NEEDLEWORK_PLUGINS_RADIOFREQUENCY_RADIOFREQUENCY_PLUGIN_H_

#include <memory>
#include <string_view>

#include "needlework/addon_plugin.h"

namespace needlework::radiofrequency {

inline constexpr std::string_view kPluginId = "org.needlework.radiofrequency";
inline constexpr std::string_view kPluginVersion = "1.0.0";
// Names the config in refusals: "radiofrequency config refused: ...".
inline constexpr std::string_view kConfigSubject = "radiofrequency config";

// One clinic's instance. Immutable after Create: hooks may run on many threads at once.
class RadiofrequencyPlugin final : public addon::AddOnPlugin {
 public:
  using AddOnPlugin::AddOnPlugin;

  // Id, version, the add-on hooks, the embedded default config and its schema.
  static plugin::v1::Manifest Describe();

  // Compiles `context.config_json` once; INVALID_ARGUMENT naming each problem's JSON path.
  static StatusOr<std::unique_ptr<RadiofrequencyPlugin>> Create(const InstanceContext& context);
};

}  // namespace needlework::radiofrequency

#endif  // NEEDLEWORK_PLUGINS_RADIOFREQUENCY_RADIOFREQUENCY_PLUGIN_H_
