#include "host/config/config_keys.h"

#include <filesystem>

namespace needlework::host {

std::string ResolvePath(const std::string& path, const std::string& base_dir) {
  namespace fs = std::filesystem;
  if (path.empty() || fs::path(path).is_absolute()) return path;
  return (fs::path(base_dir) / path).lexically_normal().string();
}

Status KeyError(const std::string& key, const std::string& what) {
  return InvalidArgumentError("config key '" + key + "': " + what);
}

StatusOr<std::string> KeyName(const YAML::Node& key, const std::string& map) {
  if (key.IsScalar()) return key.Scalar();
  if (map.empty())
    return InvalidArgumentError("config keys must be plain names, not lists or maps");
  return KeyError(map, "keys must be plain names, not lists or maps");
}

Status CheckKnownKeys(const YAML::Node& node, const std::string& map,
                      const std::set<std::string>& known) {
  for (const auto& entry : node) {
    NW_ASSIGN_OR_RETURN(std::string key, KeyName(entry.first, map));
    if (known.contains(key)) continue;
    std::string names;
    for (const auto& name : known) names += (names.empty() ? "" : ", ") + name;
    return KeyError(map.empty() ? key : map + "." + key, "unknown key; known keys are " + names);
  }
  return OkStatus();
}

StatusOr<std::string> ScalarString(const YAML::Node& node, const std::string& key) {
  if (!node.IsScalar()) return KeyError(key, "expected a string");
  return node.as<std::string>();
}

StatusOr<int64_t> PositiveInteger(const YAML::Node& node, const std::string& key, int64_t max) {
  int64_t value = 0;
  if (!node.IsScalar() || !YAML::convert<int64_t>::decode(node, value) || value <= 0) {
    return KeyError(key, "expected a positive whole number");
  }
  if (value > max) return KeyError(key, "expected at most " + std::to_string(max));
  return value;
}

Status ReadInRange(const YAML::Node& node, const std::string& map, const std::string& key,
                   int64_t min, int64_t max, int64_t* out) {
  if (!node[key]) return OkStatus();
  std::string name = map + "." + key;
  NW_ASSIGN_OR_RETURN(int64_t value, PositiveInteger(node[key], name, max));
  if (value < min) return KeyError(name, "expected at least " + std::to_string(min));
  *out = value;
  return OkStatus();
}

}  // namespace needlework::host
