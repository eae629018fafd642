// A clinic's JSON merge patch (RFC 7386) over the default config, applied as the host
// applies it, changes what the rules do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

// A patient with active seborrheic dermatitis (SNOMED 50563003), not in the default
// eczema value set.
ScreenRequest SeborrheicDermatitisPatient() {
  ScreenRequest request;
  AddCondition(request, Snomed("50563003", "Seborrheic dermatitis"),
               types::v1::CONDITION_STATUS_ACTIVE, "Condition/seb");
  return request;
}

TEST(ConfigPatchTest, AddingACodeExtendsAValueSet) {
  EXPECT_THAT(ScreenOrDie(CompileOrDie(), SeborrheicDermatitisPatient()).findings(), IsEmpty());

  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"eczema": {"conditions": {
      "http://snomed.info/sct|50563003": "Seborrheic dermatitis"}}}})"));
  std::optional<Finding> finding =
      FindingFor(ScreenOrDie(rules, SeborrheicDermatitisPatient()), "eczema");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->evidence(0).code().code(), "50563003");
  EXPECT_EQ(finding->evidence(0).source_ref(), "Condition/seb");
  // The rest of the value set is untouched by the patch.
  EXPECT_EQ(rules.rules.size(), CompileOrDie().rules.size());
}

TEST(ConfigPatchTest, NullRemovesACode) {
  ScreenRequest request;
  AddMedication(request, RxNorm("243670", "Aspirin 81 MG Oral Tablet"),
                types::v1::MEDICATION_STATUS_ACTIVE, "MedicationRequest/asa")
      ->add_ingredients()
      ->CopyFrom(RxNorm("1191", "aspirin"));
  ASSERT_TRUE(FindingFor(ScreenOrDie(CompileOrDie(), request), "blood-thinners").has_value());

  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"blood-thinners": {"medications": {
      "http://www.nlm.nih.gov/research/umls/rxnorm|1191": null}}}})"));
  EXPECT_FALSE(FindingFor(ScreenOrDie(rules, request), "blood-thinners").has_value());
  AddMedication(request, RxNorm("855332"), types::v1::MEDICATION_STATUS_ACTIVE, "Med/w")
      ->add_ingredients()
      ->CopyFrom(RxNorm("11289"));
  EXPECT_TRUE(FindingFor(ScreenOrDie(rules, request), "blood-thinners").has_value());
}

TEST(ConfigPatchTest, ProductCodeListedInConfigMatchesWithoutIngredients) {
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"blood-thinners": {"medications": {
      "http://www.nlm.nih.gov/research/umls/rxnorm|243670": "Aspirin 81 MG Oral Tablet"}}}})"));
  ScreenRequest request;
  AddMedication(request, RxNorm("243670"), types::v1::MEDICATION_STATUS_ACTIVE,
                "MedicationRequest/asa");
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules, request), "blood-thinners");
  ASSERT_TRUE(finding.has_value());
  ASSERT_THAT(finding->evidence(), SizeIs(1));
  EXPECT_EQ(finding->evidence(0).code().code(), "243670");
  EXPECT_EQ(finding->evidence(0).code().display(), "Aspirin 81 MG Oral Tablet");
  EXPECT_EQ(finding->evidence(0).description(), "active medication");
  EXPECT_EQ(finding->evidence(0).source_ref(), "MedicationRequest/asa");
}

TEST(ConfigPatchTest, DisablingARuleSilencesIt) {
  ScreenRequest request;
  AddCondition(request, Snomed("88616000"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/1");
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"active-acne": {"enabled": false}}})"));
  ScreenResponse response = ScreenOrDie(rules, request);
  EXPECT_THAT(response.findings(), IsEmpty());
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
}

TEST(ConfigPatchTest, RemovingARuleWithNullSilencesIt) {
  ScreenRequest request;
  AddCondition(request, Snomed("88616000"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/1");
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"active-acne": null}})"));
  EXPECT_THAT(ScreenOrDie(rules, request).findings(), IsEmpty());
}

