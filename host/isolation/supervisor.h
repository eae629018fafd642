// Keeps one process-mode instance's runner alive: starts it (spawn, then create_instance),
// pumps its output into the host log (RunnerOutput), reaps it when it dies, and restarts it
// after a backoff with the same effective config, until it dies max_crashes times within
// the crash window (then it is `crashed`: neither restarted nor called) or the instance is
// destroyed. Calls while no runner is up fail at once, never waiting for a restart.
//
// One thread per runner does all of this, and spawns the runner itself: the runner's
// PR_SET_PDEATHSIG fires when the thread that spawned it ends, and this thread outlives
// every runner it starts.
#ifndef NEEDLEWORK_HOST_ISOLATION_SUPERVISOR_H_
#define NEEDLEWORK_HOST_ISOLATION_SUPERVISOR_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "host/isolation/crash_history.h"
#include "host/isolation/runner_process.h"
#include "host/limits/runner_cgroups.h"
#include "host/plugins/plugin_code.h"

namespace needlework::host::isolation {

// Everything each start of one instance's runner needs.
struct RunnerSpec {
  std::string runner;  // the executable
  RunnerArgs args;     // args.limits.cgroup_dir is set per start, from `cgroups`
  // Where each start's cgroup v2 memory limit is made; null: rlimits only. Not owned; it
  // outlives the supervisor.
  RunnerCgroups* cgroups = nullptr;
  CreateMessage create;  // the clinic and the effective config
  IsolationConfig isolation;
  std::chrono::milliseconds restart_deadline{500};  // for create_instance on a restart
};

class RunnerSupervisor {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RunnerSupervisor(RunnerSpec spec);
  ~RunnerSupervisor();  // Stop() and Join()
  RunnerSupervisor(const RunnerSupervisor&) = delete;
  RunnerSupervisor& operator=(const RunnerSupervisor&) = delete;

  // Starts the thread and the first runner; returns once create_instance has answered, by
  // `deadline`. OK: the instance is up. Else, with a message naming the plugin: the
  // plugin's refusal of the config (its code), FAILED_PRECONDITION when the runner refused
  // to load the plugin, DEADLINE_EXCEEDED, or UNAVAILABLE saying how the runner ended. On
  // failure the thread ends by itself once the runner is reaped. Call once.
  Status Start(Clock::time_point deadline);

  // One hook call on the current runner (RunnerProcess::Call; its failures say "failed:
  // <how the runner ended>"). UNAVAILABLE at once while no runner is up, saying why ("is
  // restarting (...)", "is crashed: ...", "is being stopped").
  StatusOr<CodedMessage> Call(uint32_t hook, std::string_view hook_name, std::string_view request,
                              Clock::time_point deadline);

  // Kills the current runner, if any, with `reason` as the cause: a crash, like any death.
  void Kill(const std::string& reason);

  RunnerReport Report() const;

  // Tells the thread to finish: the runner is asked to exit (its sockets are shut down)
  // and killed if it has not exited kStopGrace later. Returns at once.
  void Stop();
  // Waits for the thread to end (after Stop, or a failed Start).
  void Join();
  bool finished() const { return finished_.load(); }

 private:
  struct Attempt;
  void Run(std::promise<Status> first, Clock::time_point deadline);
  Attempt StartRunner(Clock::time_point deadline);
  std::optional<RunnerCgroup> MakeCgroup() const;
  void Publish(std::shared_ptr<RunnerProcess> process);
  std::string Serve(const std::shared_ptr<RunnerProcess>& process);
  std::string Discard(const Attempt& attempt);
  std::string Pump(RunnerProcess& process);
  bool AfterDeath(const std::string& reason);
  Status FirstStartError(const Attempt& attempt, const std::string& ended) const;
  std::string RestartFailure(const Attempt& attempt, const std::string& ended) const;
  std::string DownReason() const;
  bool stopping() const;

  RunnerSpec spec_;
  UniqueFd wake_;  // an eventfd: Stop() wakes the pump
  CrashHistory history_;
  mutable std::mutex mutex_;
  std::condition_variable stop_;            // Stop() wakes a backoff wait
  std::shared_ptr<RunnerProcess> current_;  // the runner serving calls; null while down
  RunnerState state_ = RunnerState::kRestarting;
  bool crashed_ = false;
  bool stopping_ = false;
  int crashes_ = 0;
  std::string last_reason_;
  int64_t last_crash_unix_micros_ = 0;
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_SUPERVISOR_H_
