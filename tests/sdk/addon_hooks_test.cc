// The add-on kit's fact matching and hook helpers (needlework/kit/fact_match.h, addon_hooks.h,
// addon_plugin.h): which facts count, how findings read, how triage decides, and that an
// AddOnPlugin speaks only for its own add-ons.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "needlework/kit/addon_kit.h"
#include "plugins/addon_support/addon_test_support.h"

namespace needlework::addon {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

FactCriteria Criteria(const char* json) {
  ConfigErrors errors("test");
  FactCriteria criteria = ReadFactCriteria(Json::parse(json), "rule", errors);
  EXPECT_TRUE(errors.empty()) << errors.ToStatus().message();
  return criteria;
}

std::vector<std::string> Names(const std::vector<FactMatch>& matches) {
  std::vector<std::string> names;
  for (const auto& match : matches) names.push_back(match.name);
  return names;
}

TEST(FactMatchTest, ConditionsCountWhileActiveOrUnstatedAndTheHistoryOnlyWhenAskedFor) {
  PatientFacts facts;
  AddCondition(facts, kSnomed, "1", types::v1::CONDITION_STATUS_ACTIVE, "one");
  AddCondition(facts, kSnomed, "1", types::v1::CONDITION_STATUS_RELAPSE);
  AddCondition(facts, kSnomed, "1", types::v1::CONDITION_STATUS_RESOLVED);
  AddCondition(facts, kSnomed, "1", types::v1::CONDITION_STATUS_UNSPECIFIED);
  facts.mutable_conditions(1)->set_text("one, again");
  const char* set = R"("conditions": {"http://snomed.info/sct|1": "configured"})";
  auto active = MatchFacts(Criteria((std::string("{") + set + "}").c_str()), facts);
  EXPECT_THAT(Names(active), ElementsAre("one", "one, again", "configured"));
  EXPECT_EQ(active[1].evidence.description(), "active condition (relapse)");
  EXPECT_EQ(active[2].evidence.description(),
            "condition with no clinical status, counted as active");
  EXPECT_EQ(active[1].evidence.code().display(), "configured") << "filled from the config";
  auto history = MatchFacts(
      Criteria((std::string("{") + set + R"(, "include_condition_history": true})").c_str()),
      facts);
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(history[2].evidence.description(), "history: resolved condition");
  EXPECT_EQ(history[2].name, "configured");
}

TEST(FactMatchTest, MedicationsMatchByIngredientFirstAndOnlyWhileTaken) {
  PatientFacts facts;
  AddMedication(facts, "855332", "11289", "warfarin");
  AddMedication(facts, "11289", "", "");  // ingredient-level code as prescribed
  AddMedication(facts, "855332", "11289", "warfarin", types::v1::MEDICATION_STATUS_STOPPED);
  AddMedication(facts, "855332", "11289", "warfarin", types::v1::MEDICATION_STATUS_INTENDED);
  auto matches = MatchFacts(
      Criteria(R"({"medications": {"http://www.nlm.nih.gov/research/umls/rxnorm|11289": "w"}})"),
      facts);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].evidence.description(), "active medication, ingredient warfarin");
  EXPECT_EQ(matches[1].evidence.description(), "active medication");
  EXPECT_EQ(matches[1].name, "w");
  EXPECT_EQ(matches[2].evidence.description(), "intended medication, ingredient warfarin");
}

