// needlework-plugin-sign, run as a vendor runs it: a key of its own, a real plugin file
// signed and verified, its hash as needleworkctl prints it; and the binary needs neither
// gRPC nor the host's API library, so the SDK package can ship it alone.
#include <gmock/gmock.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "support/child_process.h"

namespace needlework::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

struct ToolRun {
  int exit_status = -1;
  std::string out, err;
};

ToolRun Exec(std::vector<std::string> argv) {
  ToolRun run;
  run.exit_status = RunProcess(argv, std::chrono::seconds(60), &run.out, &run.err);
  return run;
}

ToolRun Sign(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {NEEDLEWORK_PLUGIN_SIGN};
  argv.insert(argv.end(), args.begin(), args.end());
  return Exec(argv);
}

class PluginSignTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(NEEDLEWORK_BINARY_DIR) / "plugin-sign-test" /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    plugin_ = (dir_ / "screening.so").string();
    fs::copy_file(std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_screening.so", plugin_);
  }

  fs::path dir_;
  std::string plugin_;
};

TEST_F(PluginSignTest, KeygenSignVerifyAndHashAsNeedleworkctlDoes) {
  const std::string keys = (dir_ / "keys").string();
  ToolRun keygen = Sign({"keygen", "--out", keys, "--name", "acme"});
  ASSERT_EQ(keygen.exit_status, 0) << keygen.err;
  EXPECT_THAT(keygen.out, StartsWith("Key ed25519:"));
  ToolRun sign = Sign({"sign", plugin_, "--key", keys + "/acme.key.pem"});
  ASSERT_EQ(sign.exit_status, 0) << sign.err;
  EXPECT_TRUE(fs::exists(plugin_ + ".sig"));
  ToolRun verify = Sign({"verify", plugin_, "--key=" + keys + "/acme.pub.pem"});
  EXPECT_EQ(verify.exit_status, 0) << verify.err;
  EXPECT_THAT(verify.out, HasSubstr("plugin:          org.needlework.screening"));

  // needleworkctl, whose commands these are, verifies the same signature and hash.
  ToolRun ctl_verify =
      Exec({NEEDLEWORK_CTL, "plugin", "verify", plugin_, "--key", keys + "/acme.pub.pem"});
  EXPECT_EQ(ctl_verify.exit_status, 0) << ctl_verify.err;
  EXPECT_EQ(Sign({"hash", plugin_}).out, Exec({NEEDLEWORK_CTL, "plugin", "hash", plugin_}).out);
}

TEST_F(PluginSignTest, AnotherKeyDoesNotVerify) {
  ASSERT_EQ(Sign({"keygen", "--out", (dir_ / "a").string()}).exit_status, 0);
  ASSERT_EQ(Sign({"keygen", "--out", (dir_ / "b").string()}).exit_status, 0);
  ASSERT_EQ(Sign({"sign", plugin_, "--key", (dir_ / "a/signing.key.pem").string()}).exit_status, 0);
  ToolRun verify = Sign({"verify", plugin_, "--key", (dir_ / "b/signing.pub.pem").string()});
  EXPECT_EQ(verify.exit_status, 1);
  EXPECT_THAT(verify.err, HasSubstr("NOT verified"));
}

TEST_F(PluginSignTest, UsageNamesWhatIsMissing) {
  ToolRun run = Sign({"sign", plugin_});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_THAT(run.err, HasSubstr("sign needs --key"));
  run = Sign({"keygen"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_THAT(run.err, HasSubstr("keygen needs --out DIR"));
  run = Sign({"--help"});
  EXPECT_EQ(run.exit_status, 0);
  EXPECT_THAT(run.out, HasSubstr("verify <plugin-file> --key PUBLIC.pem"));
}

}  // namespace
}  // namespace needlework::testing
