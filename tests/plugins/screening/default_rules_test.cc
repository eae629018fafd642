// The default rules of issue 16, one patient that fires each and one that does not: which
// facts count (active only, or history too), their outcomes, the HbA1c threshold and the
// treatment-area filter of the herpes simplex history rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "needlework/code_systems.h"
#include "plugins/screening/config.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using namespace needlework::screening::testing;  // NOLINT(build/namespaces)
using types::v1::Outcome;

constexpr std::string_view kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
constexpr std::string_view kLoinc = "http://loinc.org";

enum class Kind { kCondition, kMedication, kAllergy };

// One patient with one fact: fires `rule_id` with `outcome`, or (kEligible) does not.
struct Row {
  std::string name;  // the test's name
  std::string rule_id;
  Kind kind;
  Coding code;
  bool active;  // an active fact, else a resolved (stopped, inactive) one with no date
  Outcome outcome;
};

void PrintTo(const Row& row, std::ostream* os) { *os << row.name; }

constexpr Outcome kNotFired = types::v1::OUTCOME_ELIGIBLE;

ScreenRequest PatientWith(const Row& row) {
  ScreenRequest request;
  switch (row.kind) {
    case Kind::kCondition:
      AddCondition(
          request, row.code,
          row.active ? types::v1::CONDITION_STATUS_ACTIVE : types::v1::CONDITION_STATUS_RESOLVED,
          "Condition/1");
      break;
    case Kind::kMedication:
      *AddMedication(request, RxNorm("99999", "Some product"),
                     row.active ? types::v1::MEDICATION_STATUS_ACTIVE
                                : types::v1::MEDICATION_STATUS_CANCELLED,
                     "MedicationRequest/1")
           ->add_ingredients() = row.code;
      break;
    case Kind::kAllergy:
      AddAllergy(request, row.code,
                 row.active ? types::v1::ALLERGY_STATUS_ACTIVE : types::v1::ALLERGY_STATUS_RESOLVED,
                 "AllergyIntolerance/1");
      break;
  }
  return request;
}

class DefaultRuleTest : public ::testing::TestWithParam<Row> {};

TEST_P(DefaultRuleTest, FiresOnlyOnTheFactsThatCount) {
  const Row& row = GetParam();
  const std::optional<Finding> finding =
      FindingFor(ScreenOrDie(CompileOrDie(), PatientWith(row)), row.rule_id);
  if (row.outcome == kNotFired) {
    EXPECT_FALSE(finding.has_value());
    return;
  }
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->outcome(), row.outcome);
  EXPECT_EQ(addon::CodeKey(finding->evidence(0).code()), addon::CodeKey(row.code));
  EXPECT_FALSE(finding->detail().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Issue16, DefaultRuleTest,
    ::testing::Values(
        Row{"pregnancy", "pregnancy", Kind::kCondition, Snomed("77386006"), true,
            types::v1::OUTCOME_DEFER},
        Row{"pregnancy_icd10cm", "pregnancy", Kind::kCondition, MakeCoding(kIcd10Cm, "Z33.1"), true,
            types::v1::OUTCOME_DEFER},
        Row{"past_pregnancy", "pregnancy", Kind::kCondition, Snomed("72892002"), false, kNotFired},
        Row{"breastfeeding", "breastfeeding", Kind::kCondition, Snomed("169750002"), true,
            types::v1::OUTCOME_DEFER},
        Row{"breastfeeding_ended", "breastfeeding", Kind::kCondition, MakeCoding(kIcd10Cm, "Z39.1"),
            false, kNotFired},
        Row{"keloid", "keloid-tendency", Kind::kCondition, Snomed("33659008"), true,
            types::v1::OUTCOME_CONSULT_REQUIRED},
        Row{"keloid_history", "keloid-tendency", Kind::kCondition, MakeCoding(kIcd10Cm, "L91.0"),
            false, types::v1::OUTCOME_CONSULT_REQUIRED},
        Row{"immunodeficiency", "immunosuppression", Kind::kCondition, Snomed("234532001"), true,
            types::v1::OUTCOME_REVIEW_REQUIRED},
        Row{"renal_transplant", "immunosuppression", Kind::kCondition, Snomed("161665007"), true,
            types::v1::OUTCOME_REVIEW_REQUIRED},
        Row{"tacrolimus", "immunosuppression", Kind::kMedication, RxNorm("42316"), true,
            types::v1::OUTCOME_REVIEW_REQUIRED},
        Row{"tacrolimus_never_taken", "immunosuppression", Kind::kMedication, RxNorm("42316"),
            false, kNotFired},
        Row{"lidocaine_allergy", "topical-anaesthetic-allergy", Kind::kAllergy, RxNorm("6387"),
            true, types::v1::OUTCOME_REVIEW_REQUIRED},
        Row{"benzocaine_allergy", "topical-anaesthetic-allergy", Kind::kAllergy,
            Snomed("387357002"), true, types::v1::OUTCOME_REVIEW_REQUIRED},
        Row{"lidocaine_allergy_resolved", "topical-anaesthetic-allergy", Kind::kAllergy,
            Snomed("387480006"), false, kNotFired},
        Row{"rosacea", "rosacea", Kind::kCondition, Snomed("398909004"), true,
            types::v1::OUTCOME_CONSULT_REQUIRED},
        Row{"rosacea_resolved", "rosacea", Kind::kCondition, MakeCoding(kIcd10Cm, "L71.9"), false,
            kNotFired},
        Row{"warts", "viral-warts", Kind::kCondition, Snomed("57019003"), true,
            types::v1::OUTCOME_DEFER},
        Row{"warts_cleared", "viral-warts", Kind::kCondition, MakeCoding(kIcd10Cm, "B07.9"), false,
            kNotFired},
        Row{"molluscum", "molluscum-contagiosum", Kind::kCondition, MakeCoding(kIcd10Cm, "B08.1"),
            true, types::v1::OUTCOME_DEFER},
        Row{"molluscum_cleared", "molluscum-contagiosum", Kind::kCondition,
            MakeCoding(kIcd10Cm, "B08.1"), false, kNotFired},
        Row{"acne_icd10cm", "active-acne", Kind::kCondition, MakeCoding(kIcd10Cm, "L70.0"), true,
            types::v1::OUTCOME_DEFER},
        Row{"herpes_history", "herpes-simplex-history", Kind::kCondition, Snomed("1475003"), false,
            types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION},
        Row{"herpes_resolved_is_no_infection", "active-skin-infection", Kind::kCondition,
            Snomed("1475003"), false, kNotFired}),
    [](const ::testing::TestParamInfo<Row>& param_info) { return param_info.param.name; });

