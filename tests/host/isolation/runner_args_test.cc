// The runner's command line: what the host writes, the runner reads back exactly, and a
// mistake names the flag.
#include "host/isolation/runner_args.h"

#include <gmock/gmock.h>

namespace needlework::host::isolation {
namespace {

using ::testing::HasSubstr;

RunnerArgs Example() {
  RunnerArgs args;
  args.plugin_file = "/opt/acme/plugins/rf=1.so";
  args.sha256 = std::string(64, 'a');
  args.plugin_id = "com.acme.rf";
  args.plugin_version = "1.2.0";
  args.clinic_id = "harbour";
  args.connections = 6;
  args.host_pid = 4242;
  args.max_frame_bytes = 8 << 20;
  args.limits = {512 * RunnerLimits::kMiB, 300, "/sys/fs/cgroup/needlework/runner-7"};
  args.trust_mode = TrustMode::kEnforce;
  args.signers = {{"acme", "/etc/keys/acme.pub.pem"}, {"second=signer", "/etc/keys/b.pem"}};
  return args;
}

TEST(RunnerArgsTest, WhatTheHostWritesTheRunnerReads) {
  RunnerArgs written = Example();
  auto read = ParseRunnerArgs(RunnerArgv(written));
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->plugin_file, written.plugin_file);
  EXPECT_EQ(read->sha256, written.sha256);
  EXPECT_EQ(read->plugin_id, written.plugin_id);
  EXPECT_EQ(read->plugin_version, written.plugin_version);
  EXPECT_EQ(read->clinic_id, written.clinic_id);
  EXPECT_EQ(read->connections, 6);
  EXPECT_EQ(read->host_pid, 4242);
  EXPECT_EQ(read->max_frame_bytes, written.max_frame_bytes);
  EXPECT_EQ(read->limits.memory_bytes, 512 * RunnerLimits::kMiB);
  EXPECT_EQ(read->limits.open_files, 300u);
  EXPECT_EQ(read->limits.cgroup_dir, "/sys/fs/cgroup/needlework/runner-7");
  EXPECT_EQ(read->trust_mode, TrustMode::kEnforce);
  ASSERT_EQ(read->signers.size(), 2u);
  EXPECT_EQ(read->signers[1].id, "second=signer");
  EXPECT_EQ(read->signers[1].public_key_file, "/etc/keys/b.pem");
  EXPECT_EQ(read->log_fd(), kFirstConnectionFd + 6);
}

TEST(RunnerArgsTest, MistakesNameTheFlag) {
  auto without = [](const std::string& flag) {
    std::vector<std::string> argv;
    for (const auto& arg : RunnerArgv(Example())) {
      if (arg.rfind("--" + flag + "=", 0) != 0) argv.push_back(arg);
    }
    return argv;
  };
  auto with = [](const std::string& extra) {
    auto argv = RunnerArgv(Example());
    argv.push_back(extra);
    return argv;
  };
  struct Case {
    std::vector<std::string> argv;
    const char* message;
  } cases[] = {
      {without("sha256"), "--sha256: required"},
      {without("clinic"), "--clinic: required"},
      {without("memory-bytes"), "--memory-bytes: required"},
      {with("--connections=0"), "--connections: given twice"},
      {with("--colour=red"), "--colour: unknown flag"},
      {with("plain"), "expected --name=value"},
      {with("--signer-id=extra"), "each --signer-id needs one --signer-key"},
  };
  for (const auto& c : cases) {
    auto read = ParseRunnerArgs(c.argv);
    ASSERT_FALSE(read.ok()) << c.message;
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(read.status().message(), HasSubstr(c.message));
  }
  auto argv = RunnerArgv(Example());
  for (auto& arg : argv) {
    if (arg.rfind("--connections=", 0) == 0) arg = "--connections=65";
    if (arg.rfind("--trust-mode=", 0) == 0) arg = "--trust-mode=enforce";
  }
  EXPECT_THAT(ParseRunnerArgs(argv).status().message(), HasSubstr("from 1 to 64"));
}

}  // namespace
}  // namespace needlework::host::isolation
