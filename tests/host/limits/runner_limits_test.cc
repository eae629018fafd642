// ApplyRunnerLimits in forked children: the rlimits, capabilities, no_new_privs, dumpable and
// the filter's presence; memory past the limit failing as an allocation error; the cgroup
// joined first; a user without capabilities under the packaged unit's filter; and
// ShieldHostFromRunners keeping a limited runner out of the host's memory.
#include "host/limits/runner_limits.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <grp.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <fstream>
#include <mutex>
#include <new>
#include <thread>
#include <vector>

#include "host/limits/capabilities.h"
#include "host/limits/forked_child.h"
#include "support/child_process.h"
#include "support/status_matchers.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::needlework::testing::ChildOutcome;
using ::needlework::testing::ChildPipe;
using ::needlework::testing::ResidentKiB;
using ::needlework::testing::Result;
using ::needlework::testing::RunInChild;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;

constexpr uint64_t kMiB = RunnerLimits::kMiB;

std::string Limit(int resource) {
  rlimit limit{};
  ::getrlimit(resource, &limit);
  return std::to_string(limit.rlim_cur) + "/" + std::to_string(limit.rlim_max);
}

std::string StatusLine(const std::string& field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return line;
  }
  return field + ": missing";
}

// True when the calling thread holds a capability (the tests run as root).
bool HoldsCapabilities() { return std::stoull(StatusLine("CapEff").substr(7), nullptr, 16) != 0; }

TEST(ApplyRunnerLimitsTest, SetsEveryLimit) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    RunnerLimits limits;
    limits.memory_bytes = 768 * kMiB;
    limits.open_files = 200;
    pipe.Say("apply " + ApplyRunnerLimits(limits).ToString());
    pipe.Say("as " + Limit(RLIMIT_AS));
    pipe.Say("core " + Limit(RLIMIT_CORE));
    pipe.Say("nofile " + Limit(RLIMIT_NOFILE));
    pipe.Say("no_new_privs " + std::to_string(::prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)));
    pipe.Say("dumpable " + std::to_string(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)));
    pipe.Say(StatusLine("CapEff"));
    pipe.Say(StatusLine("CapPrm"));
    pipe.Say(StatusLine("Seccomp"));
    rlimit more{1ULL << 40, 1ULL << 40};
    pipe.Say("raise as " + Result(::setrlimit(RLIMIT_AS, &more)));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  const std::string as = std::to_string(768 * kMiB);
  for (const std::string& line :
       std::vector<std::string>{"apply OK", "as " + as + "/" + as, "core 0/0", "nofile 200/200",
                                "no_new_privs 1", "dumpable 0", "CapEff:\t0000000000000000",
                                "CapPrm:\t0000000000000000", "Seccomp:\t2", "raise as EPERM"}) {
    EXPECT_THAT(child.output, HasSubstr(line));
  }
}

TEST(ApplyRunnerLimitsTest, NeverRaisesAHardLimit) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    rlimit lower{150, 150};
    pipe.Say("lower " + Result(::setrlimit(RLIMIT_NOFILE, &lower)));
    RunnerLimits limits;
    limits.open_files = 4096;
    pipe.Say("apply " + ApplyRunnerLimits(limits).ToString());
    pipe.Say("nofile " + Limit(RLIMIT_NOFILE));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
  EXPECT_THAT(child.output, HasSubstr("nofile 150/150"));
}

// Allocates and touches `chunk` bytes at a time until an allocation fails: how much it got.
uint64_t AllocateUntilRefused(uint64_t chunk, std::vector<char*>& held) {
  uint64_t total = 0;
  try {
    for (;;) {
      char* block = new char[chunk];
      for (uint64_t i = 0; i < chunk; i += 4096) block[i] = 1;
      held.push_back(block);
      total += chunk;
    }
  } catch (const std::bad_alloc&) {
  }
  return total;
}

TEST(ApplyRunnerLimitsTest, MemoryPastTheLimitFailsAsAnAllocationError) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    // The limit counts what the test binary maps already: leave 128 MiB above it.
    const uint64_t mapped = static_cast<uint64_t>(ResidentKiB(::getpid(), "VmSize")) * 1024;
    RunnerLimits limits;
    limits.memory_bytes = std::max(RunnerLimits::kMinMemoryBytes, mapped + 128 * kMiB);
    const uint64_t headroom = limits.memory_bytes - mapped;
    pipe.Say("apply " + ApplyRunnerLimits(limits).ToString());
    std::vector<char*> held;
    uint64_t got = AllocateUntilRefused(16 * kMiB, held);
    pipe.Say("bad_alloc after " + std::to_string(got / kMiB) + " MiB of " +
             std::to_string(headroom / kMiB) + " MiB headroom");
    void* more =
        ::mmap(nullptr, 64 * kMiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    pipe.Say("mmap " + Result(more == MAP_FAILED ? -1 : 0));
    for (char* block : held) delete[] block;
    return got > 0 && got <= headroom ? 0 : 1;
  });
  // Exited by itself: refused an allocation, not killed by the kernel's OOM killer.
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
  EXPECT_THAT(child.output, HasSubstr("bad_alloc after"));
  EXPECT_THAT(child.output, HasSubstr("mmap ENOMEM"));
}

