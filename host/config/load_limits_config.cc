#include "host/config/load_limits_config.h"

#include "host/config/config_keys.h"

namespace needlework::host {
namespace {

Status ReadInt(const YAML::Node& node, const std::string& key, int64_t min, int64_t max, int* out) {
  int64_t value = *out;
  NW_RETURN_IF_ERROR(ReadInRange(node, "load_limits", key, min, max, &value));
  *out = static_cast<int>(value);
  return OkStatus();
}

}  // namespace

Status ReadLoadLimits(const YAML::Node& node, LoadLimits& limits) {
  if (!node.IsMap()) return KeyError("load_limits", "expected a map");
  NW_RETURN_IF_ERROR(
      CheckKnownKeys(node, "load_limits",
                     {"refusals_per_peer", "refusals_per_clinic", "refusal_window_seconds",
                      "max_concurrent_streams", "memory_quota_mb", "max_threads"}));
  NW_RETURN_IF_ERROR(ReadInt(node, "refusals_per_peer", 1, 1'000'000, &limits.refusals_per_peer));
  NW_RETURN_IF_ERROR(
      ReadInt(node, "refusals_per_clinic", 1, 1'000'000, &limits.refusals_per_clinic));
  int64_t window = limits.refusal_window.count();
  NW_RETURN_IF_ERROR(ReadInRange(node, "load_limits", "refusal_window_seconds", 1, 3600, &window));
  limits.refusal_window = std::chrono::seconds(window);
  NW_RETURN_IF_ERROR(
      ReadInt(node, "max_concurrent_streams", 1, 100'000, &limits.max_concurrent_streams));
  int64_t megabytes = limits.memory_quota_bytes >> 20;
  NW_RETURN_IF_ERROR(ReadInRange(node, "load_limits", "memory_quota_mb", 16, 1 << 20, &megabytes));
  limits.memory_quota_bytes = megabytes << 20;
  return ReadInt(node, "max_threads", 2, 10'000, &limits.max_threads);
}

}  // namespace needlework::host
