// The runner's seccomp filter, installed by ApplyRunnerLimits in forked children: what a
// plugin may not do fails with EPERM (or kills, for another architecture's system calls),
// and what it needs still works. Each child also shows the same call working before the
// filter where the test's user may make it, so a refusal is the filter's doing.
#include "host/limits/syscall_filter.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <linux/io_uring.h>
#include <linux/netlink.h>
#include <signal.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "host/limits/capabilities.h"
#include "host/limits/forked_child.h"
#include "host/limits/runner_limits.h"
#include "support/status_matchers.h"

namespace needlework::host {
namespace {

using ::needlework::testing::ChildOutcome;
using ::needlework::testing::ChildPipe;
using ::needlework::testing::IsOk;
using ::needlework::testing::Result;
using ::needlework::testing::RunInChild;
using ::testing::Contains;
using ::testing::HasSubstr;

// Applies the default limits in a child, or says why not and exits 10.
bool Limited(const ChildPipe& pipe) {
  Status applied = ApplyRunnerLimits(RunnerLimits{});
  if (!applied.ok()) pipe.Say("ApplyRunnerLimits: " + applied.ToString());
  return applied.ok();
}

std::string Socket(int domain, int type, int protocol = 0) {
  int fd = ::socket(domain, type, protocol);
  std::string result = Result(fd);
  if (fd >= 0) ::close(fd);
  return result;
}

std::string SocketPair(int domain) {
  int fds[2];
  int rc = ::socketpair(domain, SOCK_STREAM, 0, fds);
  std::string result = Result(rc);
  if (rc == 0) ::close(fds[0]), ::close(fds[1]);
  return result;
}

TEST(RunnerSyscallFilterTest, OnlyUnixSocketsCanBeOpened) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    pipe.Say("before: inet " + Socket(AF_INET, SOCK_STREAM));
    pipe.Say("before: netlink " + Socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
    if (!Limited(pipe)) return 10;
    pipe.Say("inet " + Socket(AF_INET, SOCK_STREAM));
    pipe.Say("inet udp " + Socket(AF_INET, SOCK_DGRAM));
    pipe.Say("inet6 " + Socket(AF_INET6, SOCK_STREAM));
    pipe.Say("netlink " + Socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE));
    pipe.Say("packet " + Socket(AF_PACKET, SOCK_RAW));
    pipe.Say("inet with high bits " +
             Result(::syscall(SYS_socket, AF_INET | (1L << 32), SOCK_STREAM, 0)));
    pipe.Say("socketpair inet " + SocketPair(AF_INET));
    pipe.Say("unix " + Socket(AF_UNIX, SOCK_STREAM));
    pipe.Say("socketpair unix " + SocketPair(AF_UNIX));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  for (const char* line :
       {"before: inet ok", "before: netlink ok", "\ninet EPERM", "inet udp EPERM", "inet6 EPERM",
        "\nnetlink EPERM", "packet EPERM", "inet with high bits EPERM", "socketpair inet EPERM",
        "\nunix ok", "socketpair unix ok"}) {
    EXPECT_THAT(child.output, HasSubstr(line));
  }
}

TEST(RunnerSyscallFilterTest, NoOtherProgramCanBeRun) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    if (!Limited(pipe)) return 10;
    char* const argv[] = {const_cast<char*>("true"), nullptr};
    pipe.Say("execve " + Result(::execve("/bin/true", argv, environ)));
    pipe.Say("execveat " +
             Result(::syscall(SYS_execveat, AT_FDCWD, "/bin/true", argv, environ, 0)));
    pid_t pid = 0;
    int error = ::posix_spawn(&pid, "/bin/true", nullptr, nullptr, argv, environ);
    pipe.Say(std::string("posix_spawn ") + (error == 0 ? "ok" : ::strerrorname_np(error)));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("execve EPERM"));
  EXPECT_THAT(child.output, HasSubstr("execveat EPERM"));
  EXPECT_THAT(child.output, HasSubstr("posix_spawn EPERM"));
}

