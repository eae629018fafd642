#include "host/isolation/supervisor.h"

#include <sys/eventfd.h>

#include "host/common/host_metrics.h"
#include "host/common/log.h"
#include "host/common/time_util.h"
#include "host/isolation/runner_watch.h"
#include "host/plugins/in_process_code.h"

namespace needlework::host::isolation {

// One start of the runner: the process (null when it could not be spawned), and either the
// plugin's answer to create_instance or why there is none.
struct RunnerSupervisor::Attempt {
  std::shared_ptr<RunnerProcess> process;
  Status status;       // spawn or protocol failure, or the runner's refusal
  CodedMessage reply;  // create_instance's answer, when status is OK
  bool ok() const { return status.ok() && reply.code == NW_OK; }
};

RunnerSupervisor::RunnerSupervisor(RunnerSpec spec)
    : spec_(std::move(spec)),
      wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      history_(spec_.isolation) {}

RunnerSupervisor::~RunnerSupervisor() {
  Stop();
  Join();
}

Status RunnerSupervisor::Start(Clock::time_point deadline) {
  std::promise<Status> first;
  auto started = first.get_future();
  thread_ = std::thread([this, deadline, first = std::move(first)]() mutable {
    Run(std::move(first), deadline);
    finished_.store(true);
  });
  return started.get();
}

void RunnerSupervisor::Run(std::promise<Status> first, Clock::time_point deadline) {
  bool first_start = true;
  while (true) {
    Attempt attempt = StartRunner(deadline);
    std::string ended;
    if (attempt.ok()) {
      Publish(attempt.process);  // calls go to it from now on
      if (first_start) first.set_value(OkStatus());
      ended = Serve(attempt.process);
    } else {
      ended = Discard(attempt);
      if (first_start) return first.set_value(FirstStartError(attempt, ended));
      ended = RestartFailure(attempt, ended);
    }
    first_start = false;
    if (!AfterDeath(ended)) return;
    Metrics().RunnerRestarted(spec_.args.plugin_id);
    deadline = Clock::now() + spec_.restart_deadline;
  }
}

RunnerSupervisor::Attempt RunnerSupervisor::StartRunner(Clock::time_point deadline) {
  Attempt attempt;
  std::optional<RunnerCgroup> cgroup = MakeCgroup();
  RunnerArgs args = spec_.args;
  if (cgroup) args.limits.cgroup_dir = cgroup->dir();
  StatusOr<SpawnedRunner> spawned = SpawnRunner(spec_.runner, args);
  if (!spawned.ok()) {
    attempt.status = spawned.status();
    return attempt;
  }
  attempt.process =
      std::make_shared<RunnerProcess>(std::move(spawned).value(), spec_.args.max_frame_bytes,
                                      spec_.args.plugin_id, spec_.args.clinic_id);
  attempt.process->set_cgroup(std::move(cgroup));
  StatusOr<CodedMessage> reply = attempt.process->Create(spec_.create, deadline);
  if (reply.ok()) {
    attempt.reply = std::move(reply).value();
  } else {
    attempt.status = reply.status();
  }
  return attempt;
}

// A cgroup for the next start, when the host makes them; none (rlimits only) otherwise.
std::optional<RunnerCgroup> RunnerSupervisor::MakeCgroup() const {
  if (spec_.cgroups == nullptr) return std::nullopt;
  StatusOr<RunnerCgroup> cgroup = spec_.cgroups->Create(spec_.args.limits.memory_bytes);
  if (cgroup.ok()) return std::move(cgroup).value();
  LogEvent(Level::kWarning, "plugin_runner_cgroup",
           {{"plugin", spec_.args.plugin_id},
            {"clinic", spec_.args.clinic_id},
            {"message", "runner starts with its rlimits only: " + cgroup.status().message()}});
  return std::nullopt;
}

void RunnerSupervisor::Publish(std::shared_ptr<RunnerProcess> process) {
  std::lock_guard lock(mutex_);
  current_ = std::move(process);
  state_ = RunnerState::kRunning;
}

// Watches `process`, the published runner, until it ends; how it ended.
std::string RunnerSupervisor::Serve(const std::shared_ptr<RunnerProcess>& process) {
  std::string ended = WatchRunner(*process, wake_.get(), [this] { return stopping(); });
  std::lock_guard lock(mutex_);
  current_ = nullptr;
  state_ = RunnerState::kRestarting;
  return ended;
}

// Ends a start that failed (the runner, if any, is killed and reaped); how it ended.
std::string RunnerSupervisor::Discard(const Attempt& attempt) {
  if (!attempt.process) return attempt.status.message();
  attempt.process->Kill(attempt.status.ok() ? "create_instance refused" : attempt.status.message());
  return WatchRunner(*attempt.process, wake_.get(), [] { return false; });
}

// Records a death; false when the thread is to end (stopping, or crashed and then stopped).
bool RunnerSupervisor::AfterDeath(const std::string& reason) {
  if (stopping()) {
    // Told to stop, a runner destroys its instance and exits 0; anything else (a crash or a
    // hang in destroy_instance) harms no call, but its vendor should hear of it.
    if (reason != "exited with status 0") {
      LogEvent(
          Level::kWarning, "plugin_runner_stopped_uncleanly",
          {{"plugin", spec_.args.plugin_id}, {"clinic", spec_.args.clinic_id}, {"reason", reason}});
    }
    return false;
  }
  Metrics().RunnerCrashed(spec_.args.plugin_id);
  std::unique_lock lock(mutex_);
  ++crashes_;
  last_reason_ = reason;
  last_crash_unix_micros_ = NowUnixMicros();
  crashed_ = history_.Record(Clock::now());
  state_ = crashed_ ? RunnerState::kCrashed : RunnerState::kRestarting;
  auto backoff = history_.Backoff();
  LogEvent(Level::kError, crashed_ ? "plugin_runner_crashed" : "plugin_runner_died",
           {{"plugin", spec_.args.plugin_id},
            {"clinic", spec_.args.clinic_id},
            {"reason", reason},
            {"crashes", crashes_},
            {"restart_in_ms", crashed_ ? -1 : backoff.count()}});
  if (crashed_) {
    stop_.wait(lock, [this] { return stopping_; });
    return false;
  }
  return !stop_.wait_for(lock, backoff, [this] { return stopping_; });
}

Status RunnerSupervisor::FirstStartError(const Attempt& attempt, const std::string& ended) const {
  const std::string& plugin = spec_.args.plugin_id;
  std::string runner = "runner for clinic '" + spec_.args.clinic_id + "'";
  if (attempt.status.ok()) return CreateFailed(plugin, attempt.reply.code, attempt.reply.bytes);
  switch (attempt.status.code()) {
    case StatusCode::kFailedPrecondition:
      return FailedPreconditionError(
          plugin + ": needlework-plugin-runner refused to load it: " + attempt.status.message());
    case StatusCode::kDeadlineExceeded:
      return DeadlineExceededError(plugin + ": " + runner +
                                   " did not create its instance by the deadline; it was killed");
    default:
      return UnavailableError(plugin + ": " + runner + " could not create its instance: " + ended);
  }
}

std::string RunnerSupervisor::RestartFailure(const Attempt& attempt,
                                             const std::string& ended) const {
  if (attempt.status.ok()) {
    return "restart refused by the plugin: " +
           CreateFailed(spec_.args.plugin_id, attempt.reply.code, attempt.reply.bytes).message();
  }
  if (attempt.status.code() == StatusCode::kFailedPrecondition) {
    return "restart refused: " + attempt.status.message();
  }
  return "restart failed: " + ended;
}

StatusOr<CodedMessage> RunnerSupervisor::Call(uint32_t hook, std::string_view hook_name,
                                              std::string_view request,
                                              Clock::time_point deadline) {
  std::shared_ptr<RunnerProcess> process;
  {
    std::lock_guard lock(mutex_);
    if (!current_) return UnavailableError(DownReason());
    process = current_;
  }
  StatusOr<CodedMessage> reply = process->Call(hook, hook_name, request, deadline);
  if (reply.ok() || reply.status().code() == StatusCode::kResourceExhausted) return reply;
  return Status(reply.status().code(), "failed: " + reply.status().message());
}

// Why no runner is up, after "runner for clinic 'x' ". Call with mutex_ held.
std::string RunnerSupervisor::DownReason() const {
  if (stopping_) return "is being stopped";
  if (crashed_) {
    return "is crashed: it died " + std::to_string(spec_.isolation.max_crashes) + " times within " +
           std::to_string(spec_.isolation.crash_window.count()) + " s (last: " + last_reason_ +
           "), so it is not called until an admin re-enables or reconfigures the plugin for "
           "this clinic";
  }
  return "is restarting (it ended: " + last_reason_ + ")";
}

void RunnerSupervisor::Kill(const std::string& reason) {
  std::lock_guard lock(mutex_);
  if (current_) current_->Kill(reason);
}

RunnerReport RunnerSupervisor::Report() const {
  std::lock_guard lock(mutex_);
  return RunnerReport{state_, current_ ? static_cast<int>(current_->pid()) : 0, crashes_,
                      last_reason_, last_crash_unix_micros_};
}

void RunnerSupervisor::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  uint64_t one = 1;
  [[maybe_unused]] ssize_t written = ::write(wake_.get(), &one, sizeof(one));
}

void RunnerSupervisor::Join() {
  if (thread_.joinable()) thread_.join();
}

bool RunnerSupervisor::stopping() const {
  std::lock_guard lock(mutex_);
  return stopping_;
}

}  // namespace needlework::host::isolation
