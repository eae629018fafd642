#include "host/limits/runner_cgroups.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>
#include <vector>

#include "host/limits/cgroup_paths.h"
#include "host/limits/kernel_files.h"

namespace needlework::host {
namespace {

constexpr int kMaxCreateAttempts = 64;

// The space-separated words of a cgroup.controllers or cgroup.subtree_control file.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

bool HasWord(const std::string& text, const std::string& word) {
  for (const std::string& each : Words(text)) {
    if (each == word) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined.empty() ? "none" : joined;
}

// The processes in cgroup `dir` (its cgroup.procs), other than `except`.
StatusOr<std::vector<std::string>> ProcessesIn(const std::string& dir, pid_t except = 0) {
  NW_ASSIGN_OR_RETURN(std::string procs, ReadKernelFile(dir + "/cgroup.procs"));
  std::vector<std::string> pids = Words(procs);
  std::erase(pids, std::to_string(except));
  return pids;
}

Status CheckMemoryOffered(const std::string& dir) {
  NW_ASSIGN_OR_RETURN(std::string controllers, ReadKernelFile(dir + "/cgroup.controllers"));
  if (HasWord(controllers, "memory")) return OkStatus();
  return UnavailableError("the cgroup v2 hierarchy offers no memory controller to " + dir +
                          " (its cgroup.controllers: " + Joined(Words(controllers)) +
                          "): on a hybrid system it is on the cgroup v1 hierarchy, else the "
                          "parent cgroup does not enable it for its children");
}

Status CheckDelegated(const std::string& dir) {
  const std::string control = dir + "/cgroup.subtree_control";
  if (::access(control.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0) {
    return OkStatus();
  }
  if (errno == EROFS) {
    return FailedPreconditionError(dir +
                                   " is read-only (systemd's ProtectControlGroups=yes "
                                   "mounts /sys/fs/cgroup read-only)");
  }
  return PermissionDeniedError(dir + " is not delegated to uid " + std::to_string(::getuid()) +
                               " (" + std::strerror(errno) +
                               "): a systemd service gets its own cgroup with Delegate=yes");
}

// Empties the host's cgroup of the host, so it may enable a controller for its children.
Status MoveHostIntoLeaf(const std::string& dir) {
  const pid_t self = ::getpid();
  NW_ASSIGN_OR_RETURN(std::vector<std::string> others, ProcessesIn(dir, self));
  if (!others.empty()) {
    return FailedPreconditionError(
        "cannot enable the memory controller for the children of " + dir +
        ": processes other than the host are in it (" + Joined(others) +
        "); start the host in a cgroup of its own (systemd: a service with Delegate=yes)");
  }
  const std::string leaf = dir + "/" + RunnerCgroups::kHostLeaf;
  if (::mkdir(leaf.c_str(), 0755) != 0 && errno != EEXIST) {
    return ErrnoStatus(errno, "cannot create " + leaf);
  }
  return WriteKernelFile(leaf + "/cgroup.procs", std::to_string(self));
}

// Makes `dir`, or takes it over when it is left from an earlier host and empty. False when
// it exists and holds processes.
StatusOr<bool> MakeEmptyCgroup(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0755) == 0) return true;
  if (errno != EEXIST) return ErrnoStatus(errno, "cannot create the runner's cgroup " + dir);
  NW_ASSIGN_OR_RETURN(std::vector<std::string> pids, ProcessesIn(dir));
  return pids.empty();
}

}  // namespace

RunnerCgroup& RunnerCgroup::operator=(RunnerCgroup&& other) noexcept {
  if (this != &other) {
    (void)Remove();
    dir_ = std::exchange(other.dir_, "");
  }
  return *this;
}

RunnerCgroup::~RunnerCgroup() { (void)Remove(); }

StatusOr<int64_t> RunnerCgroup::OomKills() const {
  NW_ASSIGN_OR_RETURN(std::string events, ReadKernelFile(dir_ + "/memory.events"));
  std::istringstream in(events);
  std::string key;
  for (int64_t value = 0; in >> key >> value;) {
    if (key == "oom_kill") return value;
  }
  return NotFoundError(dir_ + "/memory.events has no oom_kill count");
}

Status RunnerCgroup::Remove() {
  if (dir_.empty()) return OkStatus();
  if (::rmdir(dir_.c_str()) != 0 && errno != ENOENT) {
    return ErrnoStatus(errno, "cannot remove the runner's cgroup " + dir_);
  }
  dir_.clear();
  return OkStatus();
}

StatusOr<std::unique_ptr<RunnerCgroups>> RunnerCgroups::Prepare(const std::string& root) {
  NW_ASSIGN_OR_RETURN(OwnCgroup own, FindOwnCgroupV2(root));
  NW_RETURN_IF_ERROR(CheckMemoryOffered(own.dir));
  NW_RETURN_IF_ERROR(CheckDelegated(own.dir));
  NW_ASSIGN_OR_RETURN(std::string enabled, ReadKernelFile(own.dir + "/cgroup.subtree_control"));
  if (!HasWord(enabled, "memory")) {
    // The root cgroup is exempt from the no-internal-processes rule.
    if (own.path != "/") NW_RETURN_IF_ERROR(MoveHostIntoLeaf(own.dir));
    NW_RETURN_IF_ERROR(WriteKernelFile(own.dir + "/cgroup.subtree_control", "+memory"));
  }
  return std::unique_ptr<RunnerCgroups>(new RunnerCgroups(own.dir));
}

StatusOr<RunnerCgroup> RunnerCgroups::Create(uint64_t memory_bytes) {
  for (int attempt = 0; attempt < kMaxCreateAttempts; ++attempt) {
    std::string dir = dir_ + "/runner-" + std::to_string(next_.fetch_add(1));
    NW_ASSIGN_OR_RETURN(bool made, MakeEmptyCgroup(dir));
    if (!made) continue;       // another host's runner is still in it
    RunnerCgroup cgroup(dir);  // removed again if a write below fails
    NW_RETURN_IF_ERROR(WriteKernelFile(dir + "/memory.max", std::to_string(memory_bytes)));
    // memory.swap.max is absent when the kernel does not account swap.
    Status swap = WriteKernelFile(dir + "/memory.swap.max", "0");
    if (!swap.ok() && swap.code() != StatusCode::kNotFound) return swap;
    return cgroup;
  }
  return FailedPreconditionError("no free runner cgroup in " + dir_ + " after " +
                                 std::to_string(kMaxCreateAttempts) + " tries");
}

std::string RunnerMemoryLimitSummary(const StatusOr<std::unique_ptr<RunnerCgroups>>& cgroups,
                                     uint64_t memory_bytes) {
  if (!cgroups.ok()) return "runner memory limit: rlimit only (" + cgroups.status().message() + ")";
  return "runner memory limit: cgroup memory.max " + std::to_string(memory_bytes >> 20) +
         " MiB in " + (*cgroups)->dir() + " and rlimit";
}

}  // namespace needlework::host
