// The aftercare plugin's default config and its JSON Schema, embedded at build time from
// default_config.json and config_schema.json in this folder (see CMakeLists.txt).
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_EMBEDDED_CONFIG_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_EMBEDDED_CONFIG_H_

#include <string_view>

namespace needlework::aftercare {

// The text of default_config.json: every instruction window, expected effect, message,
// triage rule and text (English and French) the plugin ships with. Static storage; valid
// for the life of the library.
std::string_view DefaultConfigJson();

// The text of config_schema.json: a JSON Schema (draft 2020-12) of the config.
std::string_view ConfigSchemaJson();

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_EMBEDDED_CONFIG_H_
