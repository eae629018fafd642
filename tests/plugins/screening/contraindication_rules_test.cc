// The default contraindication rules, one row of the domain brief at a time, and which
// facts count as active.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "needlework/code_systems.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)
using types::v1::INDICATOR_CRITICAL;
using types::v1::INDICATOR_WARNING;

class ContraindicationRulesTest : public ::testing::Test {
 protected:
  const RuleSet rules_ = CompileOrDie();
  ScreenRequest request_;
};

// A row of the domain brief's table: a fact that triggers the rule and the expected grade.
struct RuleRow {
  std::string rule_id;
  Coding code;
  bool is_medication;
  types::v1::Outcome outcome;
  types::v1::Indicator indicator;
  std::string evidence_description;
};

void PrintTo(const RuleRow& row, std::ostream* os) { *os << row.rule_id << " " << row.code.code(); }

class RuleRowTest : public ::testing::TestWithParam<RuleRow> {};

TEST_P(RuleRowTest, ActiveFactTriggersRuleWithEvidence) {
  const RuleRow& row = GetParam();
  ScreenRequest request;
  if (row.is_medication) {
    AddMedication(request, RxNorm("99999", "Some product"), types::v1::MEDICATION_STATUS_ACTIVE,
                  "MedicationRequest/m1")
        ->add_ingredients()
        ->CopyFrom(row.code);
  } else {
    AddCondition(request, row.code, types::v1::CONDITION_STATUS_ACTIVE, "Condition/c1");
  }
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);

  // The row's rule is the most restrictive finding (an active herpes simplex also gets the
  // herpes-simplex-history caution).
  const std::optional<Finding> found = FindingFor(response, row.rule_id);
  ASSERT_TRUE(found.has_value());
  const Finding& finding = *found;
  EXPECT_EQ(finding.code().system(), code_systems::kScreeningRule);
  EXPECT_EQ(finding.code().code(), row.rule_id);
  EXPECT_FALSE(finding.code().display().empty());
  EXPECT_EQ(finding.outcome(), row.outcome);
  EXPECT_EQ(finding.indicator(), row.indicator);
  EXPECT_FALSE(finding.summary().empty());
  EXPECT_LT(finding.summary().size(), 140u);
  EXPECT_FALSE(finding.detail().empty());
  EXPECT_TRUE(finding.source_plugin().empty());
  ASSERT_THAT(finding.evidence(), SizeIs(1));
  EXPECT_EQ(finding.evidence(0).code().system(), row.code.system());
  EXPECT_EQ(finding.evidence(0).code().code(), row.code.code());
  EXPECT_EQ(finding.evidence(0).source_ref(),
            row.is_medication ? "MedicationRequest/m1" : "Condition/c1");
  EXPECT_EQ(finding.evidence(0).description(), row.evidence_description);
  EXPECT_EQ(response.outcome(), row.outcome);
}

INSTANTIATE_TEST_SUITE_P(
    DomainBrief, RuleRowTest,
    ::testing::Values(
        RuleRow{"active-skin-infection", Snomed("48277006", "Impetigo"), false,
                types::v1::OUTCOME_DEFER, INDICATOR_CRITICAL, "active condition"},
        RuleRow{"active-skin-infection", Snomed("1475003"), false, types::v1::OUTCOME_DEFER,
                INDICATOR_CRITICAL, "active condition"},
        RuleRow{"active-acne", Snomed("88616000", "Acne vulgaris"), false, types::v1::OUTCOME_DEFER,
                INDICATOR_CRITICAL, "active condition"},
        RuleRow{"eczema", Snomed("24079001", "Atopic dermatitis"), false,
                types::v1::OUTCOME_CONSULT_REQUIRED, INDICATOR_WARNING, "active condition"},
        RuleRow{"psoriasis", Snomed("9014002", "Psoriasis"), false,
                types::v1::OUTCOME_CONSULT_REQUIRED, INDICATOR_WARNING, "active condition"},
        RuleRow{"blood-thinners", RxNorm("11289", "warfarin"), true,
                types::v1::OUTCOME_REVIEW_REQUIRED, INDICATOR_WARNING,
                "active medication, ingredient warfarin"},
        RuleRow{"blood-thinners", RxNorm("1364430"), true, types::v1::OUTCOME_REVIEW_REQUIRED,
                INDICATOR_WARNING, "active medication, ingredient apixaban"},
        RuleRow{"clotting-disorder", Snomed("128105004", "Von Willebrand disorder"), false,
                types::v1::OUTCOME_REVIEW_REQUIRED, INDICATOR_WARNING, "active condition"}),
    [](const ::testing::TestParamInfo<RuleRow>& param_info) {
      std::string name = param_info.param.rule_id + "_" + param_info.param.code.code();
      for (char& c : name) c = (c == '-') ? '_' : c;
      return name;
    });

