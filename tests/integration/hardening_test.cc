// Issue 15's files and input checks, through the real host: the data dir and the demo
// credentials are private whatever the umask, a group- or world-writable data dir stops the
// host before it opens anything, and only a real loopback address is served in plaintext.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "support/host_process.h"
#include "support/temp_dir.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

TEST(PrivateFilesTest, DataDirIs0700AndDemoCredentials0600UnderAnOpenUmask) {
  mode_t old_umask = ::umask(0);
  auto host = HostProcess::Start();
  ::umask(old_umask);
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(ModeOf(host->data_dir()), 0700);
  EXPECT_EQ(ModeOf(host->data_dir() + "/demo-credentials.json"), 0600);
}

TEST(PrivateFilesTest, AWorldWritableDataDirStopsTheHostNamingTheDirAndItsMode) {
  TempDir dir;
  ASSERT_EQ(::mkdir(dir.File("data").c_str(), 0700), 0);
  ASSERT_EQ(::chmod(dir.File("data").c_str(), 0777), 0);
  std::ofstream(dir.File("host.yaml"))
      << "listen: 127.0.0.1:0\ndata_dir: " << dir.File("data") << "\n";
  std::string err;
  EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml"), "--seed-demo"}, nullptr, &err), 1);
  EXPECT_THAT(err, HasSubstr("data dir " + dir.File("data") + " has mode 0777"));
  EXPECT_THAT(err, HasSubstr("chmod go-w"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("data/needlework.db")));
  EXPECT_FALSE(std::filesystem::exists(dir.File("data/demo-credentials.json")));
}

TEST(LoopbackTest, PlaintextOnANameThatOnlyStartsWith127IsRefused) {
  for (const char* listen : {"127.evil.example.com:50051", "127.0.0.1.nip.io:1"}) {
    TempDir dir;
    std::ofstream(dir.File("host.yaml"))
        << "listen: " << listen << "\ndata_dir: " << dir.File("data") << "\n";
    std::string err;
    EXPECT_EQ(RunHostBinary({"--config", dir.File("host.yaml")}, nullptr, &err), 1) << listen;
    EXPECT_THAT(err, HasSubstr(std::string(listen) + " is not loopback")) << listen;
    EXPECT_FALSE(std::filesystem::exists(dir.File("data"))) << "refused before the store opened";
  }
}

}  // namespace
}  // namespace needlework::testing
