// The runner-limit keys of `plugin_isolation`, through ParseHostConfig: defaults, values,
// and a precise INVALID_ARGUMENT for each mistake.
#include "host/config/runner_limits_config.h"

#include <gmock/gmock.h>

#include "host/config/host_config.h"
#include "support/status_matchers.h"

namespace needlework::host {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;

constexpr uint64_t kMiB = RunnerLimits::kMiB;

TEST(RunnerLimitsConfigTest, DefaultsWithoutTheKeys) {
  StatusOr<HostConfig> config = ParseHostConfig("", "/");
  ASSERT_THAT(config, IsOk());
  EXPECT_EQ(config->runner_limits.memory_bytes, 1024 * kMiB);
  EXPECT_EQ(config->runner_limits.open_files, 256u);
  EXPECT_TRUE(config->runner_limits.memory_cgroup);
}

TEST(RunnerLimitsConfigTest, ReadsEveryKey) {
  StatusOr<HostConfig> config = ParseHostConfig(
      "plugin_isolation: {memory_limit_mb: 512, open_files: 1024, memory_cgroup: off}\n", "/");
  ASSERT_THAT(config, IsOk());
  EXPECT_EQ(config->runner_limits.memory_bytes, 512 * kMiB);
  EXPECT_EQ(config->runner_limits.open_files, 1024u);
  EXPECT_FALSE(config->runner_limits.memory_cgroup);
  RunnerLimits limits = config->runner_limits.ForRunner("/sys/fs/cgroup/x/runner-1");
  EXPECT_EQ(limits.memory_bytes, 512 * kMiB);
  EXPECT_EQ(limits.open_files, 1024u);
  EXPECT_EQ(limits.cgroup_dir, "/sys/fs/cgroup/x/runner-1");
  EXPECT_THAT(CheckRunnerLimits(limits), IsOk());
}

TEST(RunnerLimitsConfigTest, MistakesNameTheKeyAndTheRange) {
  struct Case {
    const char* yaml;
    const char* message;
  } cases[] = {
      {"plugin_isolation: {memory_limit_mb: 64}\n",
       "'plugin_isolation.memory_limit_mb': expected a whole number of MiB from 256 to 1048576, "
       "got '64'"},
      {"plugin_isolation: {memory_limit_mb: -1}\n", "got '-1'"},
      {"plugin_isolation: {memory_limit_mb: 1.5}\n", "got '1.5'"},
      {"plugin_isolation: {memory_limit_mb: 2000000}\n", "from 256 to 1048576"},
      {"plugin_isolation: {memory_limit_mb: [1]}\n", "got 'a list or map'"},
      {"plugin_isolation: {open_files: 16}\n",
       "'plugin_isolation.open_files': expected a whole number from 128 to 1048576, got '16'"},
      {"plugin_isolation: {memory_cgroup: yes}\n",
       "'plugin_isolation.memory_cgroup': expected auto (a cgroup v2 memory limit per runner"},
      {"plugin_isolation: {memory_limits_mb: 512}\n",
       "'plugin_isolation.memory_limits_mb': unknown key; known keys are connections, "
       "crash_window_s, default, max_crashes, memory_cgroup, memory_limit_mb, open_files, "
       "plugins, restart_backoff_ms, runner"},
      {"plugin_isolation: 512\n", "'plugin_isolation': expected a map"},
  };
  for (const auto& c : cases) {
    EXPECT_THAT(ParseHostConfig(c.yaml, "/"),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr(c.message)))
        << c.yaml;
  }
}

TEST(RunnerLimitsConfigTest, OnlyItsOwnKeysAreRead) {
  // The parser of the whole plugin_isolation block passes it the block as it is.
  YAML::Node block = YAML::Load("{default_mode: process, memory_limit_mb: 300}");
  RunnerLimitsConfig limits;
  EXPECT_THAT(ReadRunnerLimits(block, limits), IsOk());
  EXPECT_EQ(limits.memory_bytes, 300 * kMiB);
  EXPECT_TRUE(RunnerLimitKeys().contains("memory_cgroup"));
  EXPECT_FALSE(RunnerLimitKeys().contains("default_mode"));
}

}  // namespace
}  // namespace needlework::host
