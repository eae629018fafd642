#include <gmock/gmock.h>

#include "host/config/host_config.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(LoadLimitsConfigTest, DefaultsAreSane) {
  auto config = ParseHostConfig("", "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const LoadLimits& limits = config->load_limits;
  EXPECT_EQ(limits.refusals_per_peer, 60);
  EXPECT_EQ(limits.refusals_per_clinic, 120);
  EXPECT_EQ(limits.refusal_window, std::chrono::seconds(60));
  EXPECT_EQ(limits.max_concurrent_streams, 256);
  EXPECT_EQ(limits.memory_quota_bytes, int64_t{1} << 30);
  EXPECT_EQ(limits.max_threads, 0);
}

TEST(LoadLimitsConfigTest, EveryKeyIsRead) {
  auto config = ParseHostConfig(
      "load_limits: {refusals_per_peer: 5, refusals_per_clinic: 7, refusal_window_seconds: 30, "
      "max_concurrent_streams: 9, memory_quota_mb: 64, max_threads: 16}\n",
      "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const LoadLimits& limits = config->load_limits;
  EXPECT_EQ(limits.refusals_per_peer, 5);
  EXPECT_EQ(limits.refusals_per_clinic, 7);
  EXPECT_EQ(limits.refusal_window, std::chrono::seconds(30));
  EXPECT_EQ(limits.max_concurrent_streams, 9);
  EXPECT_EQ(limits.memory_quota_bytes, int64_t{64} << 20);
  EXPECT_EQ(limits.max_threads, 16);
}

TEST(LoadLimitsConfigTest, MistakesNameTheKeyAndItsRange) {
  struct Case {
    const char* yaml;
    const char* named;
  };
  for (const Case& c :
       {Case{"load_limits: 3\n", "load_limits"},
        Case{"load_limits: {refusals_per_peer: 0}\n", "load_limits.refusals_per_peer"},
        Case{"load_limits: {refusal_window_seconds: 3601}\n", "at most 3600"},
        Case{"load_limits: {memory_quota_mb: 8}\n", "at least 16"},
        Case{"load_limits: {max_threads: many}\n", "load_limits.max_threads"},
        Case{"load_limits: {streams: 4}\n", "streams"}}) {
    auto config = ParseHostConfig(c.yaml, "/");
    ASSERT_FALSE(config.ok()) << c.yaml;
    EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(config.status().message(), HasSubstr(c.named)) << c.yaml;
  }
}

}  // namespace
}  // namespace needlework::host
