// A fresh directory under $TMPDIR (or /tmp), removed with everything in it on destruction.
#ifndef NEEDLEWORK_TESTS_SUPPORT_TEMP_DIR_H_
#define NEEDLEWORK_TESTS_SUPPORT_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <string>

namespace needlework::testing {

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base ? base : "/tmp") + "/needlework-test-XXXXXX";
    path_ = ::mkdtemp(pattern.data()) ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_TEMP_DIR_H_