TEST_F(ContraindicationRulesTest, SevereLaxityObservationAtThresholdRefers) {
  AddObservation(request_, LaxityGrade(), 3, "2024-05-01", "Observation/o1");
  ScreenResponse response = ScreenOrDie(rules_, request_);

  std::optional<Finding> finding = FindingFor(response, "severe-laxity");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->outcome(), types::v1::OUTCOME_REFER);
  EXPECT_EQ(finding->indicator(), INDICATOR_CRITICAL);
  ASSERT_THAT(finding->evidence(), SizeIs(1));
  EXPECT_EQ(finding->evidence(0).code().code(), "skin-laxity-grade");
  EXPECT_EQ(finding->evidence(0).source_ref(), "Observation/o1");
  EXPECT_EQ(finding->evidence(0).description(), "latest observation, value 3 (threshold 3)");
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_REFER);
}

TEST_F(ContraindicationRulesTest, ModerateLaxityDoesNotRefer) {
  AddObservation(request_, LaxityGrade(), 2, "2024-05-01", "Observation/o1");
  EXPECT_THAT(ScreenOrDie(rules_, request_).findings(), IsEmpty());
}

TEST_F(ContraindicationRulesTest, LatestLaxityObservationWins) {
  AddObservation(request_, LaxityGrade(), 2, "2024-06-01", "Observation/new");
  AddObservation(request_, LaxityGrade(), 3, "2023-01-01", "Observation/old");
  EXPECT_FALSE(FindingFor(ScreenOrDie(rules_, request_), "severe-laxity").has_value());

  AddObservation(request_, LaxityGrade(), 3, "2024-07-01T09:30:00Z", "Observation/newest");
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules_, request_), "severe-laxity");
  ASSERT_TRUE(finding.has_value());
  ASSERT_THAT(finding->evidence(), SizeIs(1));
  EXPECT_EQ(finding->evidence(0).source_ref(), "Observation/newest");
}

TEST_F(ContraindicationRulesTest, ObservationWithoutNumericValueIsIgnored) {
  AddObservation(request_, LaxityGrade(), 3, "2024-01-01", "Observation/graded");
  AddObservation(request_, LaxityGrade(), 0, "2024-06-01", "Observation/coded")->clear_value();
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules_, request_), "severe-laxity");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->evidence(0).source_ref(), "Observation/graded");
}

TEST_F(ContraindicationRulesTest, ConditionsThatAreNotActiveAreIgnored) {
  for (auto status : {types::v1::CONDITION_STATUS_INACTIVE, types::v1::CONDITION_STATUS_REMISSION,
                      types::v1::CONDITION_STATUS_RESOLVED}) {
    AddCondition(request_, Snomed("88616000"), status, "Condition/old-acne");
  }
  ScreenResponse response = ScreenOrDie(rules_, request_);
  EXPECT_THAT(response.findings(), IsEmpty());
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
}

