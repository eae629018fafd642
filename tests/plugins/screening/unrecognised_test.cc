// Chart entries no rule can read: each kind gets a finding of its own, with the outcome
// the clinic's config gives active and inactive entries; nothing unreadable passes as
// ELIGIBLE.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "needlework/kit/addon_config.h"
#include "needlework/kit/config_names.h"
#include "plugins/screening/config.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)
using types::v1::OUTCOME_ELIGIBLE;
using types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION;
using types::v1::OUTCOME_REVIEW_REQUIRED;

// ICD-10 as the WHO publishes it: no default rule uses it (they use ICD-10-CM).
constexpr std::string_view kIcd10 = "http://hl7.org/fhir/sid/icd-10";

// The findings with `rule_id` in `response`.
std::vector<Finding> FindingsFor(const ScreenResponse& response, std::string_view rule_id) {
  std::vector<Finding> found;
  for (const Finding& finding : response.findings()) {
    if (finding.rule_id() == rule_id) found.push_back(finding);
  }
  return found;
}

std::vector<std::string> Summaries(const std::vector<Finding>& findings) {
  std::vector<std::string> summaries;
  for (const Finding& finding : findings) summaries.push_back(finding.summary());
  return summaries;
}

class UnrecognisedTest : public ::testing::Test {
 protected:
  // Adds a medication known only by its text.
  void AddTextMedication(const std::string& text, types::v1::MedicationStatus status) {
    types::v1::Medication* medication = request_.mutable_patient()->add_medications();
    medication->set_text(text);
    medication->set_status(status);
    medication->set_source_ref("MedicationRequest/" + std::to_string(text.size()));
  }
  // Screens with the default config: the patient needs review, with one
  // unrecognised-medication finding, whose summary is `summary`.
  void ExpectOneMedicationReview(const std::string& summary) {
    ScreenResponse response = Screen();
    EXPECT_EQ(response.outcome(), OUTCOME_REVIEW_REQUIRED);
    EXPECT_THAT(Summaries(FindingsFor(response, "unrecognised-medication")), ElementsAre(summary));
  }
  ScreenResponse Screen(const Json& patch = Json::object()) {
    return ScreenOrDie(CompileOrDie(patch), request_);
  }
  ScreenRequest request_;
};

TEST_F(UnrecognisedTest, AConditionWithoutACodeNeedsReview) {
  AddCondition(request_, Coding(), types::v1::CONDITION_STATUS_ACTIVE, "Condition/c1")
      ->set_text("keloid on the chest");
  request_.mutable_patient()->mutable_conditions(0)->clear_codes();
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), OUTCOME_REVIEW_REQUIRED);
  std::vector<Finding> found = FindingsFor(response, "unrecognised-condition");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].summary(),
            "Condition not recognised: keloid on the chest; a clinician checks it");
  EXPECT_THAT(found[0].detail(), HasSubstr("\"keloid on the chest\""));
  EXPECT_EQ(found[0].indicator(), types::v1::INDICATOR_WARNING);
  ASSERT_EQ(found[0].evidence_size(), 1);
  EXPECT_EQ(found[0].evidence(0).source_ref(), "Condition/c1");
  EXPECT_EQ(found[0].evidence(0).description(), "active condition, not recognised");
}

TEST_F(UnrecognisedTest, AConditionCodedOnlyInASystemNoRuleUsesNeedsReview) {
  AddCondition(request_, MakeCoding(kIcd10, "L70.0", "Acne vulgaris"),
               types::v1::CONDITION_STATUS_ACTIVE, "Condition/icd");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), OUTCOME_REVIEW_REQUIRED);
  std::vector<Finding> found = FindingsFor(response, "unrecognised-condition");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].summary(), "Condition not recognised: Acne vulgaris; a clinician checks it");
  EXPECT_EQ(found[0].evidence(0).code().code(), "L70.0");
}

TEST_F(UnrecognisedTest, ASnomedConditionNoRuleListsIsRead) {
  AddCondition(request_, Snomed("38341003", "Hypertension"), types::v1::CONDITION_STATUS_ACTIVE,
               "Condition/htn");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), OUTCOME_ELIGIBLE);
  EXPECT_THAT(response.findings(), IsEmpty());
}

