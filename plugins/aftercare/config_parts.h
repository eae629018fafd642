// The parts of CompileConfig that read triage and texts, and what they share with the
// rest of config.cc. Internal to the config_*.cc files.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_PARTS_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_PARTS_H_

#include <map>
#include <set>
#include <string>

#include "needlework/kit/config_reader.h"
#include "plugins/aftercare/aftercare_rules.h"

namespace needlework::aftercare {

// Every id the config defines, enabled or not: each needs a text in every language.
struct ConfiguredIds {
  std::set<std::string> instructions;
  std::set<std::string> effects;
  std::map<std::string, int> effect_course_hours;  // by effect id
  std::set<std::string> messages;
  std::set<std::string> waiting_messages;  // those anchored to the next session
  std::set<std::string> symptoms;
  std::set<std::string> advice;  // the course advice ids and every sign rule's
};

// Records a problem unless `key` is a local code (e.g. "avoid-sun"); true when it is.
bool CheckKey(const std::string& key, std::string_view path, config::ConfigErrors& errors);

// Reads root.triage (needs ids.effect_course_hours) into `rules`, adding symptom and advice ids.
void ReadTriage(const config::Json& root, AftercareRules& rules, ConfiguredIds& ids,
                config::ConfigErrors& errors);

// Reads root.languages: one complete set of texts per language for exactly `ids`; checks
// that rules.default_language is one of them.
void ReadLanguages(const config::Json& root, const ConfiguredIds& ids, AftercareRules& rules,
                   config::ConfigErrors& errors);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_PARTS_H_
