#include "host/limits/syscall_filter.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <linux/sockios.h>
#include <seccomp.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "host/limits/kernel_files.h"

namespace needlework::host {
namespace {

// One denial: `syscall` fails with `error` when every comparison in `when` holds (always,
// when there is none).
struct Rule {
  const char* syscall;
  int error;
  std::vector<scmp_arg_cmp> when;
};

// The kernel reads these arguments as 32-bit ints: compare only the low half, so that high
// bits set by the caller do not make a denied value look like another.
scmp_arg_cmp LowHalfIs(unsigned arg, uint32_t value) {
  return {arg, SCMP_CMP_MASKED_EQ, 0xffffffffu, value};
}
// All 64 bits differ from `value`: a caller's stray high bits make the call denied, never
// allowed.
scmp_arg_cmp IsNot(unsigned arg, uint64_t value) { return {arg, SCMP_CMP_NE, value, 0}; }

// Refused outright, with EPERM.
// clang-format off
constexpr const char* kRefused[] = {
    "execve", "execveat", "fork", "vfork",                                 // programs, processes
    "io_uring_setup", "io_uring_enter", "io_uring_register",               // around the filter
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd",      // other processes
    "pidfd_send_signal", "tkill",                                          // their signals
    "unshare", "setns", "mount", "umount2", "pivot_root", "chroot",        // namespaces, mounts
    "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    "init_module", "finit_module", "delete_module", "kexec_load",          // the kernel
    "kexec_file_load", "reboot", "swapon", "swapoff", "acct", "quotactl",
    "bpf", "perf_event_open", "userfaultfd",                               // exploit surface
    "keyctl", "add_key", "request_key", "open_by_handle_at"};
// clang-format on

std::vector<Rule> RunnerRules(pid_t self) {
  const auto pid = static_cast<uint64_t>(self);
  std::vector<Rule> rules;
  for (const char* name : kRefused) rules.push_back({name, EPERM, {}});
  std::vector<Rule> conditional = {
      {"clone3", ENOSYS, {}},
      {"socket", EPERM, {IsNot(0, AF_UNIX)}},
      {"socketpair", EPERM, {IsNot(0, AF_UNIX)}},
      {"clone", EPERM, {{0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0}}},
      {"kill", EPERM, {IsNot(0, pid)}},
      {"tgkill", EPERM, {IsNot(0, pid)}},
      {"rt_sigqueueinfo", EPERM, {IsNot(0, pid)}},
      {"rt_tgsigqueueinfo", EPERM, {IsNot(0, pid)}},
      {"prlimit64", EPERM, {IsNot(0, 0)}},
      {"prctl", EPERM, {LowHalfIs(0, PR_SET_DUMPABLE)}},
      {"fcntl", EPERM, {LowHalfIs(1, F_SETOWN)}},
      {"fcntl", EPERM, {LowHalfIs(1, F_SETOWN_EX)}},
      {"ioctl", EPERM, {LowHalfIs(1, TIOCSTI)}},
      {"ioctl", EPERM, {LowHalfIs(1, FIOSETOWN)}},
      {"ioctl", EPERM, {LowHalfIs(1, SIOCSPGRP)}},
  };
  rules.insert(rules.end(), conditional.begin(), conditional.end());
  return rules;
}

Status SeccompFailed(const std::string& step, int rc) {
  return InternalError("seccomp filter: " + step + " failed: " + std::strerror(-rc));
}

// A libseccomp filter context, released on every path.
class Filter {
 public:
  Filter() : context_(seccomp_init(SCMP_ACT_ALLOW)) {}
  ~Filter() { seccomp_release(context_); }
  Filter(const Filter&) = delete;
  Filter& operator=(const Filter&) = delete;

  Status Build(pid_t self) {
    if (context_ == nullptr) return InternalError("seccomp filter: seccomp_init failed");
    // Raw errno values from seccomp_load, for the message; an old libseccomp lacks it.
    seccomp_attr_set(context_, SCMP_FLTATR_API_SYSRAWRC, 1);
    int rc = seccomp_attr_set(context_, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    if (rc != 0) return SeccompFailed("setting the other-architecture action", rc);
    rc = seccomp_attr_set(context_, SCMP_FLTATR_CTL_TSYNC, 1);
    if (rc != 0) return SeccompFailed("asking for thread synchronisation", rc);
    for (const Rule& rule : RunnerRules(self)) NW_RETURN_IF_ERROR(Add(rule));
    return OkStatus();
  }

  Status Load() {
    int rc = seccomp_load(context_);
    return rc == 0 ? OkStatus() : SeccompFailed("loading into the kernel", rc);
  }

  StatusOr<std::string> Text() const {
    int fd = ::memfd_create("needlework-runner-filter", MFD_CLOEXEC);
    if (fd < 0) return ErrnoStatus(errno, "memfd_create");
    int rc = seccomp_export_pfc(context_, fd);
    StatusOr<std::string> text = rc == 0 ? ReadKernelFile("/proc/self/fd/" + std::to_string(fd))
                                         : SeccompFailed("exporting", rc);
    ::close(fd);
    return text;
  }

 private:
  Status Add(const Rule& rule) {
    int number = seccomp_syscall_resolve_name(rule.syscall);
    if (number < 0) return OkStatus();  // not a system call here (fork and vfork on arm64)
    int rc =
        seccomp_rule_add_array(context_, SCMP_ACT_ERRNO(static_cast<uint32_t>(rule.error)), number,
                               static_cast<unsigned>(rule.when.size()), rule.when.data());
    if (rc != 0) return SeccompFailed(std::string("adding the rule for ") + rule.syscall, rc);
    return OkStatus();
  }

  scmp_filter_ctx context_;
};

}  // namespace

Status InstallRunnerSyscallFilter() {
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    return ErrnoStatus(errno, "prctl(PR_SET_NO_NEW_PRIVS)");
  }
  Filter filter;
  NW_RETURN_IF_ERROR(filter.Build(::getpid()));
  return filter.Load();
}

std::vector<std::string> RunnerFilteredSyscalls() {
  std::vector<std::string> names;
  for (const Rule& rule : RunnerRules(::getpid())) {
    if (names.empty() || names.back() != rule.syscall) names.emplace_back(rule.syscall);
  }
  return names;
}

StatusOr<std::string> RunnerSyscallFilterText() {
  Filter filter;
  NW_RETURN_IF_ERROR(filter.Build(::getpid()));
  return filter.Text();
}

}  // namespace needlework::host