TEST_F(UnrecognisedTest, AConditionSystemBecomesKnownWhenAClinicRuleUsesIt) {
  AddCondition(request_, MakeCoding(kIcd10, "L70.0", "Acne vulgaris"),
               types::v1::CONDITION_STATUS_ACTIVE, "Condition/icd");
  ScreenResponse response = Screen(Json::parse(R"({"rules": {"active-acne": {"conditions":
      {"http://hl7.org/fhir/sid/icd-10|L70.0": "Acne vulgaris"}}}})"));
  EXPECT_THAT(FindingsFor(response, "unrecognised-condition"), IsEmpty());
  EXPECT_THAT(FindingsFor(response, "active-acne"), ::testing::SizeIs(1));
}

TEST_F(UnrecognisedTest, AResolvedUnreadableConditionIsACaution) {
  AddCondition(request_, MakeCoding(kIcd10, "L40.0"), types::v1::CONDITION_STATUS_RESOLVED,
               "Condition/old");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), OUTCOME_ELIGIBLE_WITH_CAUTION);
  std::vector<Finding> found = FindingsFor(response, "unrecognised-condition");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].summary(),
            "Condition not recognised: http://hl7.org/fhir/sid/icd-10|L40.0; a clinician "
            "checks it");
  EXPECT_EQ(found[0].indicator(), types::v1::INDICATOR_INFO);
  EXPECT_EQ(found[0].evidence(0).description(), "inactive condition, not recognised");
}

TEST_F(UnrecognisedTest, AMedicationGivenAsTextOnlyNeedsReview) {
  AddTextMedication("Xarelto 20 mg once daily", types::v1::MEDICATION_STATUS_ACTIVE);
  ExpectOneMedicationReview(
      "Medication not recognised: Xarelto 20 mg once daily; a clinician checks it");
}

TEST_F(UnrecognisedTest, AProductWithNoKnownIngredientNeedsReview) {
  AddMedication(request_, RxNorm("2123111", "isotretinoin 20 MG Oral Capsule [Absorica LD]"),
                types::v1::MEDICATION_STATUS_ACTIVE, "MedicationRequest/iso");
  ExpectOneMedicationReview(
      "Medication not recognised: isotretinoin 20 MG Oral Capsule [Absorica LD]; a clinician "
      "checks it");
}

TEST_F(UnrecognisedTest, AMedicationWithAnIngredientOrAListedProductIsRead) {
  AddMedication(request_, RxNorm("313782", "acetaminophen 325 MG Oral Tablet"),
                types::v1::MEDICATION_STATUS_ACTIVE, "MedicationRequest/a")
      ->add_ingredients()
      ->CopyFrom(RxNorm("161", "acetaminophen"));
  AddMedication(request_, RxNorm("855332", "warfarin sodium 5 MG Oral Tablet"),
                types::v1::MEDICATION_STATUS_ACTIVE, "MedicationRequest/w");
  ScreenResponse response = Screen(Json::parse(R"({"rules": {"blood-thinners": {"medications":
      {"http://www.nlm.nih.gov/research/umls/rxnorm|855332": "warfarin 5 MG tablet"}}}})"));
  EXPECT_THAT(FindingsFor(response, "unrecognised-medication"), IsEmpty());
}

TEST_F(UnrecognisedTest, StoppedMedicationsAreACautionAndCancelledOnesAreNotChecked) {
  AddTextMedication("Roaccutane", types::v1::MEDICATION_STATUS_STOPPED);
  AddTextMedication("Never taken", types::v1::MEDICATION_STATUS_CANCELLED);
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), OUTCOME_ELIGIBLE_WITH_CAUTION);
  EXPECT_THAT(Summaries(FindingsFor(response, "unrecognised-medication")),
              ElementsAre("Medication not recognised: Roaccutane; a clinician checks it"));
}

