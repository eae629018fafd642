// Typed, path-aware reading of the screening config's JSON. Every reader records what is
// wrong in a ConfigErrors, prefixed with the JSON path (e.g. "rules.active-acne.outcome"),
// and carries on, so one refusal lists every problem an admin has to fix.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_CONFIG_READER_H_
#define NEEDLEWORK_PLUGINS_SCREENING_CONFIG_READER_H_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"
#include "plugins/screening/value_set.h"

namespace needlework::screening {

using Json = nlohmann::json;

// The problems found in one config, in the order they were found.
class ConfigErrors {
 public:
  // Records "path: problem".
  void Add(std::string_view path, std::string_view problem);
  bool empty() const { return problems_.empty(); }
  // OK when nothing was recorded; otherwise INVALID_ARGUMENT with every problem, "; "-joined.
  Status ToStatus() const;

 private:
  std::vector<std::string> problems_;
};

// `path.key`, or `key` alone when `path` is empty.
std::string JoinPath(std::string_view path, std::string_view key);

// `value` as a message shows it: JSON text, cut after 60 characters.
std::string DescribeValue(const Json& value);

// Records a problem for each key of `object` that is not in `known`.
void RejectUnknownKeys(const Json& object, std::string_view path,
                       std::initializer_list<std::string_view> known, ConfigErrors& errors);

// The member `key` of `object` when it is a JSON object; nullptr otherwise, recording a
// problem unless the member is absent and `required` is false.
const Json* ReadObject(const Json& object, std::string_view path, std::string_view key,
                       bool required, ConfigErrors& errors);

// The boolean member `key`, or `fallback` when absent (a non-boolean is a problem).
bool ReadBool(const Json& object, std::string_view path, std::string_view key, bool fallback,
              ConfigErrors& errors);

// The required, non-empty string member `key`; "" (and a problem) when it is not one.
std::string ReadText(const Json& object, std::string_view path, std::string_view key,
                     ConfigErrors& errors);

// The numeric member `key`; nullopt when absent (a non-number is a problem).
std::optional<double> ReadNumber(const Json& object, std::string_view path, std::string_view key,
                                 ConfigErrors& errors);

// The optional value set `key`: an object whose keys are "system|code" (system an absolute
// URI, neither part empty nor padded with spaces) and whose values are non-empty displays.
ValueSet ReadValueSet(const Json& object, std::string_view path, std::string_view key,
                      ConfigErrors& errors);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_CONFIG_READER_H_