TEST(RunnerSyscallFilterTest, IoUringIsRefused) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    if (!Limited(pipe)) return 10;
    io_uring_params params{};
    pipe.Say("io_uring_setup " + Result(::syscall(SYS_io_uring_setup, 4, &params)));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("io_uring_setup EPERM"));
}

TEST(RunnerSyscallFilterTest, ThreadsWorkButProcessesCannotBeStarted) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    if (!Limited(pipe)) return 10;
    pipe.Say("clone3 " + Result(::syscall(SYS_clone3, nullptr, 0)));
    pid_t forked = ::fork();
    if (forked == 0) ::_exit(0);
    pipe.Say("fork " + Result(forked));
    std::thread([&pipe] { pipe.Say("thread ran"); }).join();
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("clone3 ENOSYS"));
  EXPECT_THAT(child.output, HasSubstr("fork EPERM"));
  EXPECT_THAT(child.output, HasSubstr("thread ran"));
}

TEST(RunnerSyscallFilterTest, SignalsReachOnlyTheRunnerItself) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    const pid_t parent = ::getppid();
    pipe.Say("before: kill parent " + Result(::kill(parent, 0)));
    if (!Limited(pipe)) return 10;
    pipe.Say("kill parent " + Result(::kill(parent, 0)));
    pipe.Say("kill group " + Result(::kill(0, 0)));
    pipe.Say("kill all " + Result(::kill(-1, 0)));
    pipe.Say("tgkill parent " + Result(::syscall(SYS_tgkill, parent, parent, 0)));
    pipe.Say("kill self " + Result(::kill(::getpid(), 0)));
    ::signal(SIGUSR1, [](int) {});
    pipe.Say("raise " + Result(::raise(SIGUSR1) == 0 ? 0 : -1));
    pipe.Say("F_SETOWN " + Result(::fcntl(0, F_SETOWN, parent)));
    pipe.Say("TIOCSTI with high bits " +
             Result(::syscall(SYS_ioctl, 0, TIOCSTI | (1UL << 32), "x")));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  for (const char* line : {"before: kill parent ok", "\nkill parent EPERM", "kill group EPERM",
                           "kill all EPERM", "tgkill parent EPERM", "kill self ok", "raise ok",
                           "F_SETOWN EPERM", "TIOCSTI with high bits EPERM"}) {
    EXPECT_THAT(child.output, HasSubstr(line));
  }
}

TEST(RunnerSyscallFilterTest, OtherProcessesCannotBeReadWrittenOrLimited) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    const pid_t parent = ::getppid();
    rlimit limit{};
    pipe.Say("before: prlimit parent " + Result(::prlimit(parent, RLIMIT_NOFILE, nullptr, &limit)));
    if (!Limited(pipe)) return 10;
    pipe.Say("ptrace " + Result(::ptrace(PTRACE_ATTACH, parent, nullptr, nullptr)));
    char byte = 0;
    iovec local{&byte, 1};
    iovec remote{&byte, 1};
    pipe.Say("process_vm_readv " + Result(::process_vm_readv(parent, &local, 1, &remote, 1, 0)));
    pipe.Say("process_vm_writev " + Result(::process_vm_writev(parent, &local, 1, &remote, 1, 0)));
    pipe.Say("prlimit parent " + Result(::prlimit(parent, RLIMIT_NOFILE, nullptr, &limit)));
    pipe.Say("getrlimit " + Result(::getrlimit(RLIMIT_NOFILE, &limit)));
    pipe.Say("dumpable again " + Result(::prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)));
    pipe.Say("unshare " + Result(::unshare(CLONE_NEWUSER)));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  for (const char* line : {"before: prlimit parent ok", "ptrace EPERM", "process_vm_readv EPERM",
                           "process_vm_writev EPERM", "\nprlimit parent EPERM", "getrlimit ok",
                           "dumpable again EPERM", "unshare EPERM"}) {
    EXPECT_THAT(child.output, HasSubstr(line));
  }
}

