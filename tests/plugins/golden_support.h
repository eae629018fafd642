// Golden files of what a built-in plugin answers under a config: they pin that the default
// config and clinics' patches compile to the same rules whenever a plugin's code changes.
#ifndef NEEDLEWORK_TESTS_PLUGINS_GOLDEN_SUPPORT_H_
#define NEEDLEWORK_TESTS_PLUGINS_GOLDEN_SUPPORT_H_

#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace needlework::testing {

// `message` in protobuf text format.
inline std::string GoldenText(const google::protobuf::Message& message) {
  std::string text;
  google::protobuf::TextFormat::PrintToString(message, &text);
  return text;
}

// Expects `actual` to equal the file tests/fixtures/plugins/golden/<name>. With the
// environment variable NEEDLEWORK_UPDATE_GOLDEN=1 it writes `actual` to that file instead
// (to record what a plugin answers before a change).
inline void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path =
      std::string(NEEDLEWORK_SOURCE_DIR) + "/tests/fixtures/plugins/golden/" + name;
  const char* update = std::getenv("NEEDLEWORK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path) << actual;
    return;
  }
  std::ifstream file(path);
  ASSERT_TRUE(file) << "no golden file " << path;
  std::stringstream expected;
  expected << file.rdbuf();
  EXPECT_TRUE(expected.str() == actual) << name << " differs from what the plugin answers now";
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_GOLDEN_SUPPORT_H_
