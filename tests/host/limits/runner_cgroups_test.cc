// The runner cgroups' decisions on a fake cgroup tree in a temp dir (files where cgroupfs has
// them; the kernel's side, making a new cgroup's files and refusing what it refuses, is not
// faked: a test lays out what the kernel would), then the real thing where this machine
// allows it.
#include "host/limits/runner_cgroups.h"

#include <gmock/gmock.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "host/limits/capabilities.h"
#include "host/limits/cgroup_paths.h"
#include "host/limits/forked_child.h"
#include "host/limits/kernel_files.h"
#include "host/limits/runner_limits.h"
#include "support/child_process.h"
#include "support/status_matchers.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

namespace fs = std::filesystem;
using ::needlework::testing::ChildOutcome;
using ::needlework::testing::ChildPipe;
using ::needlework::testing::IsOk;
using ::needlework::testing::ReadWholeFile;
using ::needlework::testing::RunInChild;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;

constexpr uint64_t kMiB = RunnerLimits::kMiB;
const std::string kService = "/system.slice/needlework.service";
const std::string kSelf = std::to_string(::getpid());

// A root with proc/self/{cgroup,mountinfo} putting the process in cgroup `path` of a cgroup2
// mounted at /sys/fs/cgroup, and that cgroup's interface files.
class FakeTree {
 public:
  FakeTree(const std::string& path, const std::string& controllers, const std::string& enabled,
           const std::string& procs)
      : dir_(root_.path() + "/sys/fs/cgroup" + (path == "/" ? "" : path)) {
    fs::create_directories(root_.File("proc/self"));
    Write(root_.File("proc/self/cgroup"), "0::" + path + "\n");
    Write(root_.File("proc/self/mountinfo"),
          "35 24 0:30 / /sys/fs/cgroup rw,relatime shared:9 - cgroup2 cgroup2 rw\n");
    MakeCgroup(dir_);
    Write(dir_ + "/cgroup.controllers", controllers);
    Write(dir_ + "/cgroup.subtree_control", enabled);
    Write(dir_ + "/cgroup.procs", procs);
  }

  // What mkdir in cgroupfs makes: the directory and its interface files.
  static void MakeCgroup(const std::string& dir) {
    fs::create_directories(dir);
    for (const char* file : {"cgroup.procs", "memory.max", "memory.swap.max"})
      Write(dir + "/" + file, "");
  }
  static void Write(const std::string& file, const std::string& text) {
    std::ofstream(file) << text;
  }

  const std::string& root() const { return root_.path(); }
  const std::string& dir() const { return dir_; }
  std::string Read(const std::string& file) const { return ReadWholeFile(dir_ + "/" + file); }

 private:
  needlework::testing::TempDir root_;
  std::string dir_;
};

TEST(RunnerCgroupsTest, NoMemoryControllerMeansRlimitOnly) {
  FakeTree tree("/", "cpu io\n", "", kSelf + "\n");
  auto cgroups = RunnerCgroups::Prepare(tree.root());
  EXPECT_THAT(cgroups, StatusIs(StatusCode::kUnavailable,
                                HasSubstr("offers no memory controller to " + tree.dir() +
                                          " (its cgroup.controllers: cpu io)")));
  EXPECT_THAT(RunnerMemoryLimitSummary(cgroups, 1024 * kMiB),
              HasSubstr("runner memory limit: rlimit only (the cgroup v2 hierarchy offers no "
                        "memory controller"));
  FakeTree empty("/", "", "", kSelf + "\n");
  EXPECT_THAT(RunnerCgroups::Prepare(empty.root()),
              StatusIs(StatusCode::kUnavailable, HasSubstr("(its cgroup.controllers: none)")));
}

TEST(RunnerCgroupsTest, MemoryEnabledAlreadyIsUsedAsItIs) {
  FakeTree tree(kService, "cpu memory pids\n", "memory pids\n", "");
  auto cgroups = RunnerCgroups::Prepare(tree.root());
  ASSERT_THAT(cgroups, IsOk());
  EXPECT_EQ((*cgroups)->dir(), tree.dir());
  EXPECT_EQ(tree.Read("cgroup.subtree_control"), "memory pids\n");
  EXPECT_FALSE(fs::exists(tree.dir() + "/needlework-host"));
  EXPECT_EQ(RunnerMemoryLimitSummary(cgroups, 512 * kMiB),
            "runner memory limit: cgroup memory.max 512 MiB in " + tree.dir() + " and rlimit");
}

