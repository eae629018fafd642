#include "host/config/isolation_config_reader.h"

#include <chrono>
#include <set>

#include "host/config/config_keys.h"
#include "host/config/runner_limits_config.h"

namespace needlework::host {
namespace {

constexpr char kKey[] = "plugin_isolation";

std::string Key(const std::string& sub) { return std::string(kKey) + "." + sub; }

StatusOr<IsolationMode> Mode(const YAML::Node& node, const std::string& key) {
  if (node.IsScalar() && node.Scalar() == "process") return IsolationMode::kProcess;
  if (node.IsScalar() && node.Scalar() == "in_process") return IsolationMode::kInProcess;
  return KeyError(key, "expected process or in_process");
}

Status ReadPlugins(const YAML::Node& node, IsolationConfig& out) {
  if (!node.IsMap()) return KeyError(Key("plugins"), "expected a map of plugin id: mode");
  for (const auto& entry : node) {
    NW_ASSIGN_OR_RETURN(std::string id, KeyName(entry.first, Key("plugins")));
    NW_ASSIGN_OR_RETURN(out.by_plugin[id], Mode(entry.second, Key("plugins." + id)));
  }
  return OkStatus();
}

Status ReadBackoff(const YAML::Node& node, IsolationConfig& out) {
  const std::string key = Key("restart_backoff_ms");
  if (!node.IsMap()) return KeyError(key, "expected {initial: ms, max: ms}");
  NW_RETURN_IF_ERROR(CheckKnownKeys(node, key, {"initial", "max"}));
  constexpr int64_t kHour = 3600000;
  if (node["initial"]) {
    NW_ASSIGN_OR_RETURN(int64_t initial, PositiveInteger(node["initial"], key + ".initial", kHour));
    out.backoff_initial = std::chrono::milliseconds(initial);
  }
  if (node["max"]) {
    NW_ASSIGN_OR_RETURN(int64_t max, PositiveInteger(node["max"], key + ".max", kHour));
    out.backoff_max = std::chrono::milliseconds(max);
  }
  if (out.backoff_initial > out.backoff_max) {
    return KeyError(key, "initial (" + std::to_string(out.backoff_initial.count()) +
                             ") is more than max (" + std::to_string(out.backoff_max.count()) +
                             ")");
  }
  return OkStatus();
}

Status ReadNumbers(const YAML::Node& node, IsolationConfig& out) {
  if (node["connections"]) {
    NW_ASSIGN_OR_RETURN(
        int64_t connections,
        PositiveInteger(node["connections"], Key("connections"), IsolationConfig::kMaxConnections));
    out.connections = static_cast<int>(connections);
  }
  if (node["max_crashes"]) {
    NW_ASSIGN_OR_RETURN(int64_t crashes,
                        PositiveInteger(node["max_crashes"], Key("max_crashes"), 1000));
    out.max_crashes = static_cast<int>(crashes);
  }
  if (node["crash_window_s"]) {
    NW_ASSIGN_OR_RETURN(int64_t seconds,
                        PositiveInteger(node["crash_window_s"], Key("crash_window_s"), 86400));
    out.crash_window = std::chrono::seconds(seconds);
  }
  return OkStatus();
}

}  // namespace

Status ReadPluginIsolation(const YAML::Node& node, const std::string& base_dir,
                           HostConfig& config) {
  if (!node.IsMap()) return KeyError(kKey, "expected a map (default, plugins, runner, ...)");
  std::set<std::string> keys = {
      "default",     "plugins",       "runner", "connections", "restart_backoff_ms",
      "max_crashes", "crash_window_s"};
  keys.insert(RunnerLimitKeys().begin(), RunnerLimitKeys().end());
  NW_RETURN_IF_ERROR(CheckKnownKeys(node, kKey, keys));
  NW_RETURN_IF_ERROR(ReadRunnerLimits(node, config.runner_limits));
  IsolationConfig& out = config.plugin_isolation;
  if (node["default"]) {
    NW_ASSIGN_OR_RETURN(out.default_mode, Mode(node["default"], Key("default")));
  }
  if (node["plugins"]) NW_RETURN_IF_ERROR(ReadPlugins(node["plugins"], out));
  if (node["runner"]) {
    NW_ASSIGN_OR_RETURN(std::string runner, ScalarString(node["runner"], Key("runner")));
    out.runner = ResolvePath(runner, base_dir);
  }
  if (node["restart_backoff_ms"]) NW_RETURN_IF_ERROR(ReadBackoff(node["restart_backoff_ms"], out));
  return ReadNumbers(node, out);
}

}  // namespace needlework::host