// ---- HbA1c ----------------------------------------------------------------------------

Coding HbA1c() { return MakeCoding(kLoinc, "4548-4", "Hemoglobin A1c"); }

TEST(UncontrolledDiabetesTest, AnHbA1cAbove8PercentNeedsReview) {
  ScreenRequest request;
  AddObservation(request, HbA1c(), 8.4, "", "Observation/a1c")->set_unit("%");
  const std::optional<Finding> finding =
      FindingFor(ScreenOrDie(CompileOrDie(), request), "uncontrolled-diabetes");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(finding->evidence(0).description(),
            "latest observation, date unknown, value 8.4 % (above 8)");
}

TEST(UncontrolledDiabetesTest, AnHbA1cOf8PercentIsNotAbove) {
  ScreenRequest request;
  AddObservation(request, HbA1c(), 8, "", "Observation/a1c");
  EXPECT_FALSE(FindingFor(ScreenOrDie(CompileOrDie(), request), "uncontrolled-diabetes"));
}

TEST(UncontrolledDiabetesTest, TheLatestHbA1cDecides) {
  ScreenRequest request;
  AddObservation(request, HbA1c(), 9.5, "2026-01-10", "Observation/old");
  AddObservation(request, HbA1c(), 6.9, "2026-06-10", "Observation/new");
  EXPECT_FALSE(FindingFor(ScreenOrDie(CompileOrDie(), request), "uncontrolled-diabetes"));
}

TEST(UncontrolledDiabetesTest, AClinicSetsItsOwnThreshold) {
  ScreenRequest request;
  AddObservation(request, HbA1c(), 7.5, "", "Observation/a1c");
  const RuleSet rules =
      CompileOrDie(Json::parse(R"({"rules": {"uncontrolled-diabetes": {"above": 7}}})"));
  EXPECT_TRUE(FindingFor(ScreenOrDie(rules, request), "uncontrolled-diabetes"));
}

// ---- Herpes simplex history and treatment areas -------------------------------------------

Coding Area(std::string_view code) { return MakeCoding(code_systems::kTreatmentArea, code); }

class HerpesHistoryTest : public ::testing::Test {
 protected:
  HerpesHistoryTest() {
    AddCondition(request_, Snomed("1475003", "Herpes labialis"),
                 types::v1::CONDITION_STATUS_RESOLVED, "Condition/hsv");
  }
  std::optional<Finding> Screen() {
    return FindingFor(ScreenOrDie(CompileOrDie(), request_), "herpes-simplex-history");
  }
  ScreenRequest request_;
};

TEST_F(HerpesHistoryTest, APerioralSessionPromptsProphylaxis) {
  *request_.add_treatment_areas() = Area("neck");
  *request_.add_treatment_areas() = Area("perioral");
  const std::optional<Finding> finding = Screen();
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->outcome(), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  EXPECT_THAT(finding->summary(), ::testing::HasSubstr("antiviral prophylaxis"));
  EXPECT_EQ(finding->evidence(0).description(), "history: resolved condition");
}

TEST_F(HerpesHistoryTest, AFullFaceSessionPromptsProphylaxis) {
  *request_.add_treatment_areas() = Area("face");
  EXPECT_TRUE(Screen().has_value());
}

TEST_F(HerpesHistoryTest, ASessionAwayFromTheMouthDoesNot) {
  *request_.add_treatment_areas() = Area("abdomen");
  *request_.add_treatment_areas() = Area("neck");
  EXPECT_FALSE(Screen().has_value());
}

TEST_F(HerpesHistoryTest, UnknownAreasKeepThePrompt) { EXPECT_TRUE(Screen().has_value()); }

TEST_F(HerpesHistoryTest, AnActiveOutbreakDefersAndStillPrompts) {
  AddCondition(request_, Snomed("1475003", "Herpes labialis"), types::v1::CONDITION_STATUS_ACTIVE,
               "Condition/now");
  *request_.add_treatment_areas() = Area("perioral");
  const ScreenResponse response = ScreenOrDie(CompileOrDie(), request_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
  EXPECT_TRUE(FindingFor(response, "active-skin-infection").has_value());
  EXPECT_TRUE(FindingFor(response, "herpes-simplex-history").has_value());
}

TEST(TreatmentAreasTest, AnAreaThatIsNotALocalCodeIsRefused) {
  EXPECT_THAT(CompileConfig(PatchedConfig(Json::parse(
                  R"({"rules": {"rosacea": {"treatment_areas": {"Upper Lip": "upper lip"}}}})"))),
              StatusIs(StatusCode::kInvalidArgument,
                       ::testing::HasSubstr("rules.rosacea.treatment_areas.Upper Lip")));
}

}  // namespace
}  // namespace needlework::screening
