// Where each plugin's code runs: in the host's process, or in a runner process of its own
// per clinic (`plugin_isolation` in the host config; parsed by host/config).
#ifndef NEEDLEWORK_HOST_PLUGINS_ISOLATION_CONFIG_H_
#define NEEDLEWORK_HOST_PLUGINS_ISOLATION_CONFIG_H_

#include <chrono>
#include <map>
#include <string>
#include <string_view>

namespace needlework::host {

enum class IsolationMode {
  kInProcess,  // loaded into the host and called directly: fastest, fully trusted
  kProcess,    // served by needlework-plugin-runner, one child process per clinic
};

// "in_process" or "process", as the config spells them.
std::string_view IsolationModeName(IsolationMode mode);

// True for the ids of the plugins shipped with the host (plugins/*).
bool IsBuiltInPlugin(const std::string& plugin_id);

struct IsolationConfig {
  static constexpr int kMaxConnections = 64;
  // The mode of every plugin not shipped with the host; the built-ins run in process.
  IsolationMode default_mode = IsolationMode::kProcess;
  // Per plugin id, over both defaults.
  std::map<std::string, IsolationMode> by_plugin;
  // The runner executable; empty: needlework-plugin-runner next to the host's executable.
  std::string runner;
  // Sockets between the host and each runner: how many calls one runner serves at once
  // (1 to kMaxConnections).
  int connections = 4;
  // The wait before restarting a runner that died: `backoff_initial`, doubled for each
  // further death in the crash window, at most `backoff_max`.
  std::chrono::milliseconds backoff_initial{100};
  std::chrono::milliseconds backoff_max{5000};
  // A runner that dies `max_crashes` times within `crash_window` is marked crashed and not
  // restarted or called until an admin re-enables or reconfigures the plugin for the clinic.
  int max_crashes = 5;
  std::chrono::seconds crash_window{60};

  // The override for `plugin_id`, else in_process for a built-in, else default_mode.
  IsolationMode ModeFor(const std::string& plugin_id) const;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_ISOLATION_CONFIG_H_
