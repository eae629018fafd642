// Sealed loading: the copy a plugin is hashed and loaded from refuses every change, holds the
// bytes the file had when it was opened whatever happens to the file afterwards, and is what
// the loaded library is mapped from.
#include "host/plugins/opened_plugin.h"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "host/plugins/ed25519.h"
#include "host/plugins/plugin_library.h"
#include "host/plugins/sink.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteText(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Everything the descriptor holds, read from offset 0.
std::string ReadFd(int fd) {
  std::string bytes(1 << 16, '\0');
  ssize_t got = ::pread(fd, bytes.data(), bytes.size(), 0);
  bytes.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return bytes;
}

StatusOr<OpenedPlugin> SealFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return InternalError("cannot open " + path);
  StatusOr<OpenedPlugin> sealed = OpenedPlugin::Seal(path, fd);
  ::close(fd);
  return sealed;
}

// errno when a call `failed`, else 0: what EXPECT_EQ(..., EPERM) compares.
int ErrnoIfFailed(bool failed) { return failed ? errno : 0; }

const std::string kBytes = std::string(5000, 'p') + "lugin bytes";

class OpenedPluginTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteText(file_, kBytes); }
  testing::TempDir dir_;
  std::string file_ = dir_.File("plugin.so");
};

TEST_F(OpenedPluginTest, TheCopyHoldsTheFilesBytesAndTheirHash) {
  auto sealed = SealFile(file_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  EXPECT_EQ(sealed->file(), file_);
  EXPECT_EQ(ReadFd(sealed->fd()), kBytes);
  EXPECT_EQ(sealed->sha256(), signing::Sha256Hex(kBytes));
  EXPECT_EQ(sealed->LoadPath(), "/proc/self/fd/" + std::to_string(sealed->fd()));
  EXPECT_THAT(std::filesystem::read_symlink(sealed->LoadPath()).string(),
              HasSubstr("memfd:needlework-plugin:plugin.so"));
}

TEST_F(OpenedPluginTest, TheSealsHoldAgainstWritingShrinkingGrowingAndUnsealing) {
  auto sealed = SealFile(file_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  int fd = sealed->fd();
  off_t size = static_cast<off_t>(kBytes.size());
  EXPECT_EQ(::fcntl(fd, F_GET_SEALS) & PluginSeals(), PluginSeals());
  EXPECT_EQ(ErrnoIfFailed(::pwrite(fd, "x", 1, 0) < 0), EPERM) << "write";
  EXPECT_EQ(ErrnoIfFailed(::write(fd, "x", 1) < 0), EPERM) << "append";
  EXPECT_EQ(ErrnoIfFailed(::ftruncate(fd, 0) != 0), EPERM) << "shrink";
  EXPECT_EQ(ErrnoIfFailed(::ftruncate(fd, size + 4096) != 0), EPERM) << "grow";
  EXPECT_EQ(ErrnoIfFailed(::fallocate(fd, 0, size, 4096) != 0), EPERM) << "fallocate";
  void* map = ::mmap(nullptr, kBytes.size(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  EXPECT_EQ(ErrnoIfFailed(map == MAP_FAILED), EPERM) << "writable shared mapping";
  EXPECT_EQ(ErrnoIfFailed(::fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) != 0), EPERM) << "F_SEAL_SEAL";
  // A new descriptor, opened for writing through /proc, is refused the same way.
  int writable = ::open(sealed->LoadPath().c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(writable, 0) << std::strerror(errno);
  EXPECT_EQ(ErrnoIfFailed(::pwrite(writable, "x", 1, 0) < 0), EPERM) << "write by another fd";
  ::close(writable);
  EXPECT_EQ(ReadFd(fd), kBytes);
}

TEST_F(OpenedPluginTest, RewritingTheFileAfterSealingChangesNothingInTheCopy) {
  auto sealed = SealFile(file_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  int in_place = ::open(file_.c_str(), O_WRONLY);  // same inode, no truncation
  ASSERT_GE(in_place, 0);
  ASSERT_EQ(::pwrite(in_place, "XXXX", 4, 100), 4);
  ::close(in_place);
  WriteText(file_, "short");  // O_TRUNC, then a shorter file
  EXPECT_EQ(ReadFd(sealed->fd()), kBytes);
  EXPECT_EQ(sealed->sha256(), signing::Sha256Hex(kBytes));
}

TEST_F(OpenedPluginTest, AnEmptyFileSealsToAnEmptyCopy) {
  WriteText(file_, "");
  auto sealed = SealFile(file_);
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  EXPECT_EQ(sealed->sha256(), signing::Sha256Hex(""));
}

TEST_F(OpenedPluginTest, MovingHandsTheMemfdOverAndDestroyingClosesIt) {
  auto sealed = SealFile(file_);
  ASSERT_TRUE(sealed.ok());
  int fd = sealed->fd();
  {
    OpenedPlugin moved(std::move(*sealed));
    EXPECT_EQ(sealed->fd(), -1);
    EXPECT_EQ(moved.fd(), fd);
  }
  EXPECT_EQ(ErrnoIfFailed(::fcntl(fd, F_GETFD) < 0), EBADF);
}

// A real plugin, loaded from its sealed copy: the library is mapped from the memfd, not from
// the file, so rewriting the file afterwards does not reach the running code.
TEST_F(OpenedPluginTest, ALoadedPluginRunsFromItsSealedCopy) {
  std::string built =
      std::string(NEEDLEWORK_BINARY_DIR) + "/test-plugins/behaviour/behaviour_beta.so";
  std::string copy = dir_.File("behaviour_beta.so");
  std::filesystem::copy_file(built, copy);
  auto sealed = SealFile(copy);
  ASSERT_TRUE(sealed.ok()) << sealed.status().ToString();
  std::string load_path = sealed->LoadPath();
  auto loaded = LoadPluginLibrary(*sealed);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->file, copy);
  EXPECT_EQ(sealed->fd(), -1) << "the memfd must stay open for the loader";
  EXPECT_THAT(std::filesystem::read_symlink(load_path).string(),
              HasSubstr("memfd:needlework-plugin:behaviour_beta.so"));
  EXPECT_THAT(ReadText("/proc/self/maps"), HasSubstr("/memfd:needlework-plugin:behaviour_beta.so"));
  EXPECT_THAT(ReadText("/proc/self/maps"), Not(HasSubstr(copy)));

  WriteText(copy, std::string(4096, '\xcc'));  // int3 everywhere, were the file mapped
  StringSink sink;
  EXPECT_EQ(loaded->api->describe(sink.get()), NW_OK);
  auto manifest = DecodeManifest(sink.text());
  ASSERT_TRUE(manifest.ok()) << manifest.status().ToString();
  EXPECT_EQ(manifest->id(), loaded->manifest.id());
}

TEST_F(OpenedPluginTest, ALoaderRefusalNamesTheFileNotTheDescriptor) {
  auto sealed = SealFile(file_);
  ASSERT_TRUE(sealed.ok());
  std::string load_path = sealed->LoadPath();
  auto loaded = LoadPluginLibrary(*sealed);
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(loaded.status().message(), HasSubstr("cannot load: " + file_));
  EXPECT_THAT(loaded.status().message(), Not(HasSubstr(load_path)));
}

}  // namespace
}  // namespace needlework::host