TEST(RunnerCgroupsTest, TheHostMovesIntoALeafBeforeEnablingMemory) {
  FakeTree tree(kService, "cpu memory pids\n", "", kSelf + "\n");
  FakeTree::MakeCgroup(tree.dir() + "/needlework-host");
  ASSERT_THAT(RunnerCgroups::Prepare(tree.root()), IsOk());
  EXPECT_EQ(tree.Read("needlework-host/cgroup.procs"), kSelf);
  EXPECT_EQ(tree.Read("cgroup.subtree_control"), "+memory");
}

TEST(RunnerCgroupsTest, ACgroupSharedWithOtherProcessesIsLeftAlone) {
  FakeTree tree(kService, "memory\n", "", kSelf + "\n4242\n4343\n");
  EXPECT_THAT(RunnerCgroups::Prepare(tree.root()),
              StatusIs(StatusCode::kFailedPrecondition,
                       HasSubstr("processes other than the host are in it (4242 4343)")));
  EXPECT_FALSE(fs::exists(tree.dir() + "/needlework-host"));
  EXPECT_EQ(tree.Read("cgroup.subtree_control"), "");
}

TEST(RunnerCgroupsTest, TheRootCgroupEnablesMemoryWithProcessesInIt) {
  FakeTree tree("/", "cpu memory\n", "cpu\n", kSelf + "\n1\n77\n");
  ASSERT_THAT(RunnerCgroups::Prepare(tree.root()), IsOk());
  EXPECT_FALSE(fs::exists(tree.dir() + "/needlework-host"));
  EXPECT_EQ(tree.Read("cgroup.subtree_control"), "+memory");
}

TEST(RunnerCgroupsTest, ACgroupNotDelegatedToTheUserIsRefused) {
  FakeTree tree(kService, "memory\n", "", kSelf + "\n");
  ::chmod((tree.dir() + "/cgroup.subtree_control").c_str(), 0444);
  ::chmod(tree.dir().c_str(), 0555);
  // Root would write anyway: the child drops its capabilities, as a runner's host has none.
  ChildOutcome child = RunInChild([&tree](const ChildPipe& pipe) {
    pipe.Say("drop " + DropThreadCapabilities().ToString());
    pipe.Say("prepare " + RunnerCgroups::Prepare(tree.root()).status().ToString());
    return 0;
  });
  ::chmod(tree.dir().c_str(), 0755);
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output,
              HasSubstr("prepare PERMISSION_DENIED: " + tree.dir() + " is not delegated to uid"));
  EXPECT_THAT(child.output, HasSubstr("Delegate=yes"));
}

TEST(RunnerCgroupsTest, CreateSetsTheMemoryLimitAndNoSwap) {
  FakeTree tree(kService, "memory\n", "memory\n", "");
  FakeTree::MakeCgroup(tree.dir() + "/runner-1");
  auto cgroups = RunnerCgroups::Prepare(tree.root());
  ASSERT_THAT(cgroups, IsOk());
  StatusOr<RunnerCgroup> runner = (*cgroups)->Create(512 * kMiB);
  ASSERT_THAT(runner, IsOk());
  EXPECT_EQ(runner->dir(), tree.dir() + "/runner-1");
  EXPECT_EQ(tree.Read("runner-1/memory.max"), std::to_string(512 * kMiB));
  EXPECT_EQ(tree.Read("runner-1/memory.swap.max"), "0");
}

TEST(RunnerCgroupsTest, ACgroupStillInUseIsSkipped) {
  FakeTree tree(kService, "memory\n", "memory\n", "");
  FakeTree::MakeCgroup(tree.dir() + "/runner-1");
  FakeTree::Write(tree.dir() + "/runner-1/cgroup.procs", "999\n");
  FakeTree::MakeCgroup(tree.dir() + "/runner-2");
  auto cgroups = RunnerCgroups::Prepare(tree.root());
  ASSERT_THAT(cgroups, IsOk());
  StatusOr<RunnerCgroup> runner = (*cgroups)->Create(512 * kMiB);
  ASSERT_THAT(runner, IsOk());
  EXPECT_EQ(runner->dir(), tree.dir() + "/runner-2");
  EXPECT_EQ(tree.Read("runner-1/memory.max"), "");
}

TEST(RunnerCgroupsTest, AFailedCreateRemovesItsCgroup) {
  FakeTree tree(kService, "memory\n", "memory\n", "");
  auto cgroups = RunnerCgroups::Prepare(tree.root());
  ASSERT_THAT(cgroups, IsOk());
  // A plain mkdir makes no memory.max: as if memory were not enabled after all.
  EXPECT_THAT((*cgroups)->Create(512 * kMiB),
              StatusIs(StatusCode::kNotFound, HasSubstr("runner-1/memory.max")));
  EXPECT_FALSE(fs::exists(tree.dir() + "/runner-1"));
}