TEST(ConfigPatchTest, ChangingTheThresholdChangesWhoIsReferred) {
  ScreenRequest request;
  AddObservation(request, LaxityGrade(), 2, "2024-05-01", "Observation/o1");
  EXPECT_FALSE(FindingFor(ScreenOrDie(CompileOrDie(), request), "severe-laxity").has_value());

  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"severe-laxity": {"min_value": 2}}})"));
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules, request), "severe-laxity");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->evidence(0).description(), "latest observation, value 2 (threshold 2)");

  rules = CompileOrDie(Json::parse(R"({"rules": {"severe-laxity": {"min_value": 2.5}}})"));
  EXPECT_FALSE(FindingFor(ScreenOrDie(rules, request), "severe-laxity").has_value());
}

TEST(ConfigPatchTest, ChangingAnOutcomeChangesTheFindingAndItsDefaultIndicator) {
  ScreenRequest request;
  AddCondition(request, Snomed("24079001"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/ad");
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"eczema": {"outcome": "defer"}}})"));
  ScreenResponse response = ScreenOrDie(rules, request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).outcome(), types::v1::OUTCOME_DEFER);
  EXPECT_EQ(response.findings(0).indicator(), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
}

TEST(ConfigPatchTest, IndicatorCanBeOverriddenPerRule) {
  ScreenRequest request;
  AddCondition(request, Snomed("24079001"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/ad");
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"eczema": {"indicator": "critical"}}})"));
  ScreenResponse response = ScreenOrDie(rules, request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).outcome(), types::v1::OUTCOME_CONSULT_REQUIRED);
  EXPECT_EQ(response.findings(0).indicator(), types::v1::INDICATOR_CRITICAL);
}

TEST(ConfigPatchTest, ChangingTextsChangesTheFinding) {
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"active-acne": {
      "summary": "Acne active: reschedule", "detail": "Clinic policy."}}})"));
  ScreenRequest request;
  AddCondition(request, Snomed("11381005"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/1");
  ScreenResponse response = ScreenOrDie(rules, request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).summary(), "Acne active: reschedule");
  EXPECT_EQ(response.findings(0).detail(), "Clinic policy.");
}

TEST(ConfigPatchTest, ClinicCanAddARuleMatchingActiveAllergies) {
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"latex-allergy": {
      "display": "Latex allergy", "outcome": "eligible_with_caution",
      "summary": "Latex allergy: use latex-free gloves",
      "detail": "The patient is allergic to latex.",
      "allergies": {"http://snomed.info/sct|111088007": "Latex"}}}})"));
  ScreenRequest request;
  AddAllergy(request, Snomed("111088007", "Latex (substance)"), types::v1::ALLERGY_STATUS_ACTIVE,
             "AllergyIntolerance/a1");
  AddAllergy(request, Snomed("111088007"), types::v1::ALLERGY_STATUS_RESOLVED,
             "AllergyIntolerance/a2");
  ScreenResponse response = ScreenOrDie(rules, request);
  std::optional<Finding> finding = FindingFor(response, "latex-allergy");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->outcome(), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  EXPECT_EQ(finding->indicator(), types::v1::INDICATOR_INFO);
  ASSERT_THAT(finding->evidence(), SizeIs(1));
  EXPECT_EQ(finding->evidence(0).source_ref(), "AllergyIntolerance/a1");
  EXPECT_EQ(finding->evidence(0).description(), "active allergy");
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
}

TEST(ConfigPatchTest, SevereLaxityCanAlsoMatchAConditionCode) {
  RuleSet rules = CompileOrDie(Json::parse(R"({"rules": {"severe-laxity": {"conditions": {
      "http://example.org/clinic-codes|severe-laxity": "Severe laxity"}}}})"));
  ScreenRequest request;
  AddCondition(request, MakeCoding("http://example.org/clinic-codes", "severe-laxity"),
               types::v1::CONDITION_STATUS_ACTIVE, "Condition/l");
  EXPECT_TRUE(FindingFor(ScreenOrDie(rules, request), "severe-laxity").has_value());
}

}  // namespace
}  // namespace needlework::screening
