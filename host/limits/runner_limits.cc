#include "host/limits/runner_limits.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "host/limits/capabilities.h"
#include "host/limits/kernel_files.h"
#include "host/limits/syscall_filter.h"

namespace needlework::host {
namespace {

std::string MiB(uint64_t bytes) { return std::to_string(bytes / RunnerLimits::kMiB) + " MiB"; }

// Sets `resource` to `value` (soft and hard), or to the hard limit already in force when
// that is lower: lowering needs no privilege, raising does.
Status SetLimit(int resource, const char* name, uint64_t value) {
  rlimit current{};
  if (::getrlimit(resource, &current) != 0)
    return ErrnoStatus(errno, std::string("getrlimit(") + name + ")");
  rlim_t limit = std::min<rlim_t>(value, current.rlim_max);
  rlimit next{limit, limit};
  if (::setrlimit(resource, &next) != 0) {
    return ErrnoStatus(errno,
                       std::string("setrlimit(") + name + ", " + std::to_string(limit) + ")");
  }
  return OkStatus();
}

Status SetLimits(const RunnerLimits& limits) {
  NW_RETURN_IF_ERROR(SetLimit(RLIMIT_AS, "RLIMIT_AS", limits.memory_bytes));
  NW_RETURN_IF_ERROR(SetLimit(RLIMIT_CORE, "RLIMIT_CORE", 0));
  return SetLimit(RLIMIT_NOFILE, "RLIMIT_NOFILE", limits.open_files);
}

Status JoinCgroup(const std::string& dir) {
  if (dir.empty()) return OkStatus();
  Status joined = WriteKernelFile(dir + "/cgroup.procs", std::to_string(::getpid()));
  return joined.ok() ? joined : joined.WithPrefix("cannot join the runner's cgroup");
}

Status DropCapabilities() {
  NW_RETURN_IF_ERROR(CheckOtherThreadsHoldNoCapabilities());
  return DropThreadCapabilities();
}

Status SetNotDumpable() {
  if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
    return ErrnoStatus(errno, "prctl(PR_SET_DUMPABLE, 0)");
  }
  return OkStatus();
}

}  // namespace

Status CheckRunnerLimits(const RunnerLimits& limits) {
  if (limits.memory_bytes < RunnerLimits::kMinMemoryBytes) {
    return InvalidArgumentError("runner memory limit " + MiB(limits.memory_bytes) +
                                " is below the " + MiB(RunnerLimits::kMinMemoryBytes) +
                                " a runner needs to start");
  }
  if (limits.open_files < RunnerLimits::kMinOpenFiles ||
      limits.open_files > RunnerLimits::kMaxOpenFiles) {
    return InvalidArgumentError("runner open files limit " + std::to_string(limits.open_files) +
                                " is outside " + std::to_string(RunnerLimits::kMinOpenFiles) +
                                " to " + std::to_string(RunnerLimits::kMaxOpenFiles));
  }
  return OkStatus();
}

Status ApplyRunnerLimits(const RunnerLimits& limits) {
  NW_RETURN_IF_ERROR(CheckRunnerLimits(limits));
  NW_RETURN_IF_ERROR(JoinCgroup(limits.cgroup_dir));
  NW_RETURN_IF_ERROR(SetLimits(limits));
  NW_RETURN_IF_ERROR(DropCapabilities());
  NW_RETURN_IF_ERROR(SetNotDumpable());
  return InstallRunnerSyscallFilter();  // sets no_new_privs first
}

Status ShieldHostFromRunners() { return SetNotDumpable(); }

}  // namespace needlework::host
