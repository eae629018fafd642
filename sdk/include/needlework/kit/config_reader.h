// Typed, path-aware reading of a plugin's JSON config, for Create(): every reader records
// what is wrong in a ConfigErrors, prefixed with the JSON path (e.g.
// "rules.active-acne.outcome"), and carries on, so one refusal lists every problem.
// Header-only; uses nlohmann::json, which the SDK's CMake target brings along.
//
//   needlework::config::ConfigErrors errors("lumen config");
//   auto root = needlework::config::ParseConfigObject(context.config_json, "lumen config");
//   int minutes = ReadInt(*root, "", "minutes", 1, 120, 30, errors).value_or(30);
//   NW_RETURN_IF_ERROR(errors.ToStatus());
#ifndef NEEDLEWORK_KIT_CONFIG_READER_H_
#define NEEDLEWORK_KIT_CONFIG_READER_H_

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/status.h"

namespace needlework::config {

using Json = nlohmann::json;

// The problems found in one config, in the order they were found.
class ConfigErrors {
 public:
  // `subject` names the config in the refusal, e.g. "scheduling config".
  explicit ConfigErrors(std::string subject) : subject_(std::move(subject)) {}
  // Records "path: problem". An empty `path` is the config's top level, written "config"
  // (as the built-in plugins name it), so a refusal never starts with an empty path.
  void Add(std::string_view path, std::string_view problem);
  bool empty() const { return problems_.empty(); }
  // OK when nothing was recorded; otherwise INVALID_ARGUMENT "<subject> refused: " followed
  // by every problem, "; "-joined.
  Status ToStatus() const;