// A thread that waits, then reports what it may do: started before the limits.
class EarlyThread {
 public:
  explicit EarlyThread(const ChildPipe& pipe)
      : thread_([this, &pipe] {
          // Capabilities are per thread: as root, this one drops its own, as a runner's threads
          // would hold none.
          Status dropped = DropThreadCapabilities();
          std::unique_lock lock(mutex_);
          capabilities_dropped_ = true;
          changed_.notify_all();
          changed_.wait(lock, [this] { return go_; });
          pipe.Say("early thread: drop " + dropped.ToString());
          pipe.Say("early thread: inet " + Socket(AF_INET, SOCK_STREAM));
          pipe.Say("early thread: no_new_privs " +
                   std::to_string(::prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)));
        }) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return capabilities_dropped_; });
  }
  void RunAndJoin() {
    {
      std::lock_guard lock(mutex_);
      go_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool capabilities_dropped_ = false;
  bool go_ = false;
  std::thread thread_;
};

TEST(RunnerSyscallFilterTest, ThreadsStartedBeforeTheFilterAreFilteredToo) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    EarlyThread early(pipe);
    if (!Limited(pipe)) return 10;
    early.RunAndJoin();
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("early thread: drop OK"));
  EXPECT_THAT(child.output, HasSubstr("early thread: inet EPERM"));
  EXPECT_THAT(child.output, HasSubstr("early thread: no_new_privs 1"));
}

#if defined(__x86_64__)
// An i386 system call through int 0x80 from a 64-bit process: socket is 359 there.
long I386Socket() {
  long result = 359;
  asm volatile("int $0x80"
               : "+a"(result)
               : "b"(AF_INET), "c"(SOCK_STREAM), "d"(0)
               : "memory", "r8", "r9", "r10", "r11");
  return result;
}

TEST(RunnerSyscallFilterTest, OtherArchitecturesSystemCallsKillTheProcess) {
  ChildOutcome unfiltered = RunInChild([](const ChildPipe&) { return I386Socket() >= 0 ? 0 : 1; });
  if (!unfiltered.ExitedWith(0)) {
    GTEST_SKIP() << "this kernel runs no i386 system calls (" << unfiltered.Describe() << ")";
  }
  ChildOutcome i386 = RunInChild([](const ChildPipe& pipe) {
    if (!Limited(pipe)) return 10;
    pipe.Say("i386 socket returned " + std::to_string(I386Socket()));
    return 0;
  });
  EXPECT_TRUE(i386.KilledBy(SIGSYS)) << i386.Describe();
  ChildOutcome x32 = RunInChild([](const ChildPipe& pipe) {
    if (!Limited(pipe)) return 10;
    constexpr long kX32SyscallBit = 0x40000000;
    pipe.Say("x32 socket " +
             Result(::syscall(kX32SyscallBit | SYS_socket, AF_INET, SOCK_STREAM, 0)));
    return 0;
  });
  EXPECT_TRUE(x32.KilledBy(SIGSYS)) << x32.Describe();
}
#endif

TEST(RunnerSyscallFilterTest, EveryRuleIsInTheFilter) {
  StatusOr<std::string> text = RunnerSyscallFilterText();
  ASSERT_THAT(text, IsOk());
  std::vector<std::string> names = RunnerFilteredSyscalls();
  // The calls the other tests make, and the ones no test can make safely.
  for (const char* name : {"socket", "execve", "clone3", "io_uring_setup", "ptrace", "kill", "bpf",
                           "perf_event_open", "userfaultfd", "init_module", "kexec_load"}) {
    EXPECT_THAT(names, Contains(name));
  }
  // A misspelt name would resolve to no system call and be left out without a word.
  for (const std::string& name : names) {
    EXPECT_THAT(*text, HasSubstr("\"" + name + "\"")) << name;
  }
  EXPECT_THAT(*text, HasSubstr("invalid architecture action\naction KILL_PROCESS"));
}

}  // namespace
}  // namespace needlework::host
