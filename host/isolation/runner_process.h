// One started runner process, as the host sees it: its connections (each carries one call
// at a time), its kill switch, and how it ended. Shared by its supervisor and every call in
// flight, so its descriptors live until the last of them lets go (no descriptor is reused
// under a call).
#ifndef NEEDLEWORK_HOST_ISOLATION_RUNNER_PROCESS_H_
#define NEEDLEWORK_HOST_ISOLATION_RUNNER_PROCESS_H_

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/isolation/frame.h"
#include "host/isolation/runner_output.h"
#include "host/isolation/runner_spawn.h"
#include "host/limits/runner_cgroups.h"

namespace needlework::host::isolation {

class RunnerProcess {
 public:
  using Clock = std::chrono::steady_clock;
  // Takes the host's ends of `spawned`; frames are at most `max_frame_bytes`. Its output
  // goes to the host log as `plugin_id`'s for `clinic_id`.
  RunnerProcess(SpawnedRunner spawned, size_t max_frame_bytes, const std::string& plugin_id,
                const std::string& clinic_id);
  RunnerProcess(const RunnerProcess&) = delete;
  RunnerProcess& operator=(const RunnerProcess&) = delete;

  pid_t pid() const { return spawned_.pid; }
  int pidfd() const { return spawned_.pidfd.get(); }
  int log_fd() const { return spawned_.log.get(); }
  int out_fd() const { return spawned_.out.get(); }
  int err_fd() const { return spawned_.err.get(); }
  // The cgroup v2 directory the runner joined, if the host made one; removed once the
  // process (the last holder) is destroyed, after the runner is reaped.
  void set_cgroup(std::optional<RunnerCgroup> cgroup) { cgroup_ = std::move(cgroup); }
  const std::optional<RunnerCgroup>& cgroup() const { return cgroup_; }
  // Where its stdout, stderr and plugin log lines go; log lines written while serving a
  // call come before the call's reply, on its connection, and are logged in that order.
  RunnerOutput& output() { return output_; }

  // Sends create_instance on connection 0 and waits until `deadline` for the answer: the
  // plugin's reply (its code, and its reason when it refused), or FAILED_PRECONDITION when
  // the runner refused to serve at all (kRefusal: the plugin file changed, is not trusted,
  // ...). Any other failure kills the runner and says why (see Call).
  StatusOr<CodedMessage> Create(const CreateMessage& create, Clock::time_point deadline);

  // One call of `hook` (named `hook_name` in messages) on an idle connection, waiting for
  // one when all are busy: the runner's reply (a code and bytes, not yet checked). When the
  // runner does not answer: DEADLINE_EXCEEDED at `deadline`, else UNAVAILABLE. Either way
  // the runner is killed unless already gone, and the message is the cause of its end
  // ("killed by SIGSEGV", "deadline exceeded in plan", "sent a malformed answer to plan
  // (...)"). A request too large for a frame is RESOURCE_EXHAUSTED, and nothing is sent.
  StatusOr<CodedMessage> Call(uint32_t hook, std::string_view hook_name, std::string_view request,
                              Clock::time_point deadline);

  // SIGKILL, recording `reason` as the cause of the runner's end unless it had already
  // exited (or another reason was recorded first). Any thread, any number of times.
  void Kill(const std::string& reason);
  // Asks the runner to exit: shuts every connection down; it exits when they close.
  void Shutdown();

  // For the supervisor, once it has reaped the runner: `reason` is how it ended (the kill
  // reason when there is one, see kill_reason). Wakes every call waiting on it.
  void SetExited(const std::string& reason);
  std::string kill_reason() const;
  // How the runner ended, waiting up to `wait` for SetExited; empty when it has not.
  std::string WaitForExit(std::chrono::milliseconds wait);

 private:
  StatusOr<int> Checkout();
  void Return(int connection);
  StatusOr<Frame> Exchange(int connection, FrameKind kind, std::string_view payload,
                           Clock::time_point deadline);
  // After an exchange failed: kills the runner (recording why, unless it ended by itself)
  // and returns the failure with what is known of the cause. `await_reason` waits for the
  // supervisor's SetExited (never on the supervisor's own thread).
  Status Failed(const Status& failure, std::string_view hook_name, bool await_reason);
  bool ExitedNow() const;

  std::optional<RunnerCgroup> cgroup_;  // destroyed last, once the runner is long reaped
  SpawnedRunner spawned_;
  size_t max_frame_bytes_;
  RunnerOutput output_;
  std::vector<FrameReader> readers_;  // one per connection
  mutable std::mutex mutex_;
  std::condition_variable changed_;  // a connection was returned, or the runner ended
  std::vector<int> idle_;            // connections free for a call
  bool killed_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
  std::string kill_reason_;
  std::string exit_reason_;
};

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_RUNNER_PROCESS_H_
