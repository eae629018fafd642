#include "plugins/aftercare/config_reader.h"

#include <algorithm>
#include <utility>

namespace needlework::aftercare {
namespace {

constexpr size_t kMaxShownValue = 60;

const Json* FindMember(const Json& object, std::string_view key) {
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

}  // namespace

void ConfigErrors::Add(std::string_view path, std::string_view problem) {
  std::string line(path);
  line.append(": ").append(problem);
  problems_.push_back(std::move(line));
}

Status ConfigErrors::ToStatus() const {
  if (problems_.empty()) return OkStatus();
  std::string message = "aftercare config refused: ";
  for (size_t i = 0; i < problems_.size(); ++i) {
    if (i > 0) message += "; ";
    message += problems_[i];
  }
  return InvalidArgumentError(std::move(message));
}

// nlohmann reports where a syntax error is only by throwing; this is the one place the
// plugin catches a library exception, and it turns it into a Status at once.
StatusOr<Json> ParseConfigObject(std::string_view text) {
  try {
    Json root = Json::parse(text);
    if (!root.is_object()) {
      return InvalidArgumentError("aftercare config must be a JSON object, not " +
                                  DescribeValue(root));
    }
    return root;
  } catch (const Json::exception& e) {
    return InvalidArgumentError(std::string("aftercare config is not valid JSON: ") + e.what());
  }
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

std::optional<int> ReadInt(const Json& object, std::string_view path, std::string_view key, int min,
                           int max, std::optional<int> fallback, ConfigErrors& errors) {
  const Json* member = FindMember(object, key);
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

bool IsLocalCode(std::string_view code) {
  if (code.empty() || code.front() == '-' || code.back() == '-') return false;
  for (size_t i = 0; i < code.size(); ++i) {
    const bool word_char = (code[i] >= 'a' && code[i] <= 'z') || (code[i] >= '0' && code[i] <= '9');
    const bool lone_hyphen = code[i] == '-' && code[i - 1] != '-';
    if (!word_char && !lone_hyphen) return false;
  }
  return true;
}

}  // namespace needlework::aftercare
