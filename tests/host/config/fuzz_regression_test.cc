// Inputs the fuzz targets (fuzz/) crashed on, kept as tests once fixed. Each input is also
// in the target's corpus (fuzz/corpus/<target>/crash-*), so the fuzzer starts from it too.
#include <gmock/gmock.h>

#include <string>

#include "host/config/host_config.h"
#include "host/plugins/plugin_library.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

// host_config_fuzzer: a map key that is a list made yaml-cpp throw out of ParseHostConfig
// (as<std::string>() on a sequence), which aborted the host on such a config.
TEST(FuzzRegressionTest, ConfigKeysThatAreListsAreRefusedNotThrown) {
  auto top = ParseHostConfig("{[a]: b}", "/");
  EXPECT_EQ(top.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(top.status().message(), HasSubstr("config keys must be plain names"));
  auto deadlines = ParseHostConfig("hook_deadlines_ms: {[a]: 5}", "/");
  EXPECT_EQ(deadlines.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(deadlines.status().message(), HasSubstr("'hook_deadlines_ms': keys must be plain"));
  EXPECT_EQ(ParseHostConfig("{{a: 1}: b}", "/").status().code(), StatusCode::kInvalidArgument);
}

// manifest_fuzzer: a 40 kB manifest id overflowed the stack in std::regex_match (it recurses
// once per character). Here 1 MB, so the test overflows without ASan's bigger frames too.
TEST(FuzzRegressionTest, AHugeManifestIdIsRefusedBeforeTheRegex) {
  plugin::v1::Manifest manifest;
  manifest.set_id(std::string(1 << 20, 'a'));
  manifest.set_version("1.0.0");
  auto decoded = DecodeManifest(manifest.SerializeAsString());
  EXPECT_EQ(decoded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(decoded.status().message(), HasSubstr("id is 1048576 characters long; at most 253"));
}

TEST(FuzzRegressionTest, DecodeManifestRefusesBytesThatAreNoManifest) {
  EXPECT_EQ(DecodeManifest("\xff\xff\xff").status().code(), StatusCode::kFailedPrecondition);
  plugin::v1::Manifest manifest;
  manifest.set_id("com.acme.rf");
  manifest.set_version("1.0.0");
  EXPECT_TRUE(DecodeManifest(manifest.SerializeAsString()).ok());
}

}  // namespace
}  // namespace needlework::host
