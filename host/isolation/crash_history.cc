#include "host/isolation/crash_history.h"

#include <string.h>

#include <algorithm>

namespace needlework::host::isolation {
namespace {

std::string SignalName(int signal) {
  const char* name = ::sigabbrev_np(signal);
  return name != nullptr ? std::string("SIG") + name : "signal " + std::to_string(signal);
}

}  // namespace

std::string DescribeExit(const siginfo_t& info) {
  switch (info.si_code) {
    case CLD_EXITED:
      return "exited with status " + std::to_string(info.si_status);
    case CLD_DUMPED:
      return "killed by " + SignalName(info.si_status) + " (core dumped)";
    case CLD_KILLED:
      if (info.si_status == SIGKILL) {
        return "killed by SIGKILL (from outside the host: the kernel's out-of-memory killer, "
               "or an operator)";
      }
      return "killed by " + SignalName(info.si_status);
    default:
      return "ended (wait code " + std::to_string(info.si_code) + ")";
  }
}

bool CrashHistory::Record(Clock::time_point now) {
  recent_.push_back(now);
  while (!recent_.empty() && now - recent_.front() > window_) recent_.pop_front();
  return static_cast<int>(recent_.size()) >= max_crashes_;
}

std::chrono::milliseconds CrashHistory::Backoff() const {
  auto wait = initial_;
  for (size_t i = 1; i < recent_.size() && wait < max_; ++i) wait *= 2;
  return std::min(wait, max_);
}

}  // namespace needlework::host::isolation
