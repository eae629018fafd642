// The seccomp filter of a plugin runner: the system calls a plugin may not make.
//
// It is a deny-list: every call not named here is allowed. An allow-list would have to name
// every call glibc, libstdc++, protobuf and the plugin ever make, on every kernel and glibc
// version the host meets (glibc 2.34 creates threads with clone3, 2.35 registers rseq for
// each), and a miss shows up not at start but as a plugin failing on a rare path, or as a
// glibc upgrade breaking every plugin at once. What is denied:
//
//   socket, socketpair        any domain but AF_UNIX: no network, netlink or raw packets
//   execve, execveat          no other program
//   fork, vfork, clone        any clone without CLONE_THREAD: threads yes, processes no
//   clone3                    ENOSYS (its flags are behind a pointer the filter cannot read;
//                             glibc then creates threads with clone)
//   io_uring_setup/enter/register   its operations run outside the filter
//   ptrace, process_vm_readv, process_vm_writev, pidfd_getfd: no reading or writing another
//                             process
//   kill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo to any process but the runner itself;
//   tkill, pidfd_send_signal; fcntl F_SETOWN/F_SETOWN_EX and ioctl FIOSETOWN/SIOCSPGRP
//                             (SIGIO to another process): signals reach only the runner
//   ioctl TIOCSTI             typing into the terminal the host was started from
//   prlimit64 on another process (it could lower the host's limits)
//   prctl PR_SET_DUMPABLE     undoing ApplyRunnerLimits
//   unshare, setns, mounts, chroot, modules, kexec, reboot, swap, bpf, perf_event_open,
//   userfaultfd, keyrings, acct, quotactl, open_by_handle_at
//
// Each fails with EPERM (clone3: ENOSYS), so a plugin sees an error it can report rather than
// being killed. A system call of another architecture (i386 by int 0x80, x32) kills the
// process: the rules are written against the native numbers and would not apply to it.
// Arguments the kernel reads as 32-bit ints are compared on their low 32 bits only, so
// setting high bits does not slip a denied value past a rule.
#ifndef NEEDLEWORK_HOST_LIMITS_SYSCALL_FILTER_H_
#define NEEDLEWORK_HOST_LIMITS_SYSCALL_FILTER_H_

#include <string>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

// Installs the filter on every thread of the calling process (SECCOMP_FILTER_FLAG_TSYNC),
// threads started earlier included; for good, as seccomp filters are. Signals are allowed
// to the calling process's pid as it is now. Sets no_new_privs first, as the kernel requires
// of a process without CAP_SYS_ADMIN. INTERNAL naming the libseccomp step that failed.
Status InstallRunnerSyscallFilter();

// The system calls the filter has a rule for, each once, by name; a name that is no system
// call on this architecture (fork and vfork on arm64) is left out of the filter itself.
std::vector<std::string> RunnerFilteredSyscalls();

// The filter InstallRunnerSyscallFilter would install now, as libseccomp's pseudo filter
// code (seccomp_export_pfc): one section per system call with a rule, naming it.
StatusOr<std::string> RunnerSyscallFilterText();

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_LIMITS_SYSCALL_FILTER_H_
