#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "commands/screening.h"
#include "needlework/code_systems.h"
#include "render.h"
#include "render_helpers.h"
#include "session.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

types::v1::Evidence* AddEvidence(types::v1::Finding* finding, std::string_view system,
                                 const std::string& code, const std::string& source,
                                 const std::string& description) {
  types::v1::Evidence* evidence = finding->add_evidence();
  evidence->mutable_code()->set_system(std::string(system));
  evidence->mutable_code()->set_code(code);
  evidence->set_source_ref(source);
  evidence->set_description(description);
  return evidence;
}

v1::ScreenResponse Deferred() {
  v1::ScreenResponse response;
  response.set_outcome(types::v1::OUTCOME_DEFER);
  response.set_patient_ref("Patient/p1");
  types::v1::Finding* acne = response.add_findings();
  acne->set_indicator(types::v1::INDICATOR_CRITICAL);
  acne->set_outcome(types::v1::OUTCOME_DEFER);
  acne->set_summary("Active acne in the treatment area");
  acne->set_rule_id("active-acne");
  acne->set_source_plugin("dev.needlework.screening");
  acne->set_detail("Treat once the acne has resolved.");
  AddEvidence(acne, code_systems::kSnomed, "11381005", "Condition/c1", "active condition")
      ->mutable_code()
      ->set_display("Acne vulgaris");
  AddEvidence(acne, code_systems::kConcern, "acne-scars", "", "");
  types::v1::Finding* latex = response.add_findings();
  latex->set_indicator(types::v1::INDICATOR_WARNING);
  latex->set_outcome(types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  latex->set_summary("Latex allergy");
  latex->set_source_plugin("com.acme.allergy");
  AddEvidence(latex, code_systems::kSnomed, "300916003", "AllergyIntolerance/a1", "");
  return response;
}

void AddRuns(v1::ScreenResponse* response) {
  v1::PluginRun* ok = response->add_plugin_runs();
  ok->set_plugin_id("dev.needlework.screening");
  ok->set_plugin_version("0.1.0");
  ok->set_state(v1::PluginRun::STATE_OK);
  ok->set_duration_micros(1'234);
  v1::PluginRun* late = response->add_plugin_runs();
  late->set_plugin_id("com.acme.allergy");
  late->set_plugin_version("3.1.4");
  late->set_state(v1::PluginRun::STATE_TIMED_OUT);
  late->set_message("ran past 50 ms");
  late->set_duration_micros(50'000);
}

TEST(RenderScreenTest, OutcomeFindingsWithEvidenceThenRuns) {
  v1::ScreenResponse response = Deferred();
  AddRuns(&response);
  EXPECT_EQ(Rendered(response, RenderScreen),
            "Outcome: DEFER\n"
            "Patient: Patient/p1\n"
            "\n"
            "Findings (2):\n"
            "  1. [critical] Active acne in the treatment area\n"
            "     outcome   DEFER\n"
            "     plugin    dev.needlework.screening\n"
            "     rule      active-acne\n"
            "     evidence  SNOMED 11381005 (Acne vulgaris) from Condition/c1 - active condition\n"
            "               concern acne-scars\n"
            "     detail    Treat once the acne has resolved.\n"
            "\n"
            "  2. [warning] Latex allergy\n"
            "     outcome   ELIGIBLE_WITH_CAUTION\n"
            "     plugin    com.acme.allergy\n"
            "     rule      -\n"
            "     evidence  SNOMED 300916003 from AllergyIntolerance/a1\n"
            "\n"
            "Plugin runs (2):\n"
            "  PLUGIN                    VERSION  STATE      TIME     MESSAGE\n"
            "  dev.needlework.screening  0.1.0    ok         1.2 ms   -\n"
            "  com.acme.allergy          3.1.4    timed-out  50.0 ms  ran past 50 ms\n");
}

TEST(RenderScreenTest, SkippedResourceTypesUnderThePatient) {
  v1::ScreenResponse response = Deferred();
  for (const auto& [type, count] : {std::pair<const char*, int>("Encounter", 12),
                                    std::pair<const char*, int>("Practitioner", 1)}) {
    v1::IgnoredResources* ignored = response.add_ignored_resources();
    ignored->set_resource_type(type);
    ignored->set_count(count);
  }
  EXPECT_THAT(Rendered(response, RenderScreen),
              HasSubstr("Patient: Patient/p1\n"
                        "Skipped (not read by screening): Encounter 12, Practitioner 1\n\n"));
  EXPECT_THAT(Rendered(Deferred(), RenderScreen), Not(HasSubstr("Skipped")));
}

TEST(RenderScreenTest, NoFindingsNoRuns) {
  v1::ScreenResponse response;
  response.set_outcome(types::v1::OUTCOME_ELIGIBLE);
  EXPECT_EQ(Rendered(response, RenderScreen),
            "Outcome: ELIGIBLE\n"
            "\n"
            "Findings (0):\n"
            "  none\n"
            "\n"
            "Plugin runs (0):\n");
}

TEST(RenderScreenTest, OutcomeNewerThanThisBuildStillReads) {
  v1::ScreenResponse response;
  response.set_outcome(static_cast<types::v1::Outcome>(42));
  EXPECT_THAT(Rendered(response, RenderScreen), HasSubstr("Outcome: unknown (42)\n"));
}

v1::AddOnVerdict* AddVerdict(v1::ScreenResponse* response, const std::string& code,
                             const std::string& display, types::v1::Outcome outcome,
                             const std::string& summary) {
  v1::AddOnVerdict* verdict = response->add_add_ons();
  *verdict->mutable_therapy() = Procedure(code, display);
  verdict->set_outcome(outcome);
  verdict->set_summary(summary);
  verdict->set_plugin_id("com.acme." + code);
  return verdict;
}

// Eligible for microneedling; PRP is blocked by a blood thinner, RF is fine.
v1::ScreenResponse WithAddOns() {
  v1::ScreenResponse response;
  response.set_outcome(types::v1::OUTCOME_ELIGIBLE);
  types::v1::Finding* prp = response.add_findings();
  prp->set_indicator(types::v1::INDICATOR_CRITICAL);
  prp->set_outcome(types::v1::OUTCOME_CONTRAINDICATED);
  prp->set_summary("PRP contraindicated: apixaban");
  prp->set_source_plugin("com.acme.prp-serum");
  *prp->mutable_applies_to() = Procedure("prp-serum");
  AddVerdict(&response, "prp-serum", "PRP serum (platelet-rich plasma)",
             types::v1::OUTCOME_CONTRAINDICATED, "PRP contraindicated: apixaban");
  AddVerdict(&response, "rf-microneedling", "", types::v1::OUTCOME_ELIGIBLE, "");
  return response;
}

TEST(RenderScreenTest, AddOnVerdictsAfterTheFindings) {
  EXPECT_EQ(Rendered(WithAddOns(), RenderScreen),
            "Outcome: ELIGIBLE\n"
            "\n"
            "Findings (1):\n"
            "  1. [critical] PRP contraindicated: apixaban\n"
            "     outcome  CONTRAINDICATED\n"
            "     add-on   prp-serum\n"
            "     plugin   com.acme.prp-serum\n"
            "     rule     -\n"
            "\n"
            "Add-ons (2; the outcome above is the treatment without them):\n"
            "  PRP serum (platelet-rich plasma): CONTRAINDICATED — PRP contraindicated: apixaban\n"
            "  rf-microneedling: ELIGIBLE\n"
            "\n"
            "Plugin runs (0):\n");
}

TEST(RenderScreenTest, NoAddOnsAskedNoAddOnLines) {
  std::string text = Rendered(Deferred(), RenderScreen);
  EXPECT_THAT(text, Not(HasSubstr("Add-ons")));
  EXPECT_THAT(text, Not(HasSubstr("add-on")));
}

TEST(RenderScreenTest, AddOnTextFromTheHostCannotDriveTheTerminal) {
  v1::ScreenResponse response;
  AddVerdict(&response, "ha-serum", "HA\x1b[2Jserum", types::v1::OUTCOME_DEFER, "wait\nlonger");
  EXPECT_THAT(Rendered(response, RenderScreen), HasSubstr("  HA [2Jserum: DEFER — wait longer\n"));
}

TEST(RenderScreenTest, JsonHasAddOnVerdictsForScripts) {
  std::string json = ToJson(WithAddOns());
  EXPECT_THAT(json, HasSubstr("\"addOns\": ["));
  EXPECT_THAT(json, HasSubstr("\"outcome\": \"OUTCOME_CONTRAINDICATED\""));
  EXPECT_THAT(json, HasSubstr("\"appliesTo\": {"));
}

TEST(RenderScreenTest, JsonHasOutcomeForScripts) {
  EXPECT_THAT(ToJson(Deferred()), HasSubstr("\"outcome\": \"OUTCOME_DEFER\""));
}

}  // namespace
}  // namespace needlework::ctl
