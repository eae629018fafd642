#include "plugins/screening/config_reader.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace needlework::screening {
namespace {

constexpr size_t kMaxShownValue = 60;

const Json* FindMember(const Json& object, std::string_view key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

bool HasSpace(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

bool IsPadded(std::string_view text) {
  return !text.empty() && (std::isspace(static_cast<unsigned char>(text.front())) != 0 ||
                           std::isspace(static_cast<unsigned char>(text.back())) != 0);
}

// Checks one value-set key; on success sets `system` and `code`, else records a problem.
bool SplitValueSetKey(const std::string& key, std::string_view path, std::string_view* system,
                      std::string_view* code, ConfigErrors& errors) {
  const std::string quoted = Json(key).dump();
  size_t bar = key.find('|');
  if (bar == key.npos || bar == 0 || bar + 1 == key.size() || key.find('|', bar + 1) != key.npos) {
    errors.Add(path, "key " + quoted + " must be \"system|code\"");
    return false;
  }
  *system = std::string_view(key).substr(0, bar);
  *code = std::string_view(key).substr(bar + 1);
  if (system->find(':') == system->npos || HasSpace(*system)) {
    errors.Add(path, "key " + quoted + ": system \"" + std::string(*system) +
                         "\" must be an absolute URI such as http://snomed.info/sct");
    return false;
  }
  if (IsPadded(*code)) {
    errors.Add(path, "key " + quoted + ": code must not start or end with a space");
    return false;
  }
  return true;
}

}  // namespace

void ConfigErrors::Add(std::string_view path, std::string_view problem) {
  std::string line(path);
  line.append(": ").append(problem);
  problems_.push_back(std::move(line));
}

Status ConfigErrors::ToStatus() const {
  if (problems_.empty()) return OkStatus();
  std::string message = "screening config refused: ";
  for (size_t i = 0; i < problems_.size(); ++i) {
    if (i > 0) message += "; ";
    message += problems_[i];
  }
  return InvalidArgumentError(std::move(message));
}

std::string JoinPath(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string joined(path);
  joined.append(1, '.').append(key);
  return joined;
}

std::string DescribeValue(const Json& value) {
  std::string text = value.dump();
  if (text.size() > kMaxShownValue) text = text.substr(0, kMaxShownValue) + "...";
  return text;
}

void RejectUnknownKeys(const Json& object, std::string_view path,
                       std::initializer_list<std::string_view> known, ConfigErrors& errors) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string list;
    for (std::string_view name : known) list.append(list.empty() ? "" : ", ").append(name);
    errors.Add(path, "unknown key " + Json(key).dump() + " (known keys: " + list + ")");
  }
}

const Json* ReadObject(const Json& object, std::string_view path, std::string_view key,
                       bool required, ConfigErrors& errors) {
  const Json* member = FindMember(object, key);
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

bool ReadBool(const Json& object, std::string_view path, std::string_view key, bool fallback,
              ConfigErrors& errors) {
  const Json* member = FindMember(object, key);
  if (member == nullptr) return fallback;
  if (!member->is_boolean()) {
    errors.Add(JoinPath(path, key), "must be true or false, not " + DescribeValue(*member));
    return fallback;
  }
  return member->get<bool>();
}

std::string ReadText(const Json& object, std::string_view path, std::string_view key,
                     ConfigErrors& errors) {
  const Json* member = FindMember(object, key);
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

std::optional<double> ReadNumber(const Json& object, std::string_view path, std::string_view key,
                                 ConfigErrors& errors) {
  const Json* member = FindMember(object, key);
  if (member == nullptr) return std::nullopt;
  if (!member->is_number()) {
    errors.Add(JoinPath(path, key), "must be a number, not " + DescribeValue(*member));
    return std::nullopt;
  }
  return member->get<double>();
}

ValueSet ReadValueSet(const Json& object, std::string_view path, std::string_view key,
                      ConfigErrors& errors) {
  ValueSet set;
  const Json* codes = ReadObject(object, path, key, /*required=*/false, errors);
  if (codes == nullptr) return set;
  const std::string set_path = JoinPath(path, key);
  for (const auto& [entry_key, display] : codes->items()) {
    std::string_view system, code;
    if (!SplitValueSetKey(entry_key, set_path, &system, &code, errors)) continue;
    if (!display.is_string() || display.get_ref<const std::string&>().empty()) {
      errors.Add(set_path + "[" + Json(entry_key).dump() + "]",
                 "display must be a non-empty string, not " + DescribeValue(display));
      continue;
    }
    set.Add(system, code, display.get<std::string>());
  }
  return set;
}

}  // namespace needlework::screening