TEST_F(ContraindicationRulesTest, AConditionWithNoClinicalStatusCountsAsActive) {
  AddCondition(request_, Snomed("88616000"), types::v1::CONDITION_STATUS_UNSPECIFIED,
               "Condition/acne");
  ScreenResponse response = ScreenOrDie(rules_, request_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
  std::optional<Finding> acne = FindingFor(response, "active-acne");
  ASSERT_TRUE(acne.has_value());
  EXPECT_EQ(acne->evidence(0).description(),
            "condition with no clinical status, counted as active");
}

TEST_F(ContraindicationRulesTest, HistoryOfChronicSkinDiseaseNeedsAConsult) {
  AddCondition(request_, Snomed("24079001"), types::v1::CONDITION_STATUS_RESOLVED, "Condition/ad");
  AddCondition(request_, Snomed("9014002"), types::v1::CONDITION_STATUS_REMISSION, "Condition/ps");
  ScreenResponse response = ScreenOrDie(rules_, request_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONSULT_REQUIRED);
  std::optional<Finding> eczema = FindingFor(response, "eczema");
  ASSERT_TRUE(eczema.has_value());
  EXPECT_EQ(eczema->evidence(0).description(), "history: resolved condition");
  std::optional<Finding> psoriasis = FindingFor(response, "psoriasis");
  ASSERT_TRUE(psoriasis.has_value());
  EXPECT_EQ(psoriasis->evidence(0).description(), "history: condition in remission");
}

TEST_F(ContraindicationRulesTest, ClinicCanLimitChronicDiseaseToActiveConditions) {
  RuleSet rules = CompileOrDie({{"rules", {{"eczema", {{"include_condition_history", false}}}}}});
  AddCondition(request_, Snomed("24079001"), types::v1::CONDITION_STATUS_RESOLVED, "Condition/ad");
  EXPECT_FALSE(FindingFor(ScreenOrDie(rules, request_), "eczema").has_value());
}

TEST_F(ContraindicationRulesTest, RecurrenceAndRelapseCountAsActive) {
  AddCondition(request_, Snomed("9014002"), types::v1::CONDITION_STATUS_RECURRENCE, "Condition/a");
  AddCondition(request_, Snomed("200965009"), types::v1::CONDITION_STATUS_RELAPSE, "Condition/b");
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules_, request_), "psoriasis");
  ASSERT_TRUE(finding.has_value());
  ASSERT_THAT(finding->evidence(), SizeIs(2));
  EXPECT_EQ(finding->evidence(0).description(), "active condition (recurrence)");
  EXPECT_EQ(finding->evidence(1).description(), "active condition (relapse)");
}

TEST_F(ContraindicationRulesTest, StoppedAndCompletedMedicationsAreIgnored) {
  for (auto status :
       {types::v1::MEDICATION_STATUS_STOPPED, types::v1::MEDICATION_STATUS_COMPLETED,
        types::v1::MEDICATION_STATUS_CANCELLED, types::v1::MEDICATION_STATUS_ENTERED_IN_ERROR,
        types::v1::MEDICATION_STATUS_NOT_TAKEN}) {
    AddMedication(request_, RxNorm("855332", "Warfarin Sodium 5 MG Oral Tablet"), status,
                  "MedicationRequest/old")
        ->add_ingredients()
        ->CopyFrom(RxNorm("11289", "warfarin"));
  }
  EXPECT_THAT(ScreenOrDie(rules_, request_).findings(), IsEmpty());
}

