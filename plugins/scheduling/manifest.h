// How the scheduling plugin describes itself to the host.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_MANIFEST_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_MANIFEST_H_

#include <string_view>

#include "needlework/plugin/v1/manifest.pb.h"

namespace needlework::scheduling {

inline constexpr std::string_view kPluginId = "org.needlework.scheduling";
inline constexpr std::string_view kPluginVersion = "1.0.0";

// The manifest: id, version, vendor, names, the plan, check_booking and catalog hooks, the default
// config (the embedded default_config.json) and its JSON Schema (config_schema.json).
plugin::v1::Manifest SchedulingManifest();

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_MANIFEST_H_
