#include "host/isolation/runner_watch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <optional>

#include "host/isolation/crash_history.h"

namespace needlework::host::isolation {
namespace {

using Clock = std::chrono::steady_clock;

enum Slot { kPid, kWake, kLog, kOut, kErr, kSlots };

// Reads what `fd` has now (it is non-blocking); false at its end or on an error.
bool ReadAvailable(int fd, const std::function<void(std::string_view)>& take) {
  char buffer[65536];
  while (true) {
    ssize_t got = ::read(fd, buffer, sizeof(buffer));
    if (got > 0) {
      take(std::string_view(buffer, static_cast<size_t>(got)));
      continue;
    }
    if (got < 0 && errno == EINTR) continue;
    return got < 0 && errno == EAGAIN;
  }
}

class Watch {
 public:
  Watch(RunnerProcess& process, int wake_fd) : process_(process), output_(process.output()) {
    polled_[kPid] = {process.pidfd(), POLLIN, 0};
    polled_[kWake] = {wake_fd, POLLIN, 0};
    polled_[kLog] = {process.log_fd(), POLLIN, 0};
    polled_[kOut] = {process.out_fd(), POLLIN, 0};
    polled_[kErr] = {process.err_fd(), POLLIN, 0};
    for (int slot : {kLog, kOut, kErr}) {
      ::fcntl(polled_[slot].fd, F_SETFL, ::fcntl(polled_[slot].fd, F_GETFL) | O_NONBLOCK);
    }
  }

  // Polls until the process has exited.
  void UntilExit(const std::function<bool()>& stop_requested) {
    while (true) {
      int ready = ::poll(polled_.data(), polled_.size(), Timeout());
      if (ready < 0 && errno != EINTR) break;  // cannot happen with valid descriptors
      if (polled_[kWake].revents != 0) OnWake(stop_requested);
      ForwardOutput();
      if (polled_[kPid].revents != 0) break;
      if (stop_by_ && Clock::now() >= *stop_by_) {
        process_.Kill("did not exit within " + std::to_string(kStopGrace.count()) +
                      " ms of being told to stop");
        stop_by_.reset();
      }
    }
    ForwardOutput();  // what was written just before the end
  }

 private:
  int Timeout() const {
    if (!stop_by_) return -1;
    auto left = std::chrono::ceil<std::chrono::milliseconds>(*stop_by_ - Clock::now());
    return static_cast<int>(std::max<int64_t>(left.count(), 0));
  }

  void OnWake(const std::function<bool()>& stop_requested) {
    uint64_t count = 0;
    [[maybe_unused]] ssize_t read = ::read(polled_[kWake].fd, &count, sizeof(count));
    if (stop_requested() && !asked_to_stop_) {
      asked_to_stop_ = true;
      process_.Shutdown();
      stop_by_ = Clock::now() + kStopGrace;
    }
  }

  void ForwardOutput() {
    Forward(kOut, [this](std::string_view bytes) { output_.Stdout(bytes); });
    Forward(kErr, [this](std::string_view bytes) { output_.Stderr(bytes); });
    Forward(kLog, [this](std::string_view bytes) {
      Status log = output_.LogChannel(bytes);
      if (!log.ok()) process_.Kill("sent a malformed log frame (" + log.message() + ")");
    });
  }

  void Forward(int slot, const std::function<void(std::string_view)>& take) {
    if (polled_[slot].fd < 0) return;
    if (!ReadAvailable(polled_[slot].fd, take)) polled_[slot].fd = -1;  // ended: stop polling
  }

  RunnerProcess& process_;
  RunnerOutput& output_;
  std::array<pollfd, kSlots> polled_{};
  bool asked_to_stop_ = false;
  std::optional<Clock::time_point> stop_by_;
};

// True when the kernel killed the runner for passing its cgroup's memory.max.
bool KilledByMemoryLimit(const RunnerProcess& process, const siginfo_t& info) {
  if (info.si_code != CLD_KILLED || info.si_status != SIGKILL || !process.cgroup()) return false;
  StatusOr<int64_t> kills = process.cgroup()->OomKills();
  return kills.ok() && *kills > 0;
}

std::string Reap(RunnerProcess& process) {
  siginfo_t info{};
  while (::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(process.pidfd()), &info,
                  WEXITED) != 0 &&
         errno == EINTR) {
  }
  if (KilledByMemoryLimit(process, info)) {
    return "killed by its memory limit (plugin_isolation.memory_limit_mb)";
  }
  // The host's reason for a kill names the death only when the runner died of that kill;
  // a runner that had already crashed (its connection closing first) is described as it
  // died.
  std::string reason = process.kill_reason();
  bool died_of_sigkill = info.si_code == CLD_KILLED && info.si_status == SIGKILL;
  if (!reason.empty() && died_of_sigkill) return reason;
  return DescribeExit(info);
}

}  // namespace

std::string WatchRunner(RunnerProcess& process, int wake_fd,
                        const std::function<bool()>& stop_requested) {
  Watch(process, wake_fd).UntilExit(stop_requested);
  process.output().Finish();
  std::string reason = Reap(process);
  process.SetExited(reason);
  return reason;
}

}  // namespace needlework::host::isolation
