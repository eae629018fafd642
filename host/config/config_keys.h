// Reading keys of the host config's YAML, with errors that name the key. Shared by the
// readers of its sections (host_config.cc, tls_config.cc, isolation_config_reader.cc).
#ifndef NEEDLEWORK_HOST_CONFIG_CONFIG_KEYS_H_
#define NEEDLEWORK_HOST_CONFIG_CONFIG_KEYS_H_

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <set>
#include <string>

#include "needlework/status.h"

namespace needlework::host {

// `path` resolved against `base_dir` when relative; "" stays "".
std::string ResolvePath(const std::string& path, const std::string& base_dir);

// INVALID_ARGUMENT "config key '<key>': <what>".
Status KeyError(const std::string& key, const std::string& what);

// The name of a map key, which must be a plain scalar: yaml-cpp throws on as<std::string>()
// of a sequence or map key such as `{[a]: b}` (a crash the config fuzzer keeps guarding).
// `map` names the map ("" for the top level).
StatusOr<std::string> KeyName(const YAML::Node& key, const std::string& map);

// KeyError for the first key of `node` (a map named `map`) that is not in `known`.
Status CheckKnownKeys(const YAML::Node& node, const std::string& map,
                      const std::set<std::string>& known);

StatusOr<std::string> ScalarString(const YAML::Node& node, const std::string& key);

// A whole number from 1 to `max`.
StatusOr<int64_t> PositiveInteger(const YAML::Node& node, const std::string& key,
                                  int64_t max = INT64_MAX);

// `map`.`key`, read from `node` (the map) when present: a whole number from `min` to `max`
// into *out; absent, *out is left as it is.
Status ReadInRange(const YAML::Node& node, const std::string& map, const std::string& key,
                   int64_t min, int64_t max, int64_t* out);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_CONFIG_KEYS_H_
