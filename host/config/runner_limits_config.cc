#include "host/config/runner_limits_config.h"

#include <cstdint>

namespace needlework::host {
namespace {

constexpr uint64_t kMaxMemoryMiB = 1 << 20;  // 1 TiB

Status KeyError(const std::string& key, const std::string& what) {
  return InvalidArgumentError("config key 'plugin_isolation." + key + "': " + what);
}

// A whole number from `min` to `max` at `key`.
StatusOr<uint64_t> WholeNumber(const YAML::Node& node, const std::string& key, uint64_t min,
                               uint64_t max, const std::string& unit) {
  uint64_t value = 0;
  if (!node.IsScalar() || !YAML::convert<uint64_t>::decode(node, value) || value < min ||
      value > max) {
    return KeyError(key, "expected a whole number" + unit + " from " + std::to_string(min) +
                             " to " + std::to_string(max) + ", got '" +
                             (node.IsScalar() ? node.Scalar() : "a list or map") + "'");
  }
  return value;
}

StatusOr<bool> MemoryCgroup(const YAML::Node& node) {
  if (node.IsScalar() && node.Scalar() == "auto") return true;
  if (node.IsScalar() && node.Scalar() == "off") return false;
  return KeyError("memory_cgroup",
                  "expected auto (a cgroup v2 memory limit per runner where "
                  "the host can create one) or off");
}

}  // namespace

const std::set<std::string>& RunnerLimitKeys() {
  static const auto* keys =
      new std::set<std::string>{"memory_limit_mb", "open_files", "memory_cgroup"};
  return *keys;
}

Status ReadRunnerLimits(const YAML::Node& plugin_isolation, RunnerLimitsConfig& limits) {
  if (const YAML::Node node = plugin_isolation["memory_limit_mb"]) {
    NW_ASSIGN_OR_RETURN(
        uint64_t mib,
        WholeNumber(node, "memory_limit_mb", RunnerLimits::kMinMemoryBytes / RunnerLimits::kMiB,
                    kMaxMemoryMiB, " of MiB"));
    limits.memory_bytes = mib * RunnerLimits::kMiB;
  }
  if (const YAML::Node node = plugin_isolation["open_files"]) {
    NW_ASSIGN_OR_RETURN(limits.open_files,
                        WholeNumber(node, "open_files", RunnerLimits::kMinOpenFiles,
                                    RunnerLimits::kMaxOpenFiles, ""));
  }
  if (const YAML::Node node = plugin_isolation["memory_cgroup"]) {
    NW_ASSIGN_OR_RETURN(limits.memory_cgroup, MemoryCgroup(node));
  }
  return OkStatus();
}

}  // namespace needlework::host
