// The `plugin_isolation` key of the host config (IsolationConfig):
//
//   plugin_isolation:
//     default: process                  # for every plugin not shipped with the host
//     plugins: {com.acme.rf: in_process, org.needlework.screening: process}
//     runner: /usr/lib/needlework/needlework-plugin-runner   # default: beside the host
//     connections: 4                    # sockets per runner: its calls at once
//     restart_backoff_ms: {initial: 100, max: 5000}
//     max_crashes: 5                    # deaths within crash_window_s before `crashed`
//     crash_window_s: 60
//     memory_limit_mb: 1024             # the runners' limits: runner_limits_config.h
//     open_files: 256
//     memory_cgroup: auto
//
// Part of ParseHostConfig, in a file of its own.
#ifndef NEEDLEWORK_HOST_CONFIG_ISOLATION_CONFIG_READER_H_
#define NEEDLEWORK_HOST_CONFIG_ISOLATION_CONFIG_READER_H_

#include <yaml-cpp/yaml.h>

#include <string>

#include "host/config/host_config.h"

namespace needlework::host {

// Reads `node` into config.plugin_isolation and, through ReadRunnerLimits, the limit keys
// into config.runner_limits; `runner` resolves against `base_dir`.
// INVALID_ARGUMENT naming the key: an unknown key, a mode other than process or
// in_process, a number out of its range (connections 1-64, max_crashes 1-1000,
// crash_window_s 1-86400, backoffs 1-3600000 ms with initial <= max).
Status ReadPluginIsolation(const YAML::Node& node, const std::string& base_dir, HostConfig& config);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_ISOLATION_CONFIG_READER_H_
