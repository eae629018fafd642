// plugin_isolation in the host config: defaults, every key, and mistakes that name the key.
#include <gmock/gmock.h>

#include "host/config/host_config.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(IsolationConfigTest, BuiltInsRunInProcessAndEveryOtherPluginInARunner) {
  auto config = ParseHostConfig("", "/etc/nw");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const IsolationConfig& isolation = config->plugin_isolation;
  for (const char* built_in :
       {"org.needlework.screening", "org.needlework.scheduling", "org.needlework.aftercare",
        "org.needlework.radiofrequency", "org.needlework.prp", "org.needlework.serums"}) {
    EXPECT_EQ(isolation.ModeFor(built_in), IsolationMode::kInProcess) << built_in;
  }
  EXPECT_EQ(isolation.ModeFor("com.acme.rf"), IsolationMode::kProcess);
  EXPECT_EQ(isolation.connections, 4);
  EXPECT_EQ(isolation.max_crashes, 5);
  EXPECT_EQ(isolation.crash_window, std::chrono::seconds(60));
  EXPECT_EQ(isolation.backoff_initial, std::chrono::milliseconds(100));
  EXPECT_EQ(isolation.backoff_max, std::chrono::milliseconds(5000));
  EXPECT_TRUE(isolation.runner.empty());
}

TEST(IsolationConfigTest, EveryKeyIsRead) {
  auto config = ParseHostConfig(R"(plugin_isolation:
  default: in_process
  plugins: {org.needlework.screening: process, com.acme.rf: process}
  runner: bin/needlework-plugin-runner
  connections: 8
  restart_backoff_ms: {initial: 20, max: 400}
  max_crashes: 3
  crash_window_s: 10
)",
                                "/etc/nw");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const IsolationConfig& isolation = config->plugin_isolation;
  EXPECT_EQ(isolation.ModeFor("org.needlework.screening"), IsolationMode::kProcess);
  EXPECT_EQ(isolation.ModeFor("com.acme.rf"), IsolationMode::kProcess);
  EXPECT_EQ(isolation.ModeFor("com.other.plugin"), IsolationMode::kInProcess);
  EXPECT_EQ(isolation.ModeFor("org.needlework.prp"), IsolationMode::kInProcess);
  EXPECT_EQ(isolation.runner, "/etc/nw/bin/needlework-plugin-runner");
  EXPECT_EQ(isolation.connections, 8);
  EXPECT_EQ(isolation.backoff_initial, std::chrono::milliseconds(20));
  EXPECT_EQ(isolation.backoff_max, std::chrono::milliseconds(400));
  EXPECT_EQ(isolation.max_crashes, 3);
  EXPECT_EQ(isolation.crash_window, std::chrono::seconds(10));
}

TEST(IsolationConfigTest, MistakesNameTheKey) {
  struct Case {
    const char* yaml;
    const char* message;
  } cases[] = {
      {"plugin_isolation: process\n", "'plugin_isolation': expected a map"},
      {"plugin_isolation: {mode: process}\n", "'plugin_isolation.mode': unknown key"},
      {"plugin_isolation: {default: sandbox}\n",
       "'plugin_isolation.default': expected process or in_process"},
      {"plugin_isolation: {plugins: [a]}\n", "'plugin_isolation.plugins': expected a map"},
      {"plugin_isolation: {plugins: {com.acme.rf: yes}}\n",
       "'plugin_isolation.plugins.com.acme.rf': expected process or in_process"},
      {"plugin_isolation: {plugins: {[a]: process}}\n",
       "'plugin_isolation.plugins': keys must be plain names"},
      {"plugin_isolation: {runner: [a]}\n", "'plugin_isolation.runner': expected a string"},
      {"plugin_isolation: {connections: 0}\n",
       "'plugin_isolation.connections': expected a positive"},
      {"plugin_isolation: {connections: 65}\n",
       "'plugin_isolation.connections': expected at most 64"},
      {"plugin_isolation: {restart_backoff_ms: 5}\n",
       "'plugin_isolation.restart_backoff_ms': expected {initial: ms, max: ms}"},
      {"plugin_isolation: {restart_backoff_ms: {first: 5}}\n",
       "'plugin_isolation.restart_backoff_ms.first': unknown key"},
      {"plugin_isolation: {restart_backoff_ms: {initial: 500, max: 100}}\n",
       "initial (500) is more than max (100)"},
      {"plugin_isolation: {max_crashes: -1}\n",
       "'plugin_isolation.max_crashes': expected a positive"},
      {"plugin_isolation: {crash_window_s: 86401}\n",
       "'plugin_isolation.crash_window_s': expected at most 86400"},
  };
  for (const auto& c : cases) {
    auto config = ParseHostConfig(c.yaml, "/");
    ASSERT_FALSE(config.ok()) << c.yaml;
    EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument) << c.yaml;
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.yaml;
  }
}

}  // namespace
}  // namespace needlework::host
