// MergeScreening: the most restrictive outcome wins, every finding keeps its source, and a
// plugin without a usable answer never reads as "no contraindications".
#include "host/screening/merge.h"

#include <gmock/gmock.h>

#include "host/plugin_results.h"
#include "needlework/plugin/v1/screen.pb.h"

namespace needlework::host {
namespace {

using fixtures::Answered;
using fixtures::AnsweredBytes;
using fixtures::BehaviourInstance;
using fixtures::Failed;
using needlework::v1::PluginRun;
using needlework::v1::ScreenResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace types = needlework::types::v1;

needlework::plugin::v1::ScreenResponse Answer(types::Outcome outcome, const std::string& rule) {
  needlework::plugin::v1::ScreenResponse answer;
  answer.set_outcome(outcome);
  auto* finding = answer.add_findings();
  finding->set_rule_id(rule);
  finding->set_outcome(outcome);
  finding->set_summary("rule " + rule);
  finding->set_source_plugin("someone.else");
  return answer;
}

ScreenResponse Merge(const std::vector<PluginCallResult>& results,
                     std::vector<UnavailablePlugin> unavailable = {}, Codings add_ons = {}) {
  ClinicPlugins::InstanceList enabled;
  for (const auto& result : results) enabled.push_back(result.instance);
  ClinicPlugins plugins(enabled, std::move(unavailable));
  ScreenResponse response;
  MergeScreening(results, plugins, add_ons, &response);
  return response;
}

std::vector<std::string> Rules(const ScreenResponse& response) {
  std::vector<std::string> rules;
  for (const auto& finding : response.findings()) rules.push_back(finding.rule_id());
  return rules;
}

TEST(MergeScreeningTest, TheMostRestrictiveOutcomeWinsAndEveryFindingKeepsItsSource) {
  auto alpha = BehaviourInstance("alpha");
  auto beta = BehaviourInstance("beta");
  auto response = Merge({Answered(alpha, Answer(types::OUTCOME_ELIGIBLE_WITH_CAUTION, "a")),
                         Answered(beta, Answer(types::OUTCOME_DEFER, "b"))});
  EXPECT_EQ(response.outcome(), types::OUTCOME_DEFER);
  EXPECT_THAT(Rules(response), ElementsAre("a", "b"));
  EXPECT_EQ(response.findings(0).source_plugin(), "org.needlework.test.alpha");
  EXPECT_EQ(response.findings(1).source_plugin(), "org.needlework.test.beta");
  ASSERT_EQ(response.plugin_runs_size(), 2);
  EXPECT_EQ(response.plugin_runs(1).plugin_id(), "org.needlework.test.beta");
  EXPECT_EQ(response.plugin_runs(1).state(), PluginRun::STATE_OK);
}

TEST(MergeScreeningTest, AllEligibleIsEligible) {
  auto response =
      Merge({Answered(BehaviourInstance("alpha"), Answer(types::OUTCOME_ELIGIBLE, "a")),
             Answered(BehaviourInstance("beta"), Answer(types::OUTCOME_ELIGIBLE, "b"))});
  EXPECT_EQ(response.outcome(), types::OUTCOME_ELIGIBLE);
}

TEST(MergeScreeningTest, AFailedPluginMakesAnEligibleAnswerReviewRequired) {
  auto response =
      Merge({Answered(BehaviourInstance("alpha"), Answer(types::OUTCOME_ELIGIBLE, "a")),
             Failed(BehaviourInstance("beta"), PluginRun::STATE_ERROR, "beta: told to fail")});
  EXPECT_EQ(response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_THAT(Rules(response), ElementsAre("a", "screening-incomplete"));
  EXPECT_EQ(response.findings(1).source_plugin(), "org.needlework.test.beta");
  EXPECT_THAT(response.findings(1).detail(), HasSubstr("beta: told to fail"));
  EXPECT_EQ(response.plugin_runs(1).state(), PluginRun::STATE_ERROR);
}

TEST(MergeScreeningTest, AFailureNeverLowersAMoreRestrictiveOutcome) {
  auto response =
      Merge({Answered(BehaviourInstance("alpha"), Answer(types::OUTCOME_CONTRAINDICATED, "a")),
             Failed(BehaviourInstance("beta"), PluginRun::STATE_TIMED_OUT, "deadline passed")});
  EXPECT_EQ(response.outcome(), types::OUTCOME_CONTRAINDICATED);
  EXPECT_THAT(response.findings(1).summary(), HasSubstr("timed out"));
}

TEST(MergeScreeningTest, MalformedOrOutcomelessAnswersFailClosed) {
  needlework::plugin::v1::ScreenResponse no_outcome;
  auto response = Merge({AnsweredBytes(BehaviourInstance("alpha"), "\xff\xff not a message"),
                         Answered(BehaviourInstance("beta"), no_outcome)});
  EXPECT_EQ(response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_THAT(Rules(response), ElementsAre("screening-incomplete", "screening-incomplete"));
  EXPECT_EQ(response.plugin_runs(0).state(), PluginRun::STATE_ERROR);
  EXPECT_THAT(response.plugin_runs(0).message(), HasSubstr("malformed ScreenResponse"));
  EXPECT_THAT(response.plugin_runs(1).message(), HasSubstr("without an outcome"));
}

TEST(MergeScreeningTest, NoAnswersAtAllIsReviewRequiredNeverEligible) {
  EXPECT_EQ(Merge({}).outcome(), types::OUTCOME_REVIEW_REQUIRED);
}

TEST(MergeScreeningTest, AnUnavailablePluginAddsAFindingNamingIt) {
  auto response =
      Merge({Answered(BehaviourInstance("alpha"), Answer(types::OUTCOME_ELIGIBLE, "a"))},
            {{"com.acme.gone", "not installed"}});
  EXPECT_EQ(response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  ASSERT_EQ(response.findings_size(), 2);
  EXPECT_EQ(response.findings(1).source_plugin(), "com.acme.gone");
  EXPECT_THAT(response.findings(1).detail(), HasSubstr("not installed"));
}

Codings RfAddOn() {
  Codings add_ons;
  add_ons.Add()->set_system(fixtures::kProcedureSystem);
  add_ons.Mutable(0)->set_code("rf");
  return add_ons;
}

// A base plugin says CONTRAINDICATED overall and cautions about the planned add-on: the
// add-on finding does not explain the overall answer, so the base treatment is blocked.
TEST(MergeScreeningTest, ABasePluginsOutcomeCountsEvenWhenItAlsoSpeaksOfAnAddOn) {
  auto answer = Answer(types::OUTCOME_CONTRAINDICATED, "base");
  answer.mutable_findings(0)->set_outcome(types::OUTCOME_ELIGIBLE);
  auto* about_rf = answer.add_findings();
  about_rf->set_rule_id("rf-caution");
  about_rf->set_outcome(types::OUTCOME_ELIGIBLE_WITH_CAUTION);
  about_rf->mutable_applies_to()->set_system(fixtures::kProcedureSystem);
  about_rf->mutable_applies_to()->set_code("rf");
  auto response = Merge({Answered(BehaviourInstance("alpha"), answer)}, {}, RfAddOn());
  EXPECT_EQ(response.outcome(), types::OUTCOME_CONTRAINDICATED);
  ASSERT_EQ(response.add_ons_size(), 1);
  EXPECT_EQ(response.add_ons(0).outcome(), types::OUTCOME_ELIGIBLE_WITH_CAUTION);
}

// The same plugin's CONTRAINDICATED answer explained by its finding about the add-on blocks
// the add-on only, not the base treatment.
TEST(MergeScreeningTest, AnOutcomeExplainedByAnAddOnFindingBlocksOnlyThatAddOn) {
  auto answer = Answer(types::OUTCOME_CONTRAINDICATED, "base");
  answer.mutable_findings(0)->set_outcome(types::OUTCOME_ELIGIBLE_WITH_CAUTION);
  auto* about_rf = answer.add_findings();
  about_rf->set_rule_id("rf-blocked");
  about_rf->set_outcome(types::OUTCOME_CONTRAINDICATED);
  about_rf->mutable_applies_to()->set_system(fixtures::kProcedureSystem);
  about_rf->mutable_applies_to()->set_code("rf");
  auto response = Merge({Answered(BehaviourInstance("alpha"), answer)}, {}, RfAddOn());
  EXPECT_EQ(response.outcome(), types::OUTCOME_ELIGIBLE_WITH_CAUTION);
  ASSERT_EQ(response.add_ons_size(), 1);
  EXPECT_EQ(response.add_ons(0).outcome(), types::OUTCOME_CONTRAINDICATED);
}

TEST(MergeScreeningTest, AnAddOnPluginFailingBlocksOnlyItsAddOn) {
  auto base = BehaviourInstance("alpha");
  auto add_on_plugin = BehaviourInstance("beta", R"({"add_on":"rf"})");
  ASSERT_TRUE(add_on_plugin->only_add_ons());
  Codings add_ons;
  add_ons.Add()->set_system(fixtures::kProcedureSystem);
  add_ons.Mutable(0)->set_code("rf");
  auto response = Merge({Answered(base, Answer(types::OUTCOME_ELIGIBLE, "a")),
                         Failed(add_on_plugin, PluginRun::STATE_ERROR, "beta: told to fail")},
                        {}, add_ons);
  EXPECT_EQ(response.outcome(), types::OUTCOME_ELIGIBLE);  // the treatment without add-ons
  ASSERT_EQ(response.add_ons_size(), 1);
  EXPECT_EQ(response.add_ons(0).outcome(), types::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(response.findings(1).applies_to().code(), "rf");
}

}  // namespace
}  // namespace needlework::host