 private:
  std::string subject_;
  std::vector<std::string> problems_;
};

// `text` parsed as a JSON object; INVALID_ARGUMENT naming `subject` when it is not JSON or
// not an object.
StatusOr<Json> ParseConfigObject(std::string_view text, std::string_view subject);
// `path.key`, or `key` alone when `path` is empty.
std::string JoinPath(std::string_view path, std::string_view key);
// `value` as a message shows it: JSON text, cut after 60 characters.
std::string DescribeValue(const Json& value);
// Records a problem for each key of `object` that is not in `known`.
void RejectUnknownKeys(const Json& object, std::string_view path,
                       std::initializer_list<std::string_view> known, ConfigErrors& errors);
// The same, for a list of known keys built at run time (e.g. shared keys plus a caller's own).
void RejectUnknownKeys(const Json& object, std::string_view path,
                       const std::vector<std::string_view>& known, ConfigErrors& errors);
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
// The numeric member `key`; nullopt when absent (a non-number is a problem).
std::optional<double> ReadNumber(const Json& object, std::string_view path, std::string_view key,
                                 ConfigErrors& errors);
// True when `code` is lower-case letters and digits in hyphen-joined words, e.g.
// "fine-lines": the form of Needlework's local codes and of config keys.
bool IsLocalCode(std::string_view code);
// "system|code" split at its one bar; nullopt unless both parts are non-empty, the system
// is an absolute URI (has a colon) and neither holds spaces.
std::optional<std::pair<std::string, std::string>> SplitCodeKey(std::string_view key);

namespace internal {

inline constexpr size_t kMaxShownValue = 60;

inline const Json* FindMember(const Json& object, std::string_view key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

inline bool HasSpace(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace internal

inline void ConfigErrors::Add(std::string_view path, std::string_view problem) {
  std::string line(path.empty() ? std::string_view("config") : path);
  line.append(": ").append(problem);
  problems_.push_back(std::move(line));
}

inline Status ConfigErrors::ToStatus() const {
  if (problems_.empty()) return OkStatus();
  std::string message = subject_ + " refused: ";
  for (size_t i = 0; i < problems_.size(); ++i) {
    if (i > 0) message += "; ";
    message += problems_[i];
  }
  return InvalidArgumentError(std::move(message));
}

// nlohmann reports where a syntax error is only by throwing; this is the one place a plugin
// catches a library exception, and it turns it into a Status at once.
inline StatusOr<Json> ParseConfigObject(std::string_view text, std::string_view subject) {
  try {
    Json root = Json::parse(text);
    if (!root.is_object()) {
      return InvalidArgumentError(std::string(subject) + " must be a JSON object, not " +
                                  DescribeValue(root));
    }
    return root;
  } catch (const Json::exception& e) {
    return InvalidArgumentError(std::string(subject) + " is not valid JSON: " + e.what());
  }
}

inline std::string JoinPath(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string joined(path);
  joined.append(1, '.').append(key);
  return joined;
}

inline std::string DescribeValue(const Json& value) {
  std::string text = value.dump();
  if (text.size() > internal::kMaxShownValue)
    text = text.substr(0, internal::kMaxShownValue) + "...";
  return text;
}

inline void RejectUnknownKeys(const Json& object, std::string_view path,
                              std::initializer_list<std::string_view> known, ConfigErrors& errors) {
  RejectUnknownKeys(object, path, std::vector<std::string_view>(known), errors);
}

inline void RejectUnknownKeys(const Json& object, std::string_view path,
                              const std::vector<std::string_view>& known, ConfigErrors& errors) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string list;
    for (std::string_view name : known) list.append(list.empty() ? "" : ", ").append(name);
    errors.Add(path, "unknown key " + Json(key).dump() + " (known keys: " + list + ")");
  }
}

inline const Json* ReadObject(const Json& object, std::string_view path, std::string_view key,
                              bool required, ConfigErrors& errors) {
  const Json* member = internal::FindMember(object, key);
  if (member == nullptr) {
    if (required) errors.Add(JoinPath(path, key), "is required");
    return nullptr;
  }
  if (!member->is_object()) {
    errors.Add(JoinPath(path, key), "must be an object, not " + DescribeValue(*member));
    return nullptr;
  }
  return member;
}

inline bool ReadBool(const Json& object, std::string_view path, std::string_view key, bool fallback,
                     ConfigErrors& errors) {
  const Json* member = internal::FindMember(object, key);
  if (member == nullptr) return fallback;
  if (!member->is_boolean()) {
    errors.Add(JoinPath(path, key), "must be true or false, not " + DescribeValue(*member));
    return fallback;
  }
  return member->get<bool>();
}

inline std::string ReadText(const Json& object, std::string_view path, std::string_view key,
                            ConfigErrors& errors) {
  const Json* member = internal::FindMember(object, key);
  if (member == nullptr) {
    errors.Add(JoinPath(path, key), "is required");
    return "";
  }
  if (!member->is_string() || member->get_ref<const std::string&>().empty()) {
    errors.Add(JoinPath(path, key), "must be a non-empty string, not " + DescribeValue(*member));
    return "";
  }
  return member->get<std::string>();
}

inline std::optional<int> ReadInt(const Json& object, std::string_view path, std::string_view key,
                                  int min, int max, std::optional<int> fallback,
                                  ConfigErrors& errors) {
  const Json* member = internal::FindMember(object, key);
  if (member == nullptr) {
    if (!fallback) errors.Add(JoinPath(path, key), "is required");
    return fallback;
  }
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  if (!member->is_number_integer()) {
    errors.Add(JoinPath(path, key),
               "must be a whole number from " + range + ", not " + DescribeValue(*member));
    return std::nullopt;
  }
  const auto value = member->get<int64_t>();
  if (value < min || value > max) {
    errors.Add(JoinPath(path, key), "must be from " + range + ", not " + DescribeValue(*member));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

inline std::optional<double> ReadNumber(const Json& object, std::string_view path,
                                        std::string_view key, ConfigErrors& errors) {
  const Json* member = internal::FindMember(object, key);
  if (member == nullptr) return std::nullopt;
  if (!member->is_number()) {
    errors.Add(JoinPath(path, key), "must be a number, not " + DescribeValue(*member));
    return std::nullopt;
  }
  return member->get<double>();
}

inline bool IsLocalCode(std::string_view code) {
  if (code.empty() || code.front() == '-' || code.back() == '-') return false;
  for (size_t i = 0; i < code.size(); ++i) {
    const bool word_char = (code[i] >= 'a' && code[i] <= 'z') || (code[i] >= '0' && code[i] <= '9');
    const bool lone_hyphen = code[i] == '-' && code[i - 1] != '-';
    if (!word_char && !lone_hyphen) return false;
  }
  return true;
}

inline std::optional<std::pair<std::string, std::string>> SplitCodeKey(std::string_view key) {
  const size_t bar = key.find('|');
  if (bar == key.npos || bar == 0 || bar + 1 == key.size() || key.find('|', bar + 1) != key.npos) {
    return std::nullopt;
  }
  std::string_view system = key.substr(0, bar);
  std::string_view code = key.substr(bar + 1);
  if (system.find(':') == system.npos || internal::HasSpace(system) || internal::HasSpace(code))
    return std::nullopt;
  return std::make_pair(std::string(system), std::string(code));
}

}  // namespace needlework::config

#endif  // NEEDLEWORK_KIT_CONFIG_READER_H_
