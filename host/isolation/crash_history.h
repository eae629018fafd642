// A runner's deaths: how one reads to people, when to restart, and when to stop trying.
#ifndef NEEDLEWORK_HOST_ISOLATION_CRASH_HISTORY_H_
#define NEEDLEWORK_HOST_ISOLATION_CRASH_HISTORY_H_

#include <signal.h>

#include <chrono>
#include <deque>
#include <string>

#include "host/plugins/isolation_config.h"

namespace needlework::host::isolation {

// How a reaped child ended: "exited with status 3", "killed by SIGSEGV", "killed by
// SIGABRT (core dumped)"; SIGKILL says who may have sent it (the kernel's out-of-memory
// killer, or someone else: the host's own kills carry their own reason).
std::string DescribeExit(const siginfo_t& info);

// Deaths within the crash window decide the backoff and the give-up point.
class CrashHistory {
 public:
  using Clock = std::chrono::steady_clock;
  explicit CrashHistory(const IsolationConfig& config)
      : max_crashes_(config.max_crashes),
        window_(config.crash_window),
        initial_(config.backoff_initial),
        max_(config.backoff_max) {}

  // Records a death at `now`. True when it makes max_crashes within the window: give up.
  bool Record(Clock::time_point now);
  // The wait before the next start: the initial backoff, doubled for each earlier death
  // still in the window, at most the maximum.
  std::chrono::milliseconds Backoff() const;

 private:
  int max_crashes_;
  std::chrono::seconds window_;
  std::chrono::milliseconds initial_, max_;
  std::deque<Clock::time_point> recent_;  // deaths within the window, oldest first
};

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_CRASH_HISTORY_H_