TEST(FactMatchTest, OnlyActiveAllergiesCount) {
  PatientFacts facts;
  AddAllergy(facts, kSnomed, "102263004", types::v1::ALLERGY_STATUS_INACTIVE);
  AddAllergy(facts, kSnomed, "102263004");
  facts.mutable_allergies(1)->set_text("egg");
  auto matches =
      MatchFacts(Criteria(R"({"allergies": {"http://snomed.info/sct|102263004": "Eggs"}})"), facts);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].name, "egg") << "the record's text before the config's display";
  EXPECT_EQ(matches[0].evidence.description(), "active allergy");
}

TEST(FactMatchTest, TheLatestObservationOfEachCodeIsComparedWithTheThreshold) {
  PatientFacts facts;
  AddObservation(facts, "http://loinc.org", "777-3", 90, "10*3/uL", "2026-01-01");
  AddObservation(facts, "http://loinc.org", "777-3", 140.5, "10*3/uL", "2026-02-01");
  AddObservation(facts, "http://loinc.org", "26515-7", 400, "", "2026-02-01");
  auto below = MatchFacts(Criteria(R"({"observations": {"http://loinc.org|777-3": "Platelets",
      "http://loinc.org|26515-7": "PLT"}, "below": 150})"),
                          facts);
  EXPECT_THAT(Names(below), ElementsAre("Platelets 140.5 10*3/uL"));
  EXPECT_EQ(below[0].evidence.description(), "latest observation, value 140.5 10*3/uL (below 150)");
  auto above = MatchFacts(Criteria(R"({"observations": {"http://loinc.org|26515-7": "PLT"},
      "above": 399})"),
                          facts);
  EXPECT_THAT(Names(above), ElementsAre("PLT 400"));
}

TEST(FactMatchTest, CriteriaNeedACodeAndThresholdsNeedObservations) {
  ConfigErrors errors("test");
  ReadFactCriteria(Json::parse(R"({"below": 3})"), "rules.x", errors);
  EXPECT_THAT(
      errors.ToStatus().message(),
      ::testing::AllOf(::testing::HasSubstr("rules.x: needs at least one code"),
                       ::testing::HasSubstr("\"below\" and \"above\" go with observations")));
}

// A finding spec with `summary`, for AddFinding.
FindingSpec Spec(std::string summary, types::v1::Outcome outcome) {
  return {"rule",
          "Rule",
          outcome,
          types::v1::INDICATOR_WARNING,
          std::move(summary),
          "{therapy} and {evidence}."};
}

types::v1::Therapy Therapy(std::string_view code, std::string_view name) {
  types::v1::Therapy therapy;
  *therapy.mutable_code() = Procedure(code);
  therapy.set_display_name(std::string(name));
  therapy.set_kind(types::v1::THERAPY_KIND_ADD_ON);
  return therapy;
}

TEST(AddFindingTest, FillsTheTextsNamesTheAddOnAndRaisesTheOutcome) {
  PatientFacts facts;
  AddMedication(facts, "1", "1364430", "apixaban");
  AddMedication(facts, "2", "1364430", "apixaban");
  AddMedication(facts, "3", "1191", "aspirin");
  auto matches = MatchFacts(Criteria(R"({"medications": {
      "http://www.nlm.nih.gov/research/umls/rxnorm|1364430": "a",
      "http://www.nlm.nih.gov/research/umls/rxnorm|1191": "b"}})"),
                            facts);
  ScreenResponse response;
  response.set_outcome(types::v1::OUTCOME_DEFER);
  AddFinding(Spec("{therapy} contraindicated: {evidence}", types::v1::OUTCOME_CONTRAINDICATED),
             Therapy("prp-serum", "PRP"), matches, &response);
  AddFinding(Spec("{therapy}: caution", types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION),
             Therapy("prp-serum", "PRP"), matches, &response);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_EQ(response.findings_size(), 2);
  const auto& finding = response.findings(0);
  EXPECT_EQ(finding.summary(), "PRP contraindicated: apixaban, aspirin");
  EXPECT_EQ(finding.detail(), "PRP and apixaban, aspirin.");
  EXPECT_EQ(finding.code().system(), code_systems::kScreeningRule);
  EXPECT_EQ(finding.code().code(), "rule");
  EXPECT_EQ(finding.applies_to().code(), "prp-serum");
  EXPECT_EQ(finding.evidence_size(), 3);
}

TEST(AddFindingTest, ALongSummaryIsCutTo139Characters) {
  std::vector<FactMatch> matches(1);
  matches[0].name = std::string(200, 'x');
  ScreenResponse response;
  AddFinding(Spec("{evidence}", types::v1::OUTCOME_DEFER), Therapy("rf", "RF"), matches, &response);
  EXPECT_EQ(CodePointCount(response.findings(0).summary()), kMaxSummaryLength);
}