TEST_F(ContraindicationRulesTest, MedicationsOnHoldOrIntendedCount) {
  AddMedication(request_, RxNorm("1"), types::v1::MEDICATION_STATUS_ON_HOLD, "MedicationRequest/a")
      ->add_ingredients()
      ->CopyFrom(RxNorm("32968", "clopidogrel"));
  AddMedication(request_, RxNorm("2"), types::v1::MEDICATION_STATUS_INTENDED, "MedicationRequest/b")
      ->add_ingredients()
      ->CopyFrom(RxNorm("1114195"));
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules_, request_), "blood-thinners");
  ASSERT_TRUE(finding.has_value());
  ASSERT_THAT(finding->evidence(), SizeIs(2));
  EXPECT_EQ(finding->evidence(0).description(), "medication on hold, ingredient clopidogrel");
  // An ingredient without a display is named, and its coding filled, from the config.
  EXPECT_EQ(finding->evidence(1).description(), "intended medication, ingredient rivaroxaban");
  EXPECT_EQ(finding->evidence(1).code().display(), "rivaroxaban");
}

TEST_F(ContraindicationRulesTest, ProductCodeNotInConfigDoesNotTriggerWithoutIngredients) {
  // Aspirin 81 MG Oral Tablet: a product code; the default value set lists ingredients. No
  // rule fires on it; without ingredients it is an unrecognised medication instead.
  AddMedication(request_, RxNorm("243670", "Aspirin 81 MG Oral Tablet"),
                types::v1::MEDICATION_STATUS_ACTIVE, "MedicationRequest/m1");
  ScreenResponse response = ScreenOrDie(rules_, request_);
  EXPECT_FALSE(FindingFor(response, "blood-thinners").has_value());
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).rule_id(), "unrecognised-medication");
}

TEST_F(ContraindicationRulesTest, EveryMatchingFactIsOneEvidenceInOneFinding) {
  AddCondition(request_, Snomed("88616000"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/1");
  AddCondition(request_, Snomed("11381005"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/2");
  AddCondition(request_, Snomed("44054006"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/3");
  ScreenResponse response = ScreenOrDie(rules_, request_);
  ASSERT_THAT(response.findings(), SizeIs(1));
  std::vector<std::string> refs;
  for (const auto& evidence : response.findings(0).evidence())
    refs.push_back(evidence.source_ref());
  EXPECT_THAT(refs, ElementsAre("Condition/1", "Condition/2"));
}

TEST_F(ContraindicationRulesTest, MatchesOnSystemAndCodeNeverOnDisplay) {
  AddCondition(request_, Snomed("123", "Acne vulgaris"), types::v1::CONDITION_STATUS_ACTIVE,
               "Condition/display-only");
  AddCondition(request_, MakeCoding("http://hl7.org/fhir/sid/icd-10", "88616000"),
               types::v1::CONDITION_STATUS_ACTIVE, "Condition/other-system");
  ScreenResponse response = ScreenOrDie(rules_, request_);
  EXPECT_FALSE(FindingFor(response, "active-acne").has_value());
  // The ICD-10 one is in a system no rule uses: unrecognised, not matched.
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).rule_id(), "unrecognised-condition");
  EXPECT_EQ(response.findings(0).evidence(0).source_ref(), "Condition/other-system");
}

TEST_F(ContraindicationRulesTest, AnyCodingOfAFactCanMatch) {
  types::v1::Condition* condition =
      AddCondition(request_, MakeCoding("http://hl7.org/fhir/sid/icd-10", "L70.0"),
                   types::v1::CONDITION_STATUS_ACTIVE, "Condition/c1");
  *condition->add_codes() = Snomed("88616000");
  std::optional<Finding> finding = FindingFor(ScreenOrDie(rules_, request_), "active-acne");
  ASSERT_TRUE(finding.has_value());
  EXPECT_EQ(finding->evidence(0).code().code(), "88616000");
  EXPECT_EQ(finding->evidence(0).code().display(), "Acne vulgaris");  // from the config
}

TEST_F(ContraindicationRulesTest, NoFactsNoConcernsIsEligible) {
  ScreenResponse response = ScreenOrDie(rules_, request_);
  EXPECT_THAT(response.findings(), IsEmpty());
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
}

}  // namespace
}  // namespace needlework::screening
