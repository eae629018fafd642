// A screening plugin that errors, answers garbage or overruns its deadline never reads as
// "no contraindications": the outcome is at least REVIEW_REQUIRED, naming it. (A plugin that
// throws, hangs or spins in each hook, create_instance and catalog: fault_test.cc.)
#include <gmock/gmock.h>

#include <thread>
#include <vector>

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
    // The in-process rows (quarantine): the test plugins would run in runner processes by
    // default (process mode: process_mode_test.cc).
    options.extra_config = "plugin_isolation: {default: in_process}\n";
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

  void ExpectReviewNamingAlpha(const Reply<v1::ScreenResponse>& reply, v1::PluginRun::State state) {
    ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
    ExpectScreeningIncomplete(reply.response, kAlpha);
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

TEST_F(FailClosedTest, AnswerWithoutOutcomeIsNotAPass) {
  ExpectReviewNamingAlpha(ScreenWithAlpha(R"({"mode":"no_outcome"})"), v1::PluginRun::STATE_ERROR);
}

TEST_F(FailClosedTest, PluginPastItsDeadlineIsTimedOutAndQuarantinedMeanwhile) {
  // Plugins run in id order: org.needlework.screening, then test.alpha, then test.beta.
  Api api(*host_);
  ASSERT_TRUE(
      api.Configure(host_->admin_token(), "demo", kAlpha, R"({"sleep_ms":4000})").status.ok());
  Reply<v1::ScreenResponse> stuck;
  std::thread first(
      [&] { stuck = Api(*host_).Screen(host_->emr_token(), FactsWithConditions({})); });
  // Well past the 300 ms deadline, well before alpha wakes up.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  auto meanwhile = api.Screen(host_->emr_token(), FactsWithConditions({}));
  first.join();

  ASSERT_TRUE(meanwhile.status.ok()) << meanwhile.status.error_message();
  EXPECT_EQ(meanwhile.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(RunOf(meanwhile.response, kAlpha)->state(), v1::PluginRun::STATE_QUARANTINED);
  EXPECT_EQ(RunOf(meanwhile.response, "org.needlework.test.beta")->state(),
            v1::PluginRun::STATE_OK);

  ASSERT_TRUE(stuck.status.ok()) << stuck.status.error_message();
  EXPECT_EQ(stuck.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(RunOf(stuck.response, kScreeningPlugin)->state(), v1::PluginRun::STATE_OK);
  EXPECT_EQ(RunOf(stuck.response, kAlpha)->state(), v1::PluginRun::STATE_TIMED_OUT);
  EXPECT_EQ(RunOf(stuck.response, "org.needlework.test.beta")->state(),
            v1::PluginRun::STATE_NOT_RUN);
  EXPECT_EQ(FindingsFrom(stuck.response, "org.needlework.test.beta").size(), 1u);  // stand-in

  // Once the stuck call has returned, alpha is called again.
  api.Configure(host_->admin_token(), "demo", kAlpha, R"({"sleep_ms":0})");
  auto after = api.Screen(host_->emr_token(), FactsWithConditions({}));
  EXPECT_EQ(RunOf(after.response, kAlpha)->state(), v1::PluginRun::STATE_OK);
}

TEST_F(FailClosedTest, HangingPluginHoldsNoServingThreadAndOtherClinicsGoOn) {
  Api api(*host_);
  auto harbour = api.CreateClinic(host_->admin_token(), "harbour");
  ASSERT_TRUE(harbour.status.ok()) << harbour.status.error_message();
  ASSERT_TRUE(api.Enable(host_->admin_token(), "harbour", kScreeningPlugin).status.ok());
  ASSERT_TRUE(
      api.Configure(host_->admin_token(), "demo", kAlpha, R"({"sleep_ms":8000})").status.ok());

  // More stuck calls at once than the host has serving threads.
  constexpr int kStuck = 6;
  std::vector<Reply<v1::ScreenResponse>> stuck(kStuck);
  std::vector<std::chrono::steady_clock::duration> took(kStuck);
  std::vector<std::thread> callers;
  for (int i = 0; i < kStuck; ++i) {
    callers.emplace_back([&, i] {
      auto start = std::chrono::steady_clock::now();
      stuck[i] = Api(*host_).Screen(host_->emr_token(), FactsWithConditions({}));
      took[i] = std::chrono::steady_clock::now() - start;
    });
  }
  // Meanwhile another clinic's screens all answer.
  for (int i = 0; i < 10; ++i) {
    auto other = api.Screen(harbour.response.emr_token(), FactsWithConditions({}));
    ASSERT_TRUE(other.status.ok()) << other.status.error_message();
    EXPECT_EQ(RunOf(other.response, kScreeningPlugin)->state(), v1::PluginRun::STATE_OK);
  }
  for (auto& caller : callers) caller.join();
  for (int i = 0; i < kStuck; ++i) {
    // Each answered at alpha's 300 ms deadline (or at once, quarantined), not after 8 s.
    EXPECT_LT(took[i], std::chrono::seconds(5));
    ASSERT_TRUE(stuck[i].status.ok()) << stuck[i].status.error_message();
    const auto* alpha = RunOf(stuck[i].response, kAlpha);
    ASSERT_NE(alpha, nullptr);
    EXPECT_THAT(alpha->state(),
                ::testing::AnyOf(v1::PluginRun::STATE_TIMED_OUT, v1::PluginRun::STATE_QUARANTINED));
    ExpectReviewNamingAlpha(stuck[i], alpha->state());
  }
}

TEST_F(FailClosedTest, HostStopsCleanlyOnSigterm) {
  EXPECT_EQ(host_->Stop(), 0);
  EXPECT_THAT(host_->Log(), HasSubstr("\"event\":\"stopped\""));
}

}  // namespace
}  // namespace needlework::testing