TEST(RunnerCgroupTest, RemovedOnceEmpty) {
  needlework::testing::TempDir dir;
  FakeTree::MakeCgroup(dir.File("runner-1"));
  RunnerCgroup cgroup(dir.File("runner-1"));
  EXPECT_THAT(cgroup.Remove(), StatusIs(StatusCode::kFailedPrecondition,
                                        HasSubstr("cannot remove the runner's cgroup")));
  for (const char* file : {"cgroup.procs", "memory.max", "memory.swap.max"}) {
    fs::remove(dir.File("runner-1/") + file);
  }
  EXPECT_THAT(cgroup.Remove(), IsOk());
  EXPECT_FALSE(fs::exists(dir.File("runner-1")));
  EXPECT_EQ(cgroup.dir(), "");
  EXPECT_THAT(cgroup.Remove(), IsOk());
}

TEST(RunnerCgroupTest, CountsOomKills) {
  needlework::testing::TempDir dir;
  FakeTree::Write(dir.File("memory.events"), "low 0\nhigh 0\nmax 7\noom 2\noom_kill 2\n");
  RunnerCgroup cgroup(dir.path());
  EXPECT_EQ(*cgroup.OomKills(), 2);
  (void)cgroup.Remove();  // fails (files in it), and the TempDir removes it
}

// The kernel's side of a runner's cgroup, without memory (which this build machine's cgroup2
// lacks): a runner joins a real cgroup, which cannot be removed while a process is in it (the
// test's own, for a moment) and can once the runner is reaped. Needs a cgroup2 directory this
// user may make children in.
TEST(RunnerCgroupTest, OnThisMachineACgroupIsRemovedOnceEmpty) {
  StatusOr<OwnCgroup> own = FindOwnCgroupV2("/");
  if (!own.ok()) GTEST_SKIP() << own.status().ToString();
  const std::string dir = own->dir + "/needlework-test-" + kSelf;
  if (::mkdir(dir.c_str(), 0755) != 0) GTEST_SKIP() << "cannot make a cgroup in " << own->dir;
  RunnerCgroup cgroup(dir);
  ChildOutcome child = RunInChild([&dir](const ChildPipe& pipe) {
    RunnerLimits limits;
    limits.cgroup_dir = dir;
    pipe.Say("apply " + ApplyRunnerLimits(limits).ToString());
    pipe.Say("cgroup " + ReadWholeFile("/proc/self/cgroup"));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
  EXPECT_THAT(child.output, HasSubstr("0::" + own->path + (own->path == "/" ? "" : "/") +
                                      "needlework-test-" + kSelf + "\n"));
  ASSERT_THAT(WriteKernelFile(dir + "/cgroup.procs", kSelf), IsOk());
  EXPECT_THAT(cgroup.Remove(), StatusIs(StatusCode::kFailedPrecondition,
                                        HasSubstr("cannot remove the runner's cgroup " + dir +
                                                  ": Device or resource busy")));
  ASSERT_THAT(WriteKernelFile(own->dir + "/cgroup.procs", kSelf), IsOk());
  EXPECT_THAT(cgroup.Remove(), IsOk());
  EXPECT_FALSE(fs::exists(dir));
}

// Where this machine has a delegated cgroup2 with memory: a runner joins its cgroup, which
// holds its limit, and it is removed once the runner is reaped.
TEST(RunnerCgroupsTest, OnThisMachineARunnerJoinsItsLimitedCgroup) {
  auto cgroups = RunnerCgroups::Prepare("/");
  if (!cgroups.ok()) GTEST_SKIP() << RunnerMemoryLimitSummary(cgroups, 256 * kMiB);
  StatusOr<RunnerCgroup> runner = (*cgroups)->Create(256 * kMiB);
  ASSERT_THAT(runner, IsOk());
  EXPECT_EQ(ReadWholeFile(runner->dir() + "/memory.max"), std::to_string(256 * kMiB) + "\n");
  RunnerLimits limits;
  limits.cgroup_dir = runner->dir();
  ChildOutcome child = RunInChild([&limits](const ChildPipe& pipe) {
    pipe.Say("apply " + ApplyRunnerLimits(limits).ToString());
    pipe.Say(ReadWholeFile("/proc/self/cgroup"));
    return 0;
  });
  ASSERT_TRUE(child.ExitedWith(0)) << child.Describe();
  EXPECT_THAT(child.output, HasSubstr("apply OK"));
  EXPECT_THAT(child.output, HasSubstr(fs::path(runner->dir()).filename().string() + "\n"));
  EXPECT_THAT(runner->Remove(), IsOk());
}

}  // namespace
}  // namespace needlework::host
