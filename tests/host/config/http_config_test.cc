#include <gmock/gmock.h>

#include "host/config/host_config.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(HttpConfigTest, OffUnlessConfiguredWithSaneDefaults) {
  auto config = ParseHostConfig("", "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_FALSE(config->http.enabled());
  EXPECT_EQ(config->http.max_body_bytes, size_t{1} << 20);
  EXPECT_EQ(config->http.max_header_bytes, size_t{16} << 10);
  EXPECT_EQ(config->http.workers, 8);
}

TEST(HttpConfigTest, EveryKeyIsRead) {
  auto config = ParseHostConfig(
      "http: {listen: '[::1]:8080', max_body_bytes: 2048, max_header_bytes: 4096, "
      "read_timeout_seconds: 3, write_timeout_seconds: 4, idle_timeout_seconds: 2, workers: 3}\n",
      "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const HttpOptions& http = config->http;
  EXPECT_EQ(http.listen, "[::1]:8080");
  EXPECT_EQ(http.max_body_bytes, 2048u);
  EXPECT_EQ(http.max_header_bytes, 4096u);
  EXPECT_EQ(http.read_timeout, std::chrono::seconds(3));
  EXPECT_EQ(http.write_timeout, std::chrono::seconds(4));
  EXPECT_EQ(http.idle_timeout, std::chrono::seconds(2));
  EXPECT_EQ(http.workers, 3);
}

TEST(HttpConfigTest, MistakesNameTheKey) {
  struct Case {
    const char* yaml;
    const char* named;
  };
  for (const Case& c :
       {Case{"http: 8080", "config key 'http'"},
        Case{"http: {max_body_bytes: 2048}", "config key 'http.listen': missing"},
        Case{"http: {listen: 'unix:/tmp/s'}", "config key 'http.listen'"},
        Case{"http: {listen: '127.0.0.1'}", "config key 'http.listen'"},
        Case{"http: {listen: ':80', port: 1}", "config key 'http.port'"},
        Case{"http: {listen: 'a:1', max_body_bytes: 10}", "http.max_body_bytes"},
        Case{"http: {listen: 'a:1', workers: 0}", "http.workers"},
        Case{"http: {listen: 'a:1', read_timeout_seconds: 9999}", "http.read_timeout_seconds"}}) {
    auto config = ParseHostConfig(c.yaml, "/");
    ASSERT_FALSE(config.ok()) << c.yaml;
    EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument) << c.yaml;
    EXPECT_THAT(config.status().message(), HasSubstr(c.named)) << c.yaml;
  }
}

}  // namespace
}  // namespace needlework::host