TEST(TriageTest, TheMostUrgentMatchingRuleAnswersAndOtherSystemsHaveNoOpinion) {
  ConfigErrors errors("test");
  std::vector<TriageRule> rules = ReadTriageRules(Json::parse(R"({"triage": {
      "a-watch": {"symptom": "pain", "level": "monitor", "advice": "watch"},
      "b-severe": {"symptom": "pain", "min_severity": "moderate", "within_hours": 48,
                   "level": "urgent", "advice": "now"},
      "c-watch-too": {"symptom": "pain", "level": "monitor", "advice": "later"}}})"),
                                                  "triage", errors);
  ASSERT_TRUE(errors.empty()) << errors.ToStatus().message();
  auto decide = [&](types::v1::SymptomSeverity severity, double days) {
    TriageResponse response;
    DecideTriage(rules, MakeTriageRequest("pain", days, severity, {}), &response);
    return response.rule_id();
  };
  EXPECT_EQ(decide(types::v1::SYMPTOM_SEVERITY_MILD, 1), "a-watch") << "the first on a tie";
  EXPECT_EQ(decide(types::v1::SYMPTOM_SEVERITY_SEVERE, 1), "b-severe");
  EXPECT_EQ(decide(types::v1::SYMPTOM_SEVERITY_SEVERE, 3), "a-watch");
  TriageRequest other = MakeTriageRequest("pain", 1, types::v1::SYMPTOM_SEVERITY_MILD, {});
  other.mutable_symptom()->set_system("http://snomed.info/sct");
  TriageResponse response;
  DecideTriage(rules, other, &response);
  EXPECT_EQ(response.level(), types::v1::TRIAGE_LEVEL_UNSPECIFIED);
}

constexpr char kTwoOfferConfig[] = R"({
  "therapy": {"code": "glow", "display_name": "Glow", "minutes": 5},
  "rules": {"egg": {"display": "Egg", "outcome": "contraindicated", "summary": "{therapy}: {evidence}",
                    "detail": "d", "allergies": {"http://snomed.info/sct|102263004": "Eggs"}}},
  "aftercare": {"instructions": {"glow-rest": {"text": "Rest.", "until_hours": 2}}},
  "triage": {"itch": {"symptom": "itching", "level": "monitor", "advice": "watch"}}})";

TEST(AddOnPluginTest, SpeaksOnlyForItsOwnAddOns) {
  auto rules = CompileAddOnConfig(kTwoOfferConfig, "glow config");
  ASSERT_THAT(rules, IsOk());
  AddOnPlugin plugin(std::move(rules).value());
  PatientFacts facts;
  AddAllergy(facts, kSnomed, "102263004");
  for (bool planned : {false, true}) {
    std::vector<Coding> add_ons = {Procedure("other")};
    if (planned) add_ons.push_back(Procedure("glow"));
    auto screen = Answer(plugin, &Plugin::Screen, MakeScreenRequest(facts, add_ons));
    EXPECT_EQ(screen.findings_size(), planned ? 1 : 0);
    EXPECT_EQ(screen.outcome(),
              planned ? types::v1::OUTCOME_CONTRAINDICATED : types::v1::OUTCOME_ELIGIBLE);
    auto aftercare = Answer(plugin, &Plugin::Aftercare, MakeAftercareRequest(add_ons));
    EXPECT_EQ(aftercare.instructions_size(), planned ? 1 : 0);
    auto triage =
        Answer(plugin, &Plugin::Triage,
               MakeTriageRequest("itching", 1, types::v1::SYMPTOM_SEVERITY_MILD, add_ons));
    EXPECT_EQ(triage.level(),
              planned ? types::v1::TRIAGE_LEVEL_MONITOR : types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  }
  auto catalog = Answer(plugin, &Plugin::Catalog, plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).code().code(), "glow");
}

TEST(AddOnPluginTest, CompileRefusesUnknownKeysAndNamesTheSubject) {
  EXPECT_THAT(CompileAddOnConfig(R"({"rules": {}, "extra": 1})", "glow config"),
              StatusIs(StatusCode::kInvalidArgument,
                       ::testing::AllOf(::testing::HasSubstr("glow config refused: "),
                                        ::testing::HasSubstr("config: unknown key \"extra\""),
                                        ::testing::HasSubstr("therapy: is required"))));
  EXPECT_THAT(CompileAddOnConfig("{", "glow config"),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("not valid JSON")));
}

}  // namespace
}  // namespace needlework::addon
