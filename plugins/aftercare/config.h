// Compiles the aftercare plugin's effective config (JSON) into immutable AftercareRules.
//
// The config is data end to end: every instruction window, expected course, message time,
// triage threshold, level, indicator and text (per language) comes from it, and the
// manifest's default_config_json holds the shipped defaults. Its shape suits JSON merge
// patch (RFC 7386), which the host applies to the defaults with a clinic's patch:
// instructions, effects, messages, symptoms, languages and every text map are objects keyed
// by id, so a clinic changes one window or text, disables an item ("enabled": false), adds
// one with a new key and removes one with null. config_schema.json describes the same
// shape as a JSON Schema.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_H_

#include <string_view>

#include "needlework/status.h"
#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// Parses and validates `config_json` strictly and compiles it. On any problem (not JSON,
// an unknown key, a missing or mistyped field, a number out of range, a window that ends
// before it starts or ends without a start, a message with both or neither of
// offset_minutes and time, a symptom naming an unknown effect, a language missing a text or
// holding a text for an unknown id, an unknown placeholder, a default language with no
// texts) returns INVALID_ARGUMENT whose message lists every problem, each with its JSON
// path. Disabled items are validated too, so switching one on cannot fail later.
StatusOr<AftercareRules> CompileConfig(std::string_view config_json);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_H_
