// Finding a process's cgroup v2 directory: /proc/self/cgroup and /proc/self/mountinfo as a
// unified, a hybrid (this machine's kind) and a namespaced system write them, then the same
// on a fake tree and on this machine.
#include "host/limits/cgroup_paths.h"

#include <gmock/gmock.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/child_process.h"
#include "support/status_matchers.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;

constexpr char kUnifiedMounts[] =
    "22 1 259:1 / / rw,relatime shared:1 - ext4 /dev/root rw\n"
    "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 "
    "rw,nsdelegate,memory_recursiveprot\n";
constexpr char kHybridMounts[] =
    "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

TEST(CgroupV2PathTest, ReadsTheUnifiedLine) {
  EXPECT_EQ(*CgroupV2Path("0::/system.slice/needlework.service\n"),
            "/system.slice/needlework.service");
  EXPECT_EQ(*CgroupV2Path("4:memory:/process_api/f6\n1:cpu:/\n0::/\n"), "/");
  EXPECT_EQ(*CgroupV2Path("0::/odd:name\n"), "/odd:name");
}

TEST(CgroupV2PathTest, CgroupV1OnlyIsUnavailable) {
  EXPECT_THAT(CgroupV2Path("4:memory:/a\n1:cpu:/\n"),
              StatusIs(StatusCode::kUnavailable, HasSubstr("cgroup v1 only")));
  EXPECT_THAT(CgroupV2Path(""), StatusIs(StatusCode::kUnavailable, HasSubstr("no \"0::\" line")));
}

TEST(CgroupV2DirectoryTest, JoinsThePathToTheMountPoint) {
  EXPECT_EQ(*CgroupV2Directory(kUnifiedMounts, "/system.slice/needlework.service"),
            "/sys/fs/cgroup/system.slice/needlework.service");
  EXPECT_EQ(*CgroupV2Directory(kHybridMounts, "/a/b"), "/sys/fs/cgroup/unified/a/b");
}

TEST(CgroupV2DirectoryTest, AMountOfASubtreeHoldsOnlyItsPaths) {
  // A container's view: its cgroup mounted at /sys/fs/cgroup, seen from the host's namespace.
  const char mounts[] = "40 30 0:40 /kubepods/pod1 /sys/fs/cgroup ro,nosuid - cgroup2 cgroup rw\n";
  EXPECT_EQ(*CgroupV2Directory(mounts, "/kubepods/pod1/app"), "/sys/fs/cgroup/app");
  EXPECT_THAT(
      CgroupV2Directory(mounts, "/kubepods/pod10"),
      StatusIs(StatusCode::kUnavailable, HasSubstr("holds the host's cgroup /kubepods/pod10")));
}

TEST(CgroupV2DirectoryTest, EscapedMountPointsAreUnescaped) {
  const char mounts[] = "41 31 0:38 / /mnt/cgroup\\040two rw - cgroup2 none rw\n";
  EXPECT_EQ(*CgroupV2Directory(mounts, "/x"), "/mnt/cgroup two/x");
}

TEST(CgroupV2DirectoryTest, NoCgroup2MountIsUnavailable) {
  const char mounts[] = "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw\n";
  EXPECT_THAT(CgroupV2Directory(mounts, "/"),
              StatusIs(StatusCode::kUnavailable, HasSubstr("no cgroup2 file system is mounted")));
}

TEST(FindOwnCgroupV2Test, ReadsTheFilesUnderTheRoot) {
  needlework::testing::TempDir root;
  std::filesystem::create_directories(root.File("proc/self"));
  std::ofstream(root.File("proc/self/cgroup")) << "0::/system.slice/needlework.service\n";
  std::ofstream(root.File("proc/self/mountinfo")) << kUnifiedMounts;
  StatusOr<OwnCgroup> own = FindOwnCgroupV2(root.path());
  ASSERT_THAT(own, IsOk());
  EXPECT_EQ(own->path, "/system.slice/needlework.service");
  EXPECT_EQ(own->dir, root.path() + "/sys/fs/cgroup/system.slice/needlework.service");
}

TEST(FindOwnCgroupV2Test, MissingFilesAreNamed) {
  needlework::testing::TempDir root;
  EXPECT_THAT(FindOwnCgroupV2(root.path()),
              StatusIs(StatusCode::kNotFound, HasSubstr("/proc/self/cgroup")));
}

TEST(FindOwnCgroupV2Test, OnThisMachineTheDirectoryListsThisProcess) {
  StatusOr<OwnCgroup> own = FindOwnCgroupV2("/");
  if (!own.ok()) GTEST_SKIP() << own.status().ToString();
  std::string procs = needlework::testing::ReadWholeFile(own->dir + "/cgroup.procs");
  EXPECT_THAT("\n" + procs, HasSubstr("\n" + std::to_string(::getpid()) + "\n")) << own->dir;
}

}  // namespace
}  // namespace needlework::host
