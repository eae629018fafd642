// Files for needleworkctl tests, in a directory of their own under the test temp dir.
#ifndef NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_TEMP_FILES_H_
#define NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_TEMP_FILES_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace needlework::ctl {

// A fresh directory per test, removed with the fixture.
class TempFilesTest : public ::testing::Test {
 protected:
  TempFilesTest() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("needleworkctl-" + std::to_string(getpid()) + "-" + test->name());
    std::filesystem::create_directories(dir_);
  }
  ~TempFilesTest() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // Writes `content` to `name` in the test's directory; returns its path.
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::string PathOf(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_TEMP_FILES_H_
