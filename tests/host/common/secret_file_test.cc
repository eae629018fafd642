// WriteNewFile, ReplaceSecretFile, EnsurePrivateDirectory and EnsurePrivateFile: modes from
// creation whatever the umask, no symlink followed, group- or world-writable data dirs
// refused, files another library made 0644 tightened to 0600.
#include "host/common/secret_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::needlework::testing::TempDir;
using ::testing::HasSubstr;

// Sets the process umask for the life of the object.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(old_); }

 private:
  mode_t old_;
};

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

std::string Contents(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(WriteNewFileTest, CreatesTheFileWithItsModeEvenUnderAnOpenUmask) {
  TempDir dir;
  ScopedUmask open_umask(0);
  ASSERT_TRUE(WriteNewFile(dir.File("key.pem"), "secret", 0600).ok());
  EXPECT_EQ(ModeOf(dir.File("key.pem")), 0600);
  EXPECT_EQ(Contents(dir.File("key.pem")), "secret");
}

TEST(WriteNewFileTest, RefusesAnExistingFileAndLeavesItAlone) {
  TempDir dir;
  std::ofstream(dir.File("key.pem")) << "old";
  Status status = WriteNewFile(dir.File("key.pem"), "new", 0600);
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(status.message()), HasSubstr(dir.File("key.pem")));
  EXPECT_EQ(Contents(dir.File("key.pem")), "old");
}

TEST(WriteNewFileTest, RefusesASymlinkAndNeverWritesThroughIt) {
  TempDir dir;
  std::filesystem::create_symlink(dir.File("target"), dir.File("dangling.pem"));
  std::ofstream(dir.File("victim")) << "victim";
  std::filesystem::create_symlink(dir.File("victim"), dir.File("link.pem"));
  for (const char* name : {"dangling.pem", "link.pem"}) {
    Status status = WriteNewFile(dir.File(name), "secret", 0600);
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << name;
    EXPECT_THAT(std::string(status.message()), HasSubstr(dir.File(name) + " is a symlink"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir.File("target")));
  EXPECT_EQ(Contents(dir.File("victim")), "victim");
}

TEST(ReplaceSecretFileTest, ReplacesAnOpenFileWithAPrivateOne) {
  TempDir dir;
  ScopedUmask open_umask(0);
  std::ofstream(dir.File("credentials.json")) << "old";
  ::chmod(dir.File("credentials.json").c_str(), 0644);
  ASSERT_TRUE(ReplaceSecretFile(dir.File("credentials.json"), "new").ok());
  EXPECT_EQ(Contents(dir.File("credentials.json")), "new");
  EXPECT_EQ(ModeOf(dir.File("credentials.json")), 0600);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1)
      << "no temporary file left";
}

TEST(ReplaceSecretFileTest, ReplacesASymlinkRatherThanFollowingIt) {
  TempDir dir;
  std::ofstream(dir.File("victim")) << "victim";
  std::filesystem::create_symlink(dir.File("victim"), dir.File("credentials.json"));
  ASSERT_TRUE(ReplaceSecretFile(dir.File("credentials.json"), "new").ok());
  EXPECT_FALSE(std::filesystem::is_symlink(dir.File("credentials.json")));
  EXPECT_EQ(Contents(dir.File("credentials.json")), "new");
  EXPECT_EQ(Contents(dir.File("victim")), "victim");
}

TEST(EnsurePrivateDirectoryTest, CreatesTheDirectoryAndItsParents0700WhateverTheUmask) {
  TempDir dir;
  for (mode_t mask : {mode_t{0}, mode_t{0277}}) {
    ScopedUmask umask(mask);
    std::string data = dir.File("parent-" + std::to_string(mask) + "/data");
    ASSERT_TRUE(EnsurePrivateDirectory(data).ok()) << mask;
    EXPECT_EQ(ModeOf(data), 0700) << mask;
  }
  ScopedUmask open_umask(0);
  ASSERT_TRUE(EnsurePrivateDirectory(dir.File("slash/data/")).ok());
  EXPECT_EQ(ModeOf(dir.File("slash/data")), 0700) << "a trailing slash names the same dir";
}

