// needleworkctl, the real binary, against the real host: the README walk-through.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

class CtlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { host_ = HostProcess::Start().release(); }
  static void TearDownTestSuite() { delete host_; }
  void SetUp() override { ASSERT_NE(host_, nullptr); }

  int Ctl(const std::string& token, std::vector<std::string> args) {
    std::vector<std::string> argv = {"--address", host_->address(), "--token", token};
    argv.insert(argv.end(), args.begin(), args.end());
    out_.clear();
    err_.clear();
    return RunCtlBinary(argv, &out_, &err_);
  }

  static HostProcess* host_;
  std::string out_, err_;
};

HostProcess* CtlTest::host_ = nullptr;

TEST_F(CtlTest, ListsPluginsAndClinics) {
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugins"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr(kScreeningPlugin));
  ASSERT_EQ(Ctl(host_->admin_token(), {"clinics"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("demo"));
}

TEST_F(CtlTest, ScreensTheExamplePatients) {
  std::string examples = std::string(NEEDLEWORK_SOURCE_DIR) + "/examples/patients/";
  ASSERT_EQ(Ctl(host_->emr_token(), {"screen", "--fhir", examples + "warfarin.json"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("REVIEW_REQUIRED"));
  ASSERT_EQ(Ctl(host_->emr_token(), {"--json", "screen", "--fhir", examples + "active-acne.json"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("\"OUTCOME_DEFER\""));
}

TEST_F(CtlTest, CreatesAClinicAndTogglesItsPlugin) {
  ASSERT_EQ(Ctl(host_->admin_token(), {"clinic", "create", "ctl-clinic", "--name", "Ctl Clinic"}),
            0)
      << err_;
  EXPECT_THAT(out_, HasSubstr("nw_emr_"));
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugin", "enable", "ctl-clinic", kScreeningPlugin}), 0)
      << err_;
  ASSERT_EQ(Ctl(host_->admin_token(), {"--json", "clinic", "plugins", "ctl-clinic"}), 0) << err_;
  EXPECT_THAT(out_, HasSubstr("\"enabled\": true"));
  ASSERT_EQ(Ctl(host_->admin_token(), {"plugin", "disable", "ctl-clinic", kScreeningPlugin}), 0)
      << err_;
}

TEST_F(CtlTest, ServerErrorsAreShownWithTheirStatus) {
  EXPECT_EQ(Ctl(host_->admin_token(), {"plugin", "configure", "demo", kScreeningPlugin, "--config",
                                       R"({"rules":{"active-acne":{"outcome":"later"}}})"}),
            1);
  EXPECT_THAT(err_, HasSubstr("INVALID_ARGUMENT"));
  EXPECT_EQ(Ctl(host_->emr_token(), {"plugins"}), 1);
  EXPECT_THAT(err_, HasSubstr("PERMISSION_DENIED"));
}

}  // namespace
}  // namespace needlework::testing
