// A screening plugin that errors, throws, answers garbage or overruns its deadline never
// reads as "no contraindications": the outcome is at least REVIEW_REQUIRED, naming it.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

constexpr char kAlpha[] = "org.needlework.test.alpha";

class FailClosedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HostOptions options;
    options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/behaviour", NEEDLEWORK_PLUGIN_DIR};
    options.hook_deadlines_ms = {{"screen", 300}};
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
  }

  // Sets alpha's behaviour for the demo clinic and screens a clean patient.
  Reply<v1::ScreenResponse> ScreenWithAlpha(const std::string& config) {
    Api api(*host_);
    auto configured = api.Configure(host_->admin_token(), "demo", kAlpha, config);
    EXPECT_TRUE(configured.status.ok()) << configured.status.error_message();
    return api.Screen(host_->emr_token(), FactsWithConditions({}));
  }

  static const v1::PluginRun* RunOf(const v1::ScreenResponse& response, const std::string& id) {
    for (const auto& run : response.plugin_runs()) {
      if (run.plugin_id() == id) return &run;
    }
    return nullptr;
  }

  void ExpectReviewNamingAlpha(const Reply<v1::ScreenResponse>& reply, v1::PluginRun::State state) {
    ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
    EXPECT_EQ(reply.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
    auto findings = FindingsFrom(reply.response, kAlpha);
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].rule_id(), "screening-incomplete");
    EXPECT_THAT(findings[0].summary(), HasSubstr(kAlpha));
    const auto* run = RunOf(reply.response, kAlpha);
    ASSERT_NE(run, nullptr);
    EXPECT_EQ(run->state(), state);
    // The built-in screening plugin still answered.
    const auto* screening = RunOf(reply.response, kScreeningPlugin);
    ASSERT_NE(screening, nullptr);
    EXPECT_EQ(screening->state(), v1::PluginRun::STATE_OK);
  }

  std::unique_ptr<HostProcess> host_;
};

TEST_F(FailClosedTest, HealthyPluginsMergeAndHostSetsTheSource) {
  auto reply = ScreenWithAlpha(R"({"mode":"ok","outcome":"eligible_with_caution"})");
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_ELIGIBLE_WITH_CAUTION);
  EXPECT_EQ(FindingsFrom(reply.response, "someone.else").size(), 0u);
  EXPECT_EQ(FindingsFrom(reply.response, kAlpha).size(), 1u);
}

TEST_F(FailClosedTest, PluginErrorMeansReviewRequired) {
  auto reply = ScreenWithAlpha(R"({"mode":"error"})");
  ExpectReviewNamingAlpha(reply, v1::PluginRun::STATE_ERROR);
  EXPECT_THAT(RunOf(reply.response, kAlpha)->message(), HasSubstr("told to fail"));
}

TEST_F(FailClosedTest, ThrowingPluginIsCaughtAndTheHostLivesOn) {
  auto reply = ScreenWithAlpha(R"({"mode":"throw"})");
  ExpectReviewNamingAlpha(reply, v1::PluginRun::STATE_ERROR);
  EXPECT_THAT(RunOf(reply.response, kAlpha)->message(), HasSubstr("plugin threw: the test plugin"));
  auto again = Api(*host_).Screen(host_->emr_token(), FactsWithConditions({}));
  EXPECT_TRUE(again.status.ok()) << again.status.error_message();
}

TEST_F(FailClosedTest, AnswerWithoutOutcomeIsNotAPass) {
  ExpectReviewNamingAlpha(ScreenWithAlpha(R"({"mode":"no_outcome"})"), v1::PluginRun::STATE_ERROR);
}

TEST_F(FailClosedTest, PluginPastItsDeadlineIsTimedOutThenQuarantined) {
  // alpha sorts before the screening plugin, so a stuck alpha also leaves it NOT_RUN.
  auto reply = ScreenWithAlpha(R"({"mode":"ok","sleep_ms":3000})");
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  ASSERT_NE(RunOf(reply.response, kAlpha), nullptr);
  EXPECT_EQ(RunOf(reply.response, kAlpha)->state(), v1::PluginRun::STATE_TIMED_OUT);
  EXPECT_EQ(RunOf(reply.response, kScreeningPlugin)->state(), v1::PluginRun::STATE_NOT_RUN);
  EXPECT_EQ(FindingsFrom(reply.response, kScreeningPlugin).size(), 1u);  // its stand-in finding

  // While the first call is still stuck in the same instance, it is not called again.
  auto next = Api(*host_).Screen(host_->emr_token(), FactsWithConditions({}));
  ASSERT_TRUE(next.status.ok()) << next.status.error_message();
  EXPECT_EQ(next.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(RunOf(next.response, kAlpha)->state(), v1::PluginRun::STATE_QUARANTINED);
  EXPECT_EQ(RunOf(next.response, kScreeningPlugin)->state(), v1::PluginRun::STATE_OK);
}

TEST_F(FailClosedTest, HostStopsCleanlyOnSigterm) {
  EXPECT_EQ(host_->Stop(), 0);
  EXPECT_THAT(host_->Log(), HasSubstr("\"event\":\"stopped\""));
}

}  // namespace
}  // namespace needlework::testing
