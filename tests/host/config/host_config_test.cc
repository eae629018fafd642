#include "host/config/host_config.h"

#include <gmock/gmock.h>

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(HostConfigTest, EmptyConfigGivesDefaults) {
  auto config = ParseHostConfig("", "/etc/needlework");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->listen, "127.0.0.1:50051");
  EXPECT_EQ(config->DeadlineFor("screen"), std::chrono::milliseconds(500));
}

TEST(HostConfigTest, RelativePathsResolveAgainstTheConfigDirectory) {
  auto config = ParseHostConfig("data_dir: data\nplugin_dirs: [../plugins, /abs]\n", "/etc/nw");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->data_dir, "/etc/nw/data");
  EXPECT_THAT(config->plugin_dirs, ::testing::ElementsAre("/etc/plugins", "/abs"));
}

TEST(HostConfigTest, PerHookDeadlinesOverrideTheDefault) {
  auto config = ParseHostConfig("hook_deadlines_ms: {default: 100, screen: 250}\n", "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->DeadlineFor("screen"), std::chrono::milliseconds(250));
  EXPECT_EQ(config->DeadlineFor("plan"), std::chrono::milliseconds(100));
}

TEST(HostConfigTest, AuditRetentionIsOffUnlessSet) {
  EXPECT_EQ(ParseHostConfig("", "/")->audit_retention_days, 0);
  auto config = ParseHostConfig("audit: {retention_days: 2555}\n", "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->audit_retention_days, 2555);
}

TEST(HostConfigTest, MistakesNameTheKey) {
  struct Case {
    const char* yaml;
    const char* message;
  } cases[] = {
      {"listne: x\n", "config key 'listne': unknown key"},
      {"hook_deadlines_ms: {screen: -5}\n", "'hook_deadlines_ms.screen': expected a positive"},
      {"plugin_dirs: plugins\n", "'plugin_dirs': expected a list"},
      {"log_level: loud\n", "'log_level': expected debug, info, warning or error"},
      {"listen: [1, 2]\n", "'listen': expected a string"},
      {"- just a list\n", "config must be a YAML map"},
      {"listen: [1, 2\n", "not valid YAML"},
      {"audit: {retention_days: 0}\n", "'audit.retention_days': expected a positive"},
      {"audit: {retention_days: 36501}\n", "'audit.retention_days': expected at most 36500"},
      {"audit: {retention: 30}\n", "'audit.retention': unknown key"},
      {"audit: 30\n", "'audit': expected a map"},
  };
  for (const auto& c : cases) {
    auto config = ParseHostConfig(c.yaml, "/");
    EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument) << c.yaml;
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.yaml;
  }
}

TEST(HostConfigTest, MissingFileIsNotFound) {
  EXPECT_EQ(LoadHostConfig("/nonexistent/needlework.yaml").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace needlework::host
