#include "host/limits/capabilities.h"

#include <dirent.h>
#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "host/limits/kernel_files.h"

namespace needlework::host {
namespace {

// The three 64-bit sets of one thread, as capget(2) version 3 gives them.
struct CapabilitySets {
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = {};

  bool Empty() const {
    for (const auto& half : data) {
      if (half.effective != 0 || half.permitted != 0 || half.inheritable != 0) return false;
    }
    return true;
  }
};

// By system call: glibc wraps neither, and libcap would be a dependency for two calls.
StatusOr<CapabilitySets> CapabilitiesOf(pid_t tid) {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, tid};
  CapabilitySets sets;
  if (::syscall(SYS_capget, &header, sets.data) != 0) {
    return ErrnoStatus(errno, "capget(thread " + std::to_string(tid) + ")");
  }
  return sets;
}

// The ids of the calling process's threads.
StatusOr<std::vector<pid_t>> ThreadIds() {
  DIR* dir = ::opendir("/proc/self/task");
  if (dir == nullptr) return ErrnoStatus(errno, "cannot list /proc/self/task");
  std::vector<pid_t> ids;
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] != '.') ids.push_back(static_cast<pid_t>(std::atoi(entry->d_name)));
  }
  ::closedir(dir);
  return ids;
}

}  // namespace

Status DropThreadCapabilities() {
  NW_ASSIGN_OR_RETURN(CapabilitySets held, CapabilitiesOf(0));
  if (held.Empty()) return OkStatus();
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  CapabilitySets none;
  if (::syscall(SYS_capset, &header, none.data) != 0) return ErrnoStatus(errno, "capset");
  NW_ASSIGN_OR_RETURN(CapabilitySets left, CapabilitiesOf(0));
  if (!left.Empty()) return InternalError("capset left capabilities in place");
  return OkStatus();
}

Status CheckOtherThreadsHoldNoCapabilities() {
  const auto self = static_cast<pid_t>(::syscall(SYS_gettid));
  NW_ASSIGN_OR_RETURN(std::vector<pid_t> threads, ThreadIds());
  for (pid_t tid : threads) {
    if (tid == self) continue;
    StatusOr<CapabilitySets> sets = CapabilitiesOf(tid);
    if (!sets.ok() && sets.status().code() == StatusCode::kNotFound) continue;  // it ended
    NW_RETURN_IF_ERROR(sets.status());
    if (sets->data[0].permitted != 0 || sets->data[1].permitted != 0) {
      return FailedPreconditionError(
          "thread " + std::to_string(tid) +
          " holds capabilities, which only it can drop: apply the runner's limits before "
          "starting threads, or run the host as a user without capabilities");
    }
  }
  return OkStatus();
}

}  // namespace needlework::host
