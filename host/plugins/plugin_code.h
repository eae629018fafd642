// The code behind one plugin instance, and where it runs. PluginInstance holds a PluginCode;
// everything above it (the registry, the hook runner, the services) is unaware of the mode
// except for reporting it.
//   in_process (InProcessCode): the plugin's C ABI called directly in the host.
//   process (host/isolation): the same library served by needlework-plugin-runner, a child
//   process per instance, over sockets; a crash there costs only that instance's calls.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_CODE_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_CODE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "host/plugins/isolation_config.h"
#include "host/plugins/plugin_library.h"
#include "needlework/status.h"

namespace needlework::host {

enum class RunnerState { kRunning, kRestarting, kCrashed };

// A process-mode instance's runner, as ListPlugins shows it.
struct RunnerReport {
  RunnerState state = RunnerState::kRunning;
  int pid = 0;                    // 0 while no runner is up
  int crashes = 0;                // deaths since the instance was created
  std::string last_crash_reason;  // e.g. "killed by SIGSEGV"; empty when none
  int64_t last_crash_unix_micros = 0;
};

class PluginCode {
 public:
  using Clock = std::chrono::steady_clock;
  virtual ~PluginCode() = default;

  // Calls `hook` with a serialized request: the serialized response, or the plugin's error
  // (its code and message, not yet naming the plugin). Thread-safe. `deadline` bounds the
  // wait where the code can be stopped (process mode: past it the runner is killed and the
  // call fails DEADLINE_EXCEEDED); in process, code cannot be stopped, and hook calls are
  // bounded by the hook runner's watchdog instead.
  virtual StatusOr<std::string> Invoke(needlework::plugin::v1::Hook hook,
                                       const std::string& request, Clock::time_point deadline) = 0;

  // The watchdog found a call of `hook` still running past its deadline. Process mode kills
  // the runner (a crash: "deadline exceeded in <hook>"), so the stuck call returns at once;
  // in process there is nothing to do (the hook runner writes the thread off).
  virtual void DeadlinePassed(needlework::plugin::v1::Hook hook) = 0;

  // The runner's state; nullopt in process.
  virtual std::optional<RunnerReport> Runner() const = 0;
};

// Creates the code of one instance.
class PluginCodeFactory {
 public:
  virtual ~PluginCodeFactory() = default;

  // The code of `plugin`'s instance for `clinic_id`, created with `config_json` (the
  // effective config) by the plugin's create_instance, finished by `deadline` where the
  // mode can bound it. A failed create_instance: CreateFailed. Process mode also fails when the
  // runner cannot start (FAILED_PRECONDITION or UNAVAILABLE, naming why). `plugin` outlives the
  // code.
  virtual StatusOr<std::unique_ptr<PluginCode>> Create(const LoadedPlugin& plugin,
                                                       const std::string& clinic_id,
                                                       const std::string& config_json,
                                                       PluginCode::Clock::time_point deadline) = 0;

  // Where `plugin_id`'s instances run.
  virtual IsolationMode ModeFor(const std::string& plugin_id) const = 0;
};

// The factory of in-process code for every plugin; lives for the process.
PluginCodeFactory& InProcessCodeFactory();

// A failed create_instance, as the API says it: INVALID_ARGUMENT "<plugin_id> refused the
// config: <reason>"; any other code "<plugin_id> could not create its instance: <reason>"
// with that code (PluginStatusCode).
Status CreateFailed(const std::string& plugin_id, int32_t code, std::string_view reason);

// A plugin's failure code as a StatusCode; UNKNOWN for a number that is not a failure code
// (NW_OK included).
StatusCode PluginStatusCode(int32_t code);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_CODE_H_
