// The runner-limit keys of the host config's `plugin_isolation` map: memory_limit_mb,
// open_files, memory_cgroup. Part of ParseHostConfig, in a file of its own, so that the
// parser of the whole `plugin_isolation` block (isolation modes, runner settings) takes
// these keys from here.
#ifndef NEEDLEWORK_HOST_CONFIG_RUNNER_LIMITS_CONFIG_H_
#define NEEDLEWORK_HOST_CONFIG_RUNNER_LIMITS_CONFIG_H_

#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "host/limits/runner_limits.h"
#include "needlework/status.h"

namespace needlework::host {

// The keys ReadRunnerLimits reads.
const std::set<std::string>& RunnerLimitKeys();

// Reads the RunnerLimitKeys() present in `plugin_isolation` (a YAML map; other keys are left
// to the caller) over `limits`:
//   memory_limit_mb: 256 to 1048576 (MiB), each runner's address space and cgroup memory.max
//   open_files:      128 to 1048576, each runner's descriptors
//   memory_cgroup:   auto | off
// INVALID_ARGUMENT naming the key, its range or its choices.
Status ReadRunnerLimits(const YAML::Node& plugin_isolation, RunnerLimitsConfig& limits);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_RUNNER_LIMITS_CONFIG_H_
