// needlework/testing/harness.h, used as a vendor's test uses it: the built-in plugins' real
// .so files, requests from files, and the matchers on the answers (and on failed calls).
#include <gmock/gmock.h>

#include "needlework/testing/harness.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace tv1 = types::v1;

HarnessOptions Options(const std::string& plugin) {
  return {.plugin_path = std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_" + plugin + ".so",
          .requests_dir = NEEDLEWORK_HARNESS_REQUESTS};
}

TEST(GTestHelperTest, ScreenAnswersMatchFindingsAndOutcome) {
  PluginHarness plugin(Options("screening"));
  ASSERT_EQ(plugin.problem(), "");
  auto answer = Screen(plugin, "screen.json");
  EXPECT_THAT(answer, HasFinding("blood-thinners", tv1::OUTCOME_REVIEW_REQUIRED));
  EXPECT_THAT(answer, HasFinding("blood-thinners"));
  EXPECT_THAT(answer, HasOutcome(tv1::OUTCOME_REVIEW_REQUIRED));
  // The matchers can fail: another outcome, a rule that did not fire.
  EXPECT_THAT(answer, Not(HasFinding("blood-thinners", tv1::OUTCOME_CONTRAINDICATED)));
  EXPECT_THAT(answer, Not(HasFinding("active-acne")));
  EXPECT_THAT(answer, Not(HasOutcome(tv1::OUTCOME_ELIGIBLE)));
  EXPECT_EQ(::testing::DescribeMatcher<decltype(answer)>(
                HasFinding("blood-thinners", tv1::OUTCOME_CONTRAINDICATED)),
            "has a finding \"blood-thinners\" with outcome OUTCOME_CONTRAINDICATED");
}

TEST(GTestHelperTest, EveryHookHasItsCall) {
  PluginHarness scheduling(Options("scheduling"));
  EXPECT_THAT(CheckBooking(scheduling, "check_booking.json"), HasViolation("too-soon"));
  auto plan = Plan(scheduling, "plan.json");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->plan().session_count(), 3);
  PluginHarness aftercare(Options("aftercare"));
  EXPECT_THAT(Aftercare(aftercare, "aftercare.json"), HasInstruction("avoid-sun"));
  EXPECT_THAT(Triage(aftercare, "triage.json"), HasTriageLevel(tv1::TRIAGE_LEVEL_URGENT));
  PluginHarness prp(Options("prp"));
  auto catalog = Catalog(prp, "catalog.json");
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_EQ(catalog->therapies(0).code().code(), "prp-serum");
}

TEST(GTestHelperTest, FailedCallsSayWhy) {
  PluginHarness prp(Options("prp"));
  auto plan = Plan(prp, "plan.json");
  EXPECT_EQ(plan.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("does not list the hook HOOK_PLAN"));
  // A matcher on a failed call fails, and says so (the aftercare plugin does not screen).
  PluginHarness aftercare(Options("aftercare"));
  ::testing::StringMatchResultListener listener;
  EXPECT_FALSE(
      ::testing::ExplainMatchResult(HasFinding("x"), Screen(aftercare, "screen.json"), &listener));
  EXPECT_THAT(listener.str(), HasSubstr("the call failed: FAILED_PRECONDITION"));

  PluginHarness screening(Options("screening"));
  EXPECT_EQ(Screen(screening, "no-such.json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(Screen(screening, "triage.json").status().message(),
              HasSubstr("is not a needlework.plugin.v1.ScreenRequest"));
}

TEST(GTestHelperTest, AConfigPatchIsAppliedOrItsRefusalNamed) {
  HarnessOptions options = Options("screening");
  options.config_patch = R"({"colour": "red"})";
  PluginHarness refused(options);
  EXPECT_THAT(refused.problem(), HasSubstr(R"(config: unknown key "colour")"));
  EXPECT_EQ(Screen(refused, "screen.json").status().code(), StatusCode::kFailedPrecondition);

  options.config_patch = R"({"rules": {"blood-thinners": {"enabled": false}}})";
  PluginHarness patched(options);
  ASSERT_EQ(patched.problem(), "");
  EXPECT_THAT(Screen(patched, "screen.json"), Not(HasFinding("blood-thinners")));
}

}  // namespace
}  // namespace needlework::testing