TEST_F(UnrecognisedTest, RepeatsOfOneEntryShareAFindingPerOutcome) {
  const Coding humulin = RxNorm("106892", "Humulin 70/30 Injectable Suspension");
  AddMedication(request_, humulin, types::v1::MEDICATION_STATUS_STOPPED, "MedicationRequest/1");
  AddMedication(request_, humulin, types::v1::MEDICATION_STATUS_ACTIVE, "MedicationRequest/2");
  AddMedication(request_, humulin, types::v1::MEDICATION_STATUS_STOPPED, "MedicationRequest/3");
  std::vector<Finding> found = FindingsFor(Screen(), "unrecognised-medication");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].outcome(), OUTCOME_REVIEW_REQUIRED);
  ASSERT_EQ(found[0].evidence_size(), 1);
  EXPECT_EQ(found[0].evidence(0).source_ref(), "MedicationRequest/2");
  EXPECT_EQ(found[1].outcome(), OUTCOME_ELIGIBLE_WITH_CAUTION);
  ASSERT_EQ(found[1].evidence_size(), 2);
  EXPECT_EQ(found[1].evidence(1).source_ref(), "MedicationRequest/3");
}

TEST_F(UnrecognisedTest, AnAllergyWithoutACodeNeedsReviewAndACodedOneIsRead) {
  types::v1::Allergy* text_only = request_.mutable_patient()->add_allergies();
  text_only->set_text("lidocaine cream");
  text_only->set_clinical_status(types::v1::ALLERGY_STATUS_ACTIVE);
  AddAllergy(request_, Snomed("300916003", "Latex allergy"), types::v1::ALLERGY_STATUS_ACTIVE,
             "AllergyIntolerance/latex");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), OUTCOME_REVIEW_REQUIRED);
  EXPECT_THAT(Summaries(FindingsFor(response, "unrecognised-allergy")),
              ElementsAre("Allergy not recognised: lidocaine cream; a clinician checks it"));
}

TEST_F(UnrecognisedTest, TheOutcomesAreTheClinics) {
  AddTextMedication("Xarelto 20 mg once daily", types::v1::MEDICATION_STATUS_ACTIVE);
  ScreenResponse deferred =
      Screen(Json::parse(R"({"unrecognised": {"medications": {"outcome": "defer"}}})"));
  EXPECT_EQ(deferred.outcome(), types::v1::OUTCOME_DEFER);
  ScreenResponse off =
      Screen(Json::parse(R"({"unrecognised": {"medications": {"enabled": false}}})"));
  EXPECT_EQ(off.outcome(), OUTCOME_ELIGIBLE);
  EXPECT_THAT(off.findings(), IsEmpty());
}

TEST_F(UnrecognisedTest, ALongEntryNameIsCutToTheSummaryLimit) {
  AddTextMedication(std::string(300, 'x'), types::v1::MEDICATION_STATUS_ACTIVE);
  ScreenResponse response = Screen();
  ASSERT_EQ(response.findings_size(), 1);
  const std::string& summary = response.findings(0).summary();
  EXPECT_EQ(addon::CodePointCount(summary), addon::kMaxSummaryLength);
  EXPECT_THAT(summary, ::testing::StartsWith("Medication not recognised: xxx"));
  EXPECT_THAT(summary, ::testing::EndsWith("x\xE2\x80\xA6; a clinician checks it"));
}

TEST(UnrecognisedConfigTest, EachKindNeedsAnInactiveOutcome) {
  EXPECT_THAT(
      CompileConfig(PatchedConfig(
          Json::parse(R"({"unrecognised": {"allergies": {"inactive_outcome": null}}})"))),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("unrecognised.allergies.inactive_outcome")));
  EXPECT_THAT(
      CompileConfig(PatchedConfig(Json::parse(R"({"unrecognised": {"devices": {}}})"))),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("unrecognised: unknown key \"devices\"")));
}

TEST(UnrecognisedConfigTest, RuleIdsOfTheSectionAreReserved) {
  EXPECT_THAT(CompileConfig(PatchedConfig(Json::parse(
                  R"({"rules": {"unrecognised-condition": {"display": "x", "outcome": "defer",
                      "summary": "x", "detail": "x"}}})"))),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("are reserved")));
}

}  // namespace
}  // namespace needlework::screening
