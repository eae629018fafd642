// What a plugin runner process may do: the limits needlework-plugin-runner applies to itself
// before it loads any plugin code, and the one setting the host applies to itself so that its
// runners cannot reach into it. host/README.md ("Runner limits") says what each limit stops
// and what it does not.
#ifndef NEEDLEWORK_HOST_LIMITS_RUNNER_LIMITS_H_
#define NEEDLEWORK_HOST_LIMITS_RUNNER_LIMITS_H_

#include <cstdint>
#include <string>
#include <utility>

#include "needlework/status.h"

namespace needlework::host {

// The limits of one runner process, as the runner receives them from the host.
struct RunnerLimits {
  static constexpr uint64_t kMiB = 1024 * 1024;
  // RLIMIT_AS, virtual memory. A process with the built-in screening plugin loaded maps
  // about 110 MiB, 175 MiB at its peak with four threads calling it (libraries, an 8 MiB
  // stack and a 64 MiB malloc arena reservation per busy thread), so 1 GiB leaves a plugin
  // room for its data and about a hundred threads.
  static constexpr uint64_t kDefaultMemoryBytes = 1024 * kMiB;
  static constexpr uint64_t kMinMemoryBytes = 256 * kMiB;
  // RLIMIT_NOFILE: the runner's own sockets (up to 64 connections, the log channel, three
  // standard streams) sit below 72.
  static constexpr uint64_t kDefaultOpenFiles = 256;
  static constexpr uint64_t kMinOpenFiles = 128;
  static constexpr uint64_t kMaxOpenFiles = 1 << 20;

  // The process's address space, in bytes (soft and hard limit). Also the cgroup's
  // memory.max where the host made one (RunnerCgroups).
  uint64_t memory_bytes = kDefaultMemoryBytes;
  // Descriptors: open(), socket(), ... fail with EMFILE once this many are open.
  uint64_t open_files = kDefaultOpenFiles;
  // A cgroup v2 directory made for this runner by the host (RunnerCgroup::dir()), which the
  // runner joins before anything else; empty: none (the host could not make one).
  std::string cgroup_dir;
};

// The admin's settings for every runner: keys of `plugin_isolation` in the host config
// (host/config/runner_limits_config.h), in the units the host works in.
struct RunnerLimitsConfig {
  uint64_t memory_bytes = RunnerLimits::kDefaultMemoryBytes;  // memory_limit_mb
  uint64_t open_files = RunnerLimits::kDefaultOpenFiles;      // open_files
  // memory_cgroup: `auto` (true) gives each runner a cgroup v2 memory limit where the host
  // can create one (RunnerCgroups); `off` (false) leaves runners their rlimits only.
  bool memory_cgroup = true;

  // One runner's limits, with the cgroup made for it ("": none).
  RunnerLimits ForRunner(std::string cgroup_dir) const {
    return RunnerLimits{memory_bytes, open_files, std::move(cgroup_dir)};
  }
};

// INVALID_ARGUMENT naming the field when `limits` is outside the ranges above.
Status CheckRunnerLimits(const RunnerLimits& limits);

// Applies `limits` to the calling process, in this order, and is not undone:
//  1. joins limits.cgroup_dir (writes the pid to its cgroup.procs), when set;
//  2. RLIMIT_AS = memory_bytes, RLIMIT_CORE = 0, RLIMIT_NOFILE = open_files, each soft and
//     hard, never above the hard limit the process already had;
//  3. drops every capability the process holds (a host run as root), so the rlimits cannot
//     be raised again; capabilities are per thread, so when any other thread holds some this
//     fails with FAILED_PRECONDITION: call it before starting threads;
//  4. PR_SET_DUMPABLE 0 (no core dump; /proc/<pid>/mem, fd/ and environ become root's, so
//     no other process of the user can read the plugin's memory);
//  5. PR_SET_NO_NEW_PRIVS and the runner's seccomp filter (InstallRunnerSyscallFilter), on
//     every thread.
// Call it in the runner before the plugin file is opened for loading: dlopen runs the
// plugin's constructors. Any failure means the process is partly limited and must not load
// the plugin; the status names the step and the system's error.
Status ApplyRunnerLimits(const RunnerLimits& limits);

// For the host, once at start before it spawns a runner: PR_SET_DUMPABLE 0 on the host's own
// process. A runner runs as the host's user, and without this it could open the host's
// /proc/<pid>/mem and rewrite the host's memory (no seccomp rule can tell that open() from
// any other), or reach the host's descriptors through /proc/<pid>/fd, wherever Yama's
// ptrace_scope is 0 (Debian's default). The cost: the kernel writes no core dump of the host.
Status ShieldHostFromRunners();

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_LIMITS_RUNNER_LIMITS_H_
