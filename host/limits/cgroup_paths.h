// Where a process's cgroup v2 directory is: its path from /proc/self/cgroup ("0::<path>"),
// under the cgroup2 mount that /proc/self/mountinfo lists. Pure text functions, and one that
// reads both files under a root directory: "/" in production, a fake tree in tests.
#ifndef NEEDLEWORK_HOST_LIMITS_CGROUP_PATHS_H_
#define NEEDLEWORK_HOST_LIMITS_CGROUP_PATHS_H_

#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host {

// The cgroup v2 path in the text of /proc/<pid>/cgroup: "/system.slice/x.service" from the
// line "0::/system.slice/x.service". UNAVAILABLE when there is no such line (a system with
// cgroup v1 only).
StatusOr<std::string> CgroupV2Path(std::string_view proc_cgroup);

// The directory of `cgroup_path` (from CgroupV2Path), from the text of /proc/<pid>/mountinfo:
// under the first cgroup2 mount whose root holds it, e.g. "/sys/fs/cgroup" + path, or
// "/sys/fs/cgroup/unified" + path on a hybrid v1/v2 system. UNAVAILABLE when no cgroup2
// mount holds it.
StatusOr<std::string> CgroupV2Directory(std::string_view mountinfo, const std::string& cgroup_path);

struct OwnCgroup {
  std::string path;  // in the hierarchy: "/" is its root
  std::string dir;   // where it is mounted, with the root directory given before it
};

// The calling process's cgroup v2, read from <root>/proc/self/cgroup and
// <root>/proc/self/mountinfo, with `root` before the mount point. The errors of the two
// functions above, and those of reading the files.
StatusOr<OwnCgroup> FindOwnCgroupV2(const std::string& root);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_LIMITS_CGROUP_PATHS_H_
