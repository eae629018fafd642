// The host config's `load_limits` map (host/common/load_limits.h). Part of ParseHostConfig.
#ifndef NEEDLEWORK_HOST_CONFIG_LOAD_LIMITS_CONFIG_H_
#define NEEDLEWORK_HOST_CONFIG_LOAD_LIMITS_CONFIG_H_

#include <yaml-cpp/yaml.h>

#include "host/common/load_limits.h"
#include "needlework/status.h"

namespace needlework::host {

// Reads the keys present in `node` (a YAML map) over `limits`:
//   refusals_per_peer, refusals_per_clinic: 1 to 1000000
//   refusal_window_seconds:                 1 to 3600
//   max_concurrent_streams:                 1 to 100000
//   memory_quota_mb:                        16 to 1048576 (MiB)
//   max_threads:                            2 to 10000
// INVALID_ARGUMENT naming the key and its range, or an unknown key.
Status ReadLoadLimits(const YAML::Node& node, LoadLimits& limits);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_LOAD_LIMITS_CONFIG_H_
