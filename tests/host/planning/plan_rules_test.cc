// MergePlanAnswers: the plugins' proposals become one series plan, and a plugin that could
// not answer makes the proposal UNAVAILABLE rather than understating the series.
#include "host/planning/plan_rules.h"

#include <gmock/gmock.h>

#include "host/plugin_results.h"
#include "needlework/plugin/v1/plan.pb.h"
#include "support/status_matchers.h"

namespace needlework::host {
namespace {

using fixtures::Answered;
using fixtures::AnsweredBytes;
using fixtures::BehaviourInstance;
using fixtures::Failed;
using needlework::testing::IsOk;
using needlework::testing::StatusIs;
using needlework::v1::PluginRun;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StrEq;
namespace types = needlework::types::v1;

using Runs = google::protobuf::RepeatedPtrField<PluginRun>;

types::SeriesPlan Series(int sessions, int min_days, int max_days, int minutes) {
  types::SeriesPlan plan;
  plan.set_session_count(sessions);
  plan.set_min_days_between(min_days);
  plan.set_max_days_between(max_days);
  plan.set_session_minutes(minutes);
  auto* practitioner = plan.add_requirements();
  practitioner->set_type(types::RESOURCE_TYPE_PRACTITIONER);
  return plan;
}

needlework::plugin::v1::PlanResponse Answer(types::SeriesPlan plan, const std::string& why) {
  plan.add_rationale(why);
  needlework::plugin::v1::PlanResponse answer;
  *answer.mutable_plan() = std::move(plan);
  return answer;
}

TEST(MergePlanAnswersTest, ProposalsMergeToTheLongestSeriesAndEveryRequirementOnce) {
  auto pen = Series(4, 21, 42, 60);
  auto* device = pen.add_requirements();
  device->set_type(types::RESOURCE_TYPE_DEVICE);
  device->set_device_kind("microneedling-pen");
  Runs runs;
  auto merged =
      MergePlanAnswers({Answered(BehaviourInstance("alpha"), Answer(Series(3, 28, 56, 45), "a")),
                        Answered(BehaviourInstance("beta"), Answer(pen, "b"))},
                       &runs);
  ASSERT_THAT(merged, IsOk());
  EXPECT_EQ(merged->session_count(), 4);
  EXPECT_EQ(merged->min_days_between(), 28);
  EXPECT_EQ(merged->max_days_between(), 42);
  EXPECT_EQ(merged->session_minutes(), 60);
  EXPECT_EQ(merged->requirements_size(), 2);
  EXPECT_THAT(merged->rationale(), ElementsAre("a", "b"));
  ASSERT_EQ(runs.size(), 2);
  EXPECT_EQ(runs[0].plugin_id(), "org.needlework.test.alpha");
  EXPECT_EQ(runs[1].state(), PluginRun::STATE_OK);
}

TEST(MergePlanAnswersTest, AFailedPluginMakesTheProposalUnavailableNamingIt) {
  Runs runs;
  auto merged = MergePlanAnswers(
      {Answered(BehaviourInstance("alpha"), Answer(Series(3, 28, 56, 45), "a")),
       Failed(BehaviourInstance("beta"), PluginRun::STATE_TIMED_OUT, "deadline passed")},
      &runs);
  EXPECT_THAT(merged, StatusIs(StatusCode::kUnavailable,
                               HasSubstr("org.needlework.test.beta: deadline passed")));
  ASSERT_EQ(runs.size(), 2);
  EXPECT_EQ(runs[1].state(), PluginRun::STATE_ERROR);
}

TEST(MergePlanAnswersTest, MalformedAndInvalidAnswersFailClosed) {
  Runs runs;
  auto merged =
      MergePlanAnswers({AnsweredBytes(BehaviourInstance("alpha"), "\xff\xff"),
                        Answered(BehaviourInstance("beta"), Answer(Series(0, 28, 56, 45), "b"))},
                       &runs);
  EXPECT_THAT(merged, StatusIs(StatusCode::kUnavailable, HasSubstr("malformed PlanResponse")));
  EXPECT_THAT(merged.status().message(), HasSubstr("plan.session_count must be 1 to 50"));
  EXPECT_EQ(runs[0].state(), PluginRun::STATE_ERROR);
  EXPECT_EQ(runs[1].state(), PluginRun::STATE_ERROR);
}

TEST(MergePlanAnswersTest, APluginsInvalidArgumentIsTheCallersMistake) {
  Runs runs;
  auto merged = MergePlanAnswers(
      {Failed(BehaviourInstance("alpha"), PluginRun::STATE_ERROR,
              "org.needlework.test.alpha: unknown concern 'x'", StatusCode::kInvalidArgument)},
      &runs);
  EXPECT_THAT(merged, StatusIs(StatusCode::kInvalidArgument, StrEq("unknown concern 'x'")));
}

TEST(MergePlanAnswersTest, NoAnswerIsUnavailable) {
  Runs runs;
  EXPECT_THAT(MergePlanAnswers({}, &runs),
              StatusIs(StatusCode::kUnavailable, StrEq("no plan could be proposed")));
}

TEST(MergePlanAnswersTest, SpacingWindowsThatDoNotOverlapAreRefused) {
  Runs runs;
  auto merged =
      MergePlanAnswers({Answered(BehaviourInstance("alpha"), Answer(Series(3, 7, 14, 45), "a")),
                        Answered(BehaviourInstance("beta"), Answer(Series(3, 28, 56, 45), "b"))},
                       &runs);
  EXPECT_THAT(merged, StatusIs(StatusCode::kFailedPrecondition, HasSubstr("do not overlap")));
}

TEST(MergePlanAnswersTest, AnAddOnPluginOnlyWidensTheSpacingWithinTheSeries) {
  auto add_on_plugin = BehaviourInstance("beta", R"({"add_on":"rf"})");
  ASSERT_TRUE(add_on_plugin->only_add_ons());
  types::SeriesPlan constraint;
  constraint.set_min_days_between(35);
  constraint.set_session_count(9);  // ignored: an add-on plugin constrains spacing only
  Runs runs;
  auto merged =
      MergePlanAnswers({Answered(BehaviourInstance("alpha"), Answer(Series(3, 28, 56, 45), "a")),
                        Answered(add_on_plugin, Answer(constraint, "rf"))},
                       &runs);
  ASSERT_THAT(merged, IsOk());
  EXPECT_EQ(merged->min_days_between(), 35);
  EXPECT_EQ(merged->session_count(), 3);
  EXPECT_THAT(merged->rationale(), ElementsAre("a", "rf"));

  constraint.set_min_days_between(60);
  merged =
      MergePlanAnswers({Answered(BehaviourInstance("alpha"), Answer(Series(3, 28, 56, 45), "a")),
                        Answered(add_on_plugin, Answer(constraint, "rf"))},
                       &runs);
  EXPECT_THAT(merged, StatusIs(StatusCode::kFailedPrecondition,
                               HasSubstr("org.needlework.test.beta needs at least 60 days")));
}

}  // namespace
}  // namespace needlework::host
