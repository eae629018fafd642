// Enabling, disabling and configuring a plugin for one clinic: seen by the next call without
// a restart, refused changes write nothing, and everything survives a restart.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

class ToggleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
  }
  Reply<v1::ScreenResponse> ScreenAcne() {
    return Api(*host_).Screen(host_->emr_token(), FactsWithConditions({"88616000"}));
  }
  std::string Admin() const { return host_->admin_token(); }

  std::unique_ptr<HostProcess> host_;
};

TEST_F(ToggleTest, DisableIsSeenByTheNextCallAndEnableBringsItBack) {
  ASSERT_TRUE(ScreenAcne().status.ok());
  Api api(*host_);
  ASSERT_TRUE(api.Disable(Admin(), "demo", kScreeningPlugin).status.ok());
  auto off = ScreenAcne();
  EXPECT_EQ(off.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(off.status.error_message(), HasSubstr("no screening plugin is enabled"));
  ASSERT_TRUE(api.Enable(Admin(), "demo", kScreeningPlugin).status.ok());
  EXPECT_EQ(ScreenAcne().response.outcome(), types::OUTCOME_DEFER);
}

TEST_F(ToggleTest, ConfigChangeIsSeenByTheNextCall) {
  Api api(*host_);
  auto reply = api.Configure(Admin(), "demo", kScreeningPlugin,
                             R"({"rules":{"active-acne":{"outcome":"refer"}}})");
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_THAT(reply.response.effective_config_json(), HasSubstr("\"refer\""));
  EXPECT_EQ(ScreenAcne().response.outcome(), types::OUTCOME_REFER);
}

// The shipped summary says "defer": once a clinic makes the rule a referral, the finding's
// texts say so; a summary the clinic writes itself is kept as written.
TEST_F(ToggleTest, FindingTextsFollowTheConfiguredOutcome) {
  auto acne_finding = [&]() -> types::Finding {
    auto reply = ScreenAcne();
    EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
    for (const auto& finding : reply.response.findings()) {
      if (finding.rule_id() == "active-acne") return finding;
    }
    ADD_FAILURE() << "no active-acne finding";
    return {};
  };
  ASSERT_THAT(acne_finding().summary(), HasSubstr("defer"));
  Api api(*host_);
  ASSERT_TRUE(api.Configure(Admin(), "demo", kScreeningPlugin,
                            R"({"rules":{"active-acne":{"outcome":"refer"}}})")
                  .status.ok());
  types::Finding referred = acne_finding();
  EXPECT_EQ(referred.outcome(), types::OUTCOME_REFER);
  EXPECT_EQ(referred.summary(), "Active acne: refer elsewhere instead of microneedling");
  EXPECT_THAT(referred.detail(),
              ::testing::StartsWith("Outcome at this clinic: refer (shipped: defer"));

  ASSERT_TRUE(api.Configure(Admin(), "demo", kScreeningPlugin,
                            R"({"rules":{"active-acne":{"outcome":"refer",)"
                            R"("summary":"Active acne: see Dr Lee's acne clinic first"}}})")
                  .status.ok());
  EXPECT_EQ(acne_finding().summary(), "Active acne: see Dr Lee's acne clinic first");
}

TEST_F(ToggleTest, RefusedConfigChangesNothing) {
  Api api(*host_);
  auto refused = api.Configure(Admin(), "demo", kScreeningPlugin,
                               R"({"rules":{"active-acne":{"outcome":"later"}}})");
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("active-acne"));
  auto not_json = api.Configure(Admin(), "demo", kScreeningPlugin, "{oops");
  EXPECT_EQ(not_json.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ScreenAcne().response.outcome(), types::OUTCOME_DEFER);
  auto listed = api.ListClinicPlugins(Admin(), "demo");
  ASSERT_TRUE(listed.status.ok());
  for (const auto& plugin : listed.response.plugins()) EXPECT_EQ(plugin.config_json(), "{}");
}

TEST_F(ToggleTest, UnknownClinicOrPluginIsNotFound) {
  Api api(*host_);
  auto clinic = api.Enable(Admin(), "nowhere", kScreeningPlugin);
  EXPECT_EQ(clinic.status.error_code(), grpc::StatusCode::NOT_FOUND);
  auto plugin = api.Enable(Admin(), "demo", "com.example.missing");
  EXPECT_EQ(plugin.status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(plugin.status.error_message(), HasSubstr(kScreeningPlugin));  // lists installed
  auto empty = api.Enable(Admin(), "", "");
  EXPECT_EQ(empty.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ToggleTest, TogglesAndConfigSurviveARestart) {
  Api api(*host_);
  ASSERT_TRUE(api.Configure(Admin(), "demo", kScreeningPlugin,
                            R"({"rules":{"active-acne":{"outcome":"refer"}}})")
                  .status.ok());
  ASSERT_TRUE(host_->Restart());
  EXPECT_EQ(ScreenAcne().response.outcome(), types::OUTCOME_REFER);
  ASSERT_TRUE(Api(*host_).Disable(Admin(), "demo", kScreeningPlugin).status.ok());
  ASSERT_TRUE(host_->Restart());
  EXPECT_EQ(ScreenAcne().status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ToggleTest, SecondHostOnTheSameDataDirIsRefused) {
  // needleworkctl is not involved: run the host binary directly against the same config.
  std::string err;
  EXPECT_EQ(RunHostBinary({"--config", host_->config_path()}, nullptr, &err), 1) << err;
}

}  // namespace
}  // namespace needlework::testing