TEST(ApplyRunnerLimitsTest, InvalidLimitsAreRefusedBeforeAnythingChanges) {
  RunnerLimits small;
  small.memory_bytes = 64 * kMiB;
  EXPECT_THAT(CheckRunnerLimits(small),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("runner memory limit 64 MiB is below the 256 MiB")));
  RunnerLimits few;
  few.open_files = 16;
  EXPECT_THAT(CheckRunnerLimits(few), StatusIs(StatusCode::kInvalidArgument,
                                               HasSubstr("open files limit 16 is outside 128")));
  ChildOutcome child = RunInChild([&small](const ChildPipe& pipe) {
    pipe.Say("apply " + ApplyRunnerLimits(small).ToString());
    pipe.Say("no_new_privs " + std::to_string(::prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply INVALID_ARGUMENT"));
  EXPECT_THAT(child.output, HasSubstr("no_new_privs 0"));
}

TEST(ApplyRunnerLimitsTest, JoinsItsCgroupFirst) {
  needlework::testing::TempDir dir;
  std::ofstream(dir.File("cgroup.procs")).flush();  // as cgroupfs makes it with the cgroup
  ChildOutcome child = RunInChild([&dir](const ChildPipe& pipe) {
    RunnerLimits limits;
    limits.cgroup_dir = dir.path();
    pipe.Say("apply " + ApplyRunnerLimits(limits).ToString());
    limits.cgroup_dir = dir.File("gone");
    pipe.Say("again " + ApplyRunnerLimits(limits).ToString());
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
  EXPECT_THAT(child.output, HasSubstr("again NOT_FOUND: cannot join the runner's cgroup: "
                                      "cannot write"));
  EXPECT_EQ(needlework::testing::ReadWholeFile(dir.File("cgroup.procs")),
            std::to_string(child.pid));
}

TEST(ApplyRunnerLimitsTest, RefusedWhileAnotherThreadHoldsCapabilities) {
  if (!HoldsCapabilities()) GTEST_SKIP() << "the test runs without capabilities";
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    std::thread holder([&] {
      std::unique_lock lock(mutex);
      done.wait(lock, [&] { return finished; });
    });
    pipe.Say("apply " + ApplyRunnerLimits(RunnerLimits{}).ToString());
    {
      std::lock_guard lock(mutex);
      finished = true;
    }
    done.notify_all();
    holder.join();
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply FAILED_PRECONDITION: thread "));
  EXPECT_THAT(child.output, HasSubstr("holds capabilities"));
}

// What systemd's SystemCallFilter=~@privileged in the packaged unit does to capset(2).
bool RefuseCapset() {
  scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
  bool refused = filter != nullptr &&
                 seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(capset), 0) == 0 &&
                 seccomp_load(filter) == 0;
  seccomp_release(filter);
  return refused;
}

TEST(ApplyRunnerLimitsTest, AppliesAsAUserWithoutCapabilitiesUnderThePackagedUnitsFilter) {
  ChildOutcome child = RunInChild([](const ChildPipe& pipe) {
    if (::geteuid() == 0) {  // become a user without capabilities, as the unit's is
      constexpr uid_t kNobody = 65534;
      bool dropped = ::setgroups(0, nullptr) == 0 && ::setresgid(kNobody, kNobody, kNobody) == 0 &&
                     ::setresuid(kNobody, kNobody, kNobody) == 0;
      pipe.Say("nobody " + Result(dropped ? 0 : -1));
    }
    pipe.Say(std::string("capset refused ") + (RefuseCapset() ? "yes" : "no"));
    pipe.Say("apply " + ApplyRunnerLimits(RunnerLimits{}).ToString());
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("capset refused yes"));
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
}

// A host (a child without capabilities, shielded or not) and its runner (a grandchild with
// the runner's limits) that tries to open the host's memory for writing.
ChildOutcome RunnerOpensHostMemory(bool shield) {
  return RunInChild([shield](const ChildPipe& pipe) {
    pipe.Say("host drops capabilities " + DropThreadCapabilities().ToString());
    if (shield) pipe.Say("shield " + ShieldHostFromRunners().ToString());
    const pid_t host = ::getpid();
    ChildOutcome runner = RunInChild([host](const ChildPipe& runner_pipe) {
      runner_pipe.Say("apply " + ApplyRunnerLimits(RunnerLimits{}).ToString());
      std::string mem = "/proc/" + std::to_string(host) + "/mem";
      int fd = ::open(mem.c_str(), O_RDWR | O_CLOEXEC);
      runner_pipe.Say("open host mem " + Result(fd));
      return 0;
    });
    pipe.Say(runner.output);
    return runner.ExitedWith(0) ? 0 : 1;
  });
}

TEST(ShieldHostFromRunnersTest, ARunnerCannotOpenTheShieldedHostsMemory) {
  ChildOutcome unshielded = RunnerOpensHostMemory(false);
  ASSERT_TRUE(unshielded.ExitedWith(0)) << unshielded.Describe();
  if (unshielded.output.find("open host mem ok") == std::string::npos) {
    GTEST_SKIP() << "the kernel keeps a runner out of its unshielded host already (Yama's "
                    "ptrace_scope?): "
                 << unshielded.output;
  }
  ChildOutcome shielded = RunnerOpensHostMemory(true);
  ASSERT_TRUE(shielded.ExitedWith(0)) << shielded.Describe();
  EXPECT_THAT(shielded.output, HasSubstr("shield OK"));
  EXPECT_THAT(shielded.output, HasSubstr("apply OK"));
  EXPECT_THAT(shielded.output, HasSubstr("open host mem EACCES"));
}

}  // namespace
}  // namespace needlework::host
