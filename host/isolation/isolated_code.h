// Process mode: a PluginCode whose hooks run in needlework-plugin-runner (one supervised
// child process per instance), and the factory that gives each plugin the mode its config
// says (IsolationConfig::ModeFor).
#ifndef NEEDLEWORK_HOST_ISOLATION_ISOLATED_CODE_H_
#define NEEDLEWORK_HOST_ISOLATION_ISOLATED_CODE_H_

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "host/isolation/supervisor.h"
#include "host/limits/runner_cgroups.h"
#include "host/limits/runner_limits.h"
#include "host/plugins/plugin_code.h"
#include "host/plugins/trust_config.h"

namespace needlework::host::isolation {

// The runner executable, when the config names none: beside the host's own executable (the
// build tree), else at kLibexecRunner relative to it (the package: /usr/sbin/needlework-host
// and /usr/libexec/needlework/needlework-plugin-runner).
inline constexpr char kRunnerName[] = "needlework-plugin-runner";
inline constexpr char kLibexecRunner[] = "../libexec/needlework/needlework-plugin-runner";

struct RunnerSettings {
  IsolationConfig isolation;
  PluginTrustConfig trust;  // the runner checks the plugin with the host's trust settings
  // The largest request or answer a runner may exchange: the host's max_message_bytes.
  size_t max_message_bytes = 8 * 1024 * 1024;
  // create_instance's deadline when a runner is restarted.
  std::chrono::milliseconds restart_deadline{500};
  // What each runner may do (host/limits): it applies them to itself before it loads the
  // plugin; with memory_cgroup, each gets a cgroup v2 memory limit where the host can make one.
  RunnerLimitsConfig limits;
};

class IsolatingCodeFactory final : public PluginCodeFactory {
 public:
  // INVALID_ARGUMENT naming plugin_isolation.runner when it names a file that is not
  // executable. When it names none and there is no runner where the host looks (above), a
  // warning is logged and process-mode instances fail to start, naming the file. Makes the
  // host non-dumpable (ShieldHostFromRunners: a runner of the same user cannot reach into
  // it) and, with limits.memory_cgroup, prepares the runners' cgroups (RunnerCgroups),
  // logging once how runners' memory is limited. INTERNAL when the host cannot shield itself.
  static StatusOr<std::unique_ptr<IsolatingCodeFactory>> New(RunnerSettings settings);
  // Stops every runner and waits for them (each gets kStopGrace to exit).
  ~IsolatingCodeFactory() override;

  // In process for an in_process plugin; else a runner, started and past create_instance
  // by `deadline` (see RunnerSupervisor::Start for the errors).
  StatusOr<std::unique_ptr<PluginCode>> Create(const LoadedPlugin& plugin,
                                               const std::string& clinic_id,
                                               const std::string& config_json,
                                               PluginCode::Clock::time_point deadline) override;
  IsolationMode ModeFor(const std::string& plugin_id) const override {
    return settings_.isolation.ModeFor(plugin_id);
  }

 private:
  IsolatingCodeFactory(RunnerSettings settings, std::string runner,
                       std::unique_ptr<RunnerCgroups> cgroups)
      : settings_(std::move(settings)), runner_(std::move(runner)), cgroups_(std::move(cgroups)) {}
  RunnerSpec SpecFor(const LoadedPlugin& plugin, const std::string& clinic_id,
                     const std::string& config_json) const;
  // Joins and forgets the supervisors whose threads have ended.
  void ForgetFinished();

  RunnerSettings settings_;
  std::string runner_;
  std::unique_ptr<RunnerCgroups> cgroups_;  // null: runners have their rlimits only
  std::mutex mutex_;
  std::vector<std::shared_ptr<RunnerSupervisor>> supervisors_;  // every one not yet joined
};

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_ISOLATED_CODE_H_
