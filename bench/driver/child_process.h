// Child processes the driver starts (the host, the baseline server), pinned to chosen CPUs,
// and what /proc says about their memory.
#ifndef NEEDLEWORK_BENCH_DRIVER_CHILD_PROCESS_H_
#define NEEDLEWORK_BENCH_DRIVER_CHILD_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "needlework/status.h"

namespace needlework::bench {

class ChildProcess {
 public:
  // Starts argv[0] with `argv`, stdout and stderr appended to `log_path`, on `cpus` (all
  // when empty). Waits up to 60 s for `ready_file` to hold a line: the bound address.
  static StatusOr<ChildProcess> Start(const std::vector<std::string>& argv,
                                      const std::string& log_path, const std::string& ready_file,
                                      const std::vector<int>& cpus);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ~ChildProcess();  // Stop()

  // SIGTERM, then SIGKILL after 20 s; the exit code (128 + signal when killed).
  int Stop();
  pid_t pid() const { return pid_; }
  const std::string& address() const { return address_; }

 private:
  ChildProcess() = default;
  pid_t pid_ = -1;
  std::string address_;
};

// VmRSS (resident now) or VmHWM (peak resident) of `pid` in KiB; 0 when unreadable.
int64_t ResidentKiB(pid_t pid, const std::string& field = "VmRSS");

// Pins the calling process (all its future threads) to `cpus`; no-op when empty.
void PinCurrentProcess(const std::vector<int>& cpus);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_CHILD_PROCESS_H_
