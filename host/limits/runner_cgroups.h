// A cgroup v2 memory limit per plugin runner, where the host can create one: a child of the
// host's own cgroup per runner, with memory.max. It needs a cgroup delegated to the host's
// user (systemd: Delegate=yes, and ProtectControlGroups off) on a cgroup2 hierarchy that
// offers the memory controller; anywhere else Prepare says why, and runners have only their
// rlimits (runner_limits.h).
//
// The no-internal-processes rule: a cgroup other than the root may not hold processes and
// also enable a controller for its children. So when the host sits directly in its cgroup
// and memory is not yet enabled there, Prepare first moves the host into a leaf child of its
// own, `needlework-host`, as systemd's Delegate=yes documentation recommends, then enables
// memory. Runners go in siblings of that leaf: <host's cgroup>/runner-<n>.
#ifndef NEEDLEWORK_HOST_LIMITS_RUNNER_CGROUPS_H_
#define NEEDLEWORK_HOST_LIMITS_RUNNER_CGROUPS_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "needlework/status.h"

namespace needlework::host {

// One runner's cgroup. Removed (rmdir) by Remove() or on destruction, which succeeds once no
// process is left in it: destroy it after the runner is reaped.
class RunnerCgroup {
 public:
  explicit RunnerCgroup(std::string dir) : dir_(std::move(dir)) {}
  RunnerCgroup(RunnerCgroup&& other) noexcept : dir_(std::exchange(other.dir_, "")) {}
  RunnerCgroup& operator=(RunnerCgroup&& other) noexcept;
  RunnerCgroup(const RunnerCgroup&) = delete;
  RunnerCgroup& operator=(const RunnerCgroup&) = delete;
  ~RunnerCgroup();

  // The directory; the runner joins it first thing (RunnerLimits::cgroup_dir). Empty once
  // removed.
  const std::string& dir() const { return dir_; }
  // How many times the kernel's OOM killer killed a process here for passing memory.max
  // ("oom_kill" in memory.events): nonzero after a runner died by SIGKILL means it died of
  // its memory limit.
  StatusOr<int64_t> OomKills() const;
  // Removes the directory. FAILED_PRECONDITION (EBUSY) while a process is still in it.
  Status Remove();

 private:
  std::string dir_;
};

class RunnerCgroups {
 public:
  // The leaf the host moves itself into when it must (see above).
  static constexpr char kHostLeaf[] = "needlework-host";

  // Finds the host's cgroup v2 directory under `root` ("/"; a fake tree in tests) and makes
  // it ready for runners' cgroups: the memory controller must be in its cgroup.controllers,
  // and enabled in its cgroup.subtree_control or enabled here (moving the host into
  // kHostLeaf first when the host's process is in it). Why not, when it cannot:
  // UNAVAILABLE: no cgroup v2 hierarchy, or no memory controller in it (a hybrid system's
  //   memory controller is on its v1 hierarchy);
  // PERMISSION_DENIED / FAILED_PRECONDITION: the cgroup is not delegated to the host's user,
  //   or is read-only (systemd's ProtectControlGroups=yes), or holds other processes.
  static StatusOr<std::unique_ptr<RunnerCgroups>> Prepare(const std::string& root = "/");

  // The host's cgroup, the parent of every runner's.
  const std::string& dir() const { return dir_; }

  // A new child runner-<n> of dir() with memory.max = memory_bytes and memory.swap.max = 0
  // (when swap is accounted), to be made before the runner is started. A runner-<n> left
  // behind by an earlier host and holding no process is reused. Thread-safe.
  StatusOr<RunnerCgroup> Create(uint64_t memory_bytes);

 private:
  explicit RunnerCgroups(std::string dir) : dir_(std::move(dir)) {}

  const std::string dir_;
  std::atomic<uint64_t> next_{1};
};

// The line the host logs once at start: "runner memory limit: cgroup memory.max 1024 MiB in
// <dir> and rlimit" when `cgroups` is ready, else "runner memory limit: rlimit only
// (<why not>)".
std::string RunnerMemoryLimitSummary(const StatusOr<std::unique_ptr<RunnerCgroups>>& cgroups,
                                     uint64_t memory_bytes);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_LIMITS_RUNNER_CGROUPS_H_
