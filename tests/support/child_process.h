// Child processes for the tests and the benchmarks: start a binary with its output in files,
// wait for a ready file, stop it. Free of GoogleTest, so bench/ links it too.
#ifndef NEEDLEWORK_TESTS_SUPPORT_CHILD_PROCESS_H_
#define NEEDLEWORK_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "needlework/status.h"

namespace needlework::testing {

// The whole file; empty when it cannot be read.
std::string ReadWholeFile(const std::string& path);

// Waits up to `timeout` for child `pid` to exit and reaps it: its exit code (128 + signal
// when a signal ended it), or -1 while it still runs.
int WaitForExit(pid_t pid, std::chrono::milliseconds timeout);

// Restricts the calling process to `cpus` (all CPUs when empty).
void PinCurrentProcess(const std::vector<int>& cpus);

struct SpawnOptions {
  // Files the child's stdout and stderr are appended to (created 0644); empty: inherited.
  std::string stdout_path;
  std::string stderr_path;
  std::vector<int> cpus;  // the child runs on these (all when empty)
  // Set in the child's environment, over what it inherits.
  std::vector<std::pair<std::string, std::string>> env;
};

// Forks and execs argv[0] with `argv`; the child's pid, or -1 when fork fails. A child whose
// exec fails exits 127.
pid_t SpawnProcess(const std::vector<std::string>& argv, const SpawnOptions& options);

// Runs `argv` to completion, up to `timeout` (then SIGKILL); its exit code (-1 when killed
// for the time-out) with stdout and stderr, when asked for, filled. `env` as in SpawnOptions.
int RunProcess(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
               std::string* out, std::string* err,
               const std::vector<std::pair<std::string, std::string>>& env = {});

// A server process that announces itself by writing its bound address and a newline to a
// ready file (needlework-host and the bench baseline do). Stopped when destroyed.
class ChildProcess {
 public:
  // Starts `argv` with `options` and waits up to `timeout` for `ready_file` (removed first)
  // to hold a whole line. Fails, naming the log, when the child exits or the time runs out.
  static StatusOr<ChildProcess> Start(const std::vector<std::string>& argv,
                                      const SpawnOptions& options, const std::string& ready_file,
                                      std::chrono::milliseconds timeout);
  ChildProcess() = default;
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ~ChildProcess();  // Stop()

  // SIGTERM, then SIGKILL after 20 s; the exit code (128 + signal when killed), -1 when not
  // running.
  int Stop();
  // SIGKILL at once, as a crash would; no shutdown code of the child runs.
  void Kill();
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  // The first line of the ready file.
  const std::string& address() const { return address_; }

 private:
  pid_t pid_ = -1;
  std::string address_;
};

// A /proc/<pid>/status field in KiB (VmRSS, VmHWM); 0 when absent.
int64_t ResidentKiB(pid_t pid, const std::string& field = "VmRSS");

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_CHILD_PROCESS_H_
