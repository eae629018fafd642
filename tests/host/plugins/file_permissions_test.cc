// Who may change plugin files and directories: the rules on stat(2) answers, then on real
// files and directories through PluginTrust in each trust mode (chown needs root: those tests
// skip without it).
#include "host/plugins/file_permissions.h"

#include <gmock/gmock.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "host/plugins/trust.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

constexpr uid_t kHostUid = 998;
constexpr uid_t kStranger = 4242;

struct stat Stat(uid_t owner, mode_t mode) {
  struct stat info {};
  info.st_uid = owner;
  info.st_gid = 50;
  info.st_mode = S_IFREG | mode;
  return info;
}

Status OnlyHost(const struct stat& info, PluginPathKind kind = PluginPathKind::kFile) {
  return CheckOnlyRootOrHostCanWrite(kind, "/p/x.so", info, kHostUid);
}

TEST(FilePermissionsTest, RootOrTheHostsUserWritingAloneIsAccepted) {
  EXPECT_TRUE(OnlyHost(Stat(0, 0644)).ok());
  EXPECT_TRUE(OnlyHost(Stat(0, 0755)).ok());
  EXPECT_TRUE(OnlyHost(Stat(kHostUid, 0600)).ok());
  EXPECT_TRUE(CheckNotWorldWritable(PluginPathKind::kFile, "/p/x.so", Stat(0, 0775)).ok());
}

TEST(FilePermissionsTest, AnotherOwnerIsRefusedNamingOwnerModeAndChown) {
  Status status = OnlyHost(Stat(kStranger, 0644));
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              AllOf(HasSubstr("plugin file /p/x.so (owner uid 4242, mode 0644)"),
                    HasSubstr("owned by uid 4242, neither root nor the host's user (uid 998)"),
                    HasSubstr("run chown root /p/x.so")));
}

TEST(FilePermissionsTest, GroupWritableIsRefusedNamingTheGroupAndChmod) {
  Status status = OnlyHost(Stat(0, 0664), PluginPathKind::kDirectory);
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              AllOf(HasSubstr("plugin directory /p/x.so (owner uid 0, mode 0664)"),
                    HasSubstr("writable by its group (gid 50)"), HasSubstr("add or replace"),
                    HasSubstr("run chmod g-w /p/x.so")));
}

TEST(FilePermissionsTest, BothProblemsAreNamedWithBothFixes) {
  EXPECT_THAT(OnlyHost(Stat(kStranger, 02775)).message(),
              AllOf(HasSubstr("mode 2775"), HasSubstr("(uid 998) and writable by its group"),
                    HasSubstr("run chown root /p/x.so && chmod g-w /p/x.so")));
}

TEST(FilePermissionsTest, WorldWritableIsRefusedSayingWhoCouldDoWhat) {
  EXPECT_THAT(CheckNotWorldWritable(PluginPathKind::kFile, "/p/x.so", Stat(0, 0666)).message(),
              AllOf(HasSubstr("plugin file /p/x.so is world-writable (mode 0666)"),
                    HasSubstr("anyone could change it"), HasSubstr("run chmod o-w /p/x.so")));
  EXPECT_THAT(CheckNotWorldWritable(PluginPathKind::kDirectory, "/p", Stat(0, 01777)).message(),
              HasSubstr("anyone could add a plugin"));
}

// Real files and directories, judged by PluginTrust in each mode.
class PluginPermissionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(::chmod(dir_.path().c_str(), 0755), 0);
    std::ofstream(file_) << "not a library; only its permissions matter here";
    ASSERT_EQ(::chmod(file_.c_str(), 0644), 0);
  }
  static PluginTrust Trust(TrustMode mode) {
    PluginTrustConfig config;
    config.mode = mode;
    return *PluginTrust::Create(config);
  }
  static void SkipUnlessRoot() {
    if (::geteuid() != 0) GTEST_SKIP() << "chown to another uid needs root";
  }

  testing::TempDir dir_;
  std::string file_ = dir_.File("plugin.so");
  PluginTrust enforce_ = Trust(TrustMode::kEnforce);
  PluginTrust development_ = Trust(TrustMode::kDevelopment);
};

TEST_F(PluginPermissionsTest, OwnedByTheHostsUserAndNotGroupWritableIsAccepted) {
  EXPECT_TRUE(enforce_.Open(file_).ok());
  EXPECT_TRUE(enforce_.CheckDirectory(dir_.path()).ok());
}

TEST_F(PluginPermissionsTest, GroupWritableIsRefusedInEnforceAndAcceptedInDevelopment) {
  ASSERT_EQ(::chmod(file_.c_str(), 0664), 0);
  ASSERT_EQ(::chmod(dir_.path().c_str(), 0775), 0);
  EXPECT_THAT(enforce_.Open(file_).status().message(),
              AllOf(HasSubstr("plugin file " + file_), HasSubstr("mode 0664"),
                    HasSubstr("chmod g-w " + file_)));
  EXPECT_THAT(enforce_.CheckDirectory(dir_.path()).message(),
              AllOf(HasSubstr("plugin directory " + dir_.path()), HasSubstr("mode 0775"),
                    HasSubstr("chmod g-w " + dir_.path())));
  EXPECT_TRUE(development_.Open(file_).ok());
  EXPECT_TRUE(development_.CheckDirectory(dir_.path()).ok());
}

TEST_F(PluginPermissionsTest, AnotherOwnerIsRefusedInEnforceAndAcceptedInDevelopment) {
  SkipUnlessRoot();
  ASSERT_EQ(::chown(file_.c_str(), kStranger, static_cast<gid_t>(-1)), 0);
  ASSERT_EQ(::chown(dir_.path().c_str(), kStranger, static_cast<gid_t>(-1)), 0);
  EXPECT_THAT(enforce_.Open(file_).status().message(),
              AllOf(HasSubstr("owner uid 4242"), HasSubstr("chown root " + file_)));
  EXPECT_THAT(enforce_.CheckDirectory(dir_.path()).message(),
              AllOf(HasSubstr("owner uid 4242"), HasSubstr("chown root " + dir_.path())));
  EXPECT_TRUE(development_.Open(file_).ok());
  EXPECT_TRUE(development_.CheckDirectory(dir_.path()).ok());
}

TEST_F(PluginPermissionsTest, WorldWritableIsRefusedInBothModes) {
  ASSERT_EQ(::chmod(file_.c_str(), 0666), 0);
  ASSERT_EQ(::chmod(dir_.path().c_str(), 0777), 0);
  for (const PluginTrust* trust : {&enforce_, &development_}) {
    EXPECT_THAT(trust->Open(file_).status().message(), HasSubstr("world-writable"));
    EXPECT_THAT(trust->CheckDirectory(dir_.path()).message(), HasSubstr("world-writable"));
  }
}

}  // namespace
}  // namespace needlework::host
