// Typed, path-aware reading of the aftercare config's JSON (the scheduling plugin's helpers,
// trimmed; each plugin links only the SDK, so they are not shared). Every reader records
// what is wrong in a ConfigErrors, prefixed with the JSON path (e.g.
// "instructions.avoid-sun.until_hours"), and carries on, so one refusal lists every problem.
#ifndef NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_READER_H_
#define NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_READER_H_

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"

namespace needlework::aftercare {

using Json = nlohmann::json;

// The problems found in one config, in the order they were found.
class ConfigErrors {
 public:
  // Records "path: problem".
  void Add(std::string_view path, std::string_view problem);
  bool empty() const { return problems_.empty(); }
  // OK when nothing was recorded; otherwise INVALID_ARGUMENT "aftercare config refused: "
  // followed by every problem, "; "-joined.
  Status ToStatus() const;

 private:
  std::vector<std::string> problems_;
};

// `text` parsed as a JSON object; INVALID_ARGUMENT when it is not JSON or not an object.
StatusOr<Json> ParseConfigObject(std::string_view text);

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

// The integer member `key` within [min, max]. When absent: `fallback` if it has a value,
// else a problem ("is required") and nullopt. A non-integer or out-of-range value is a
// problem and yields nullopt.
std::optional<int> ReadInt(const Json& object, std::string_view path, std::string_view key, int min,
                           int max, std::optional<int> fallback, ConfigErrors& errors);

// True when `code` is lower-case letters and digits in hyphen-joined words, e.g.
// "avoid-sun": the form of Needlework's local codes and of the config's own keys.
bool IsLocalCode(std::string_view code);

}  // namespace needlework::aftercare

#endif  // NEEDLEWORK_PLUGINS_AFTERCARE_CONFIG_READER_H_