TEST(EnsurePrivateDirectoryTest, KeepsAnExistingDirectoryNoOtherUserCanWrite) {
  TempDir dir;
  ASSERT_EQ(::mkdir(dir.File("data").c_str(), 0755), 0);
  ::chmod(dir.File("data").c_str(), 0755);
  EXPECT_TRUE(EnsurePrivateDirectory(dir.File("data")).ok());
  EXPECT_EQ(ModeOf(dir.File("data")), 0755);
}

TEST(EnsurePrivateDirectoryTest, RefusesAGroupOrWorldWritableDirectoryNamingItsMode) {
  TempDir dir;
  ASSERT_EQ(::mkdir(dir.File("data").c_str(), 0700), 0);
  for (mode_t mode : {mode_t{0770}, mode_t{0707}, mode_t{01777}}) {
    ASSERT_EQ(::chmod(dir.File("data").c_str(), mode), 0);
    Status status = EnsurePrivateDirectory(dir.File("data"));
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << mode;
    char octal[8];
    std::snprintf(octal, sizeof(octal), "%04o", static_cast<unsigned>(mode));
    EXPECT_THAT(std::string(status.message()), HasSubstr("data dir " + dir.File("data")));
    EXPECT_THAT(std::string(status.message()), HasSubstr(std::string("has mode ") + octal));
    EXPECT_THAT(std::string(status.message()), HasSubstr("chmod go-w"));
  }
}

TEST(EnsurePrivateDirectoryTest, RefusesAFileWhereTheDirectoryShouldBe) {
  TempDir dir;
  std::ofstream(dir.File("data")) << "";
  Status status = EnsurePrivateDirectory(dir.File("data"));
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()), HasSubstr("is not a directory"));
}

TEST(EnsurePrivateFileTest, CreatesAnEmptyFile0600WhateverTheUmask) {
  TempDir dir;
  ScopedUmask open_umask(0);
  ASSERT_TRUE(EnsurePrivateFile(dir.File("needlework.db"), true).ok());
  EXPECT_EQ(ModeOf(dir.File("needlework.db")), 0600);
  EXPECT_EQ(Contents(dir.File("needlework.db")), "");
}

TEST(EnsurePrivateFileTest, TightensAnExistingFileAndKeepsItsBytes) {
  TempDir dir;
  std::ofstream(dir.File("needlework.db-wal")) << "frames";
  ::chmod(dir.File("needlework.db-wal").c_str(), 0644);
  ASSERT_TRUE(EnsurePrivateFile(dir.File("needlework.db-wal"), false).ok());
  EXPECT_EQ(ModeOf(dir.File("needlework.db-wal")), 0600);
  EXPECT_EQ(Contents(dir.File("needlework.db-wal")), "frames");
}

TEST(EnsurePrivateFileTest, LeavesAnAbsentFileAbsentUnlessAskedToCreate) {
  TempDir dir;
  ASSERT_TRUE(EnsurePrivateFile(dir.File("needlework.db-shm"), false).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.File("needlework.db-shm")));
}

TEST(EnsurePrivateFileTest, RefusesASymlinkAndLeavesItsTargetAlone) {
  TempDir dir;
  std::ofstream(dir.File("victim")) << "victim";
  ::chmod(dir.File("victim").c_str(), 0644);
  std::filesystem::create_symlink(dir.File("victim"), dir.File("needlework.db"));
  Status status = EnsurePrivateFile(dir.File("needlework.db"), true);
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr(dir.File("needlework.db") + " is a symlink"));
  EXPECT_EQ(ModeOf(dir.File("victim")), 0644);
}

}  // namespace
}  // namespace needlework::host
