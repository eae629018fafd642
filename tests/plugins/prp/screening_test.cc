// The PRP add-on's contraindications, from its default config and from clinic patches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/addon_support/default_rules_check.h"
#include "plugins/prp/embedded_config.h"
#include "plugins/prp/prp_plugin.h"

namespace needlework::prp {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

class PrpScreeningTest : public ::testing::Test {
 protected:
  ScreenResponse Screen(const Json& patch = Json::object()) {
    return AnswerPatched<PrpPlugin>(kDefaultConfigJson, patch, &Plugin::Screen,
                                    MakeScreenRequest(facts_, {Procedure("prp-serum")}));
  }

  PatientFacts facts_;
};

TEST_F(PrpScreeningTest, ApixabanContraindicatesPrpNamedByItsIngredient) {
  AddMedication(facts_, "1364445", "1364430", "apixaban");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_THAT(RuleIds(response), ElementsAre("blood-thinners"));
  const auto& finding = response.findings(0);
  ExpectFindingAbout(finding, "prp-serum", "PRP contraindicated: apixaban",
                     types::v1::INDICATOR_CRITICAL);
  ASSERT_EQ(finding.evidence_size(), 1);
  EXPECT_EQ(finding.evidence(0).code().code(), "1364430");
  EXPECT_EQ(finding.evidence(0).description(), "active medication, ingredient apixaban");
  EXPECT_EQ(finding.evidence(0).source_ref(), "MedicationRequest/1364445");
}

TEST_F(PrpScreeningTest, AnIngredientWithoutDisplayIsNamedByTheConfig) {
  AddMedication(facts_, "855332", "11289", "");
  ScreenResponse response = Screen();
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).summary(), "PRP contraindicated: warfarin");
  EXPECT_EQ(response.findings(0).evidence(0).code().display(), "warfarin");
}

TEST_F(PrpScreeningTest, EveryBloodThinnerIsEvidenceOfOneFinding) {
  AddMedication(facts_, "1364445", "1364430", "apixaban");
  AddMedication(facts_, "1191", "", "");  // prescribed at ingredient level, no ingredients
  AddMedication(facts_, "1364447", "1364430", "apixaban");
  ScreenResponse response = Screen();
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).summary(), "PRP contraindicated: apixaban, aspirin");
  ASSERT_EQ(response.findings(0).evidence_size(), 3);
  EXPECT_EQ(response.findings(0).evidence(1).description(), "active medication");
}

TEST_F(PrpScreeningTest, OnlyMedicationsTakenNowOrSoonCount) {
  AddMedication(facts_, "1364445", "1364430", "apixaban", types::v1::MEDICATION_STATUS_STOPPED);
  AddMedication(facts_, "309362", "32968", "clopidogrel", types::v1::MEDICATION_STATUS_COMPLETED);
  EXPECT_THAT(Screen().findings(), IsEmpty());
  AddMedication(facts_, "855332", "11289", "warfarin", types::v1::MEDICATION_STATUS_ON_HOLD);
  ScreenResponse response = Screen();
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).evidence(0).description(),
            "medication on hold, ingredient warfarin");
}

TEST_F(PrpScreeningTest, AClottingDisorderContraindicatesPrpWhileActive) {
  AddCondition(facts_, kSnomed, "90935002", types::v1::CONDITION_STATUS_RESOLVED);
  EXPECT_THAT(Screen().findings(), IsEmpty());
  AddCondition(facts_, kSnomed, "128105004");
  ScreenResponse response = Screen();
  ASSERT_THAT(RuleIds(response), ElementsAre("clotting-disorder"));
  EXPECT_EQ(response.findings(0).summary(), "PRP contraindicated: Von Willebrand disorder");
}

TEST_F(PrpScreeningTest, APlateletCountBelowTheThresholdContraindicatesPrp) {
  AddObservation(facts_, kLoinc, "777-3", 150, "10*3/uL", "2026-01-05");
  EXPECT_THAT(Screen().findings(), IsEmpty()) << "150 is not below 150";
  AddObservation(facts_, kLoinc, "777-3", 120, "10*3/uL", "2026-02-01");
  ScreenResponse response = Screen();
  ASSERT_THAT(RuleIds(response), ElementsAre("low-platelets"));
  EXPECT_EQ(response.findings(0).summary(),
            "PRP contraindicated: Platelets [#/volume] in Blood by Automated count 120 10*3/uL");
  EXPECT_EQ(response.findings(0).evidence(0).description(),
            "latest observation, value 120 10*3/uL (below 150)");
}

TEST_F(PrpScreeningTest, TheLatestPlateletCountDecides) {
  AddObservation(facts_, kLoinc, "777-3", 210, "10*3/uL", "2026-03-01");
  AddObservation(facts_, kLoinc, "777-3", 90, "10*3/uL", "2025-11-01");
  EXPECT_THAT(Screen().findings(), IsEmpty());
}

TEST_F(PrpScreeningTest, AClinicSetsItsOwnPlateletThreshold) {
  AddObservation(facts_, kLoinc, "26515-7", 120, "10*3/uL", "2026-02-01");
  const Json patch = {{"rules", {{"low-platelets", {{"below", 100}}}}}};
  EXPECT_THAT(Screen(patch).findings(), IsEmpty());
  facts_.mutable_observations(0)->set_value(95);
  EXPECT_THAT(RuleIds(Screen(patch)), ElementsAre("low-platelets"));
}

TEST_F(PrpScreeningTest, ThrombocytopeniaAndBloodborneInfectionsContraindicatePrp) {
  AddCondition(facts_, kSnomed, "302215000");
  AddCondition(facts_, kSnomed, "86406008");
  AddCondition(facts_, kSnomed, "128302006");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  // Findings come in rule-id order.
  ASSERT_THAT(RuleIds(response), ElementsAre("bloodborne-infection", "low-platelets"));
  EXPECT_EQ(response.findings(0).summary(),
            "PRP contraindicated: Human immunodeficiency virus infection, Chronic hepatitis C");
}

TEST_F(PrpScreeningTest, NothingIsSaidWhenPrpIsNotPlanned) {
  AddMedication(facts_, "1364445", "1364430", "apixaban");
  auto plugin = CreateOrDie<PrpPlugin>(kDefaultConfigJson);
  ASSERT_NE(plugin, nullptr);
  ScreenResponse response =
      Answer(*plugin, &Plugin::Screen, MakeScreenRequest(facts_, {Procedure("rf-microneedling")}));
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
  EXPECT_THAT(response.findings(), IsEmpty());
}

TEST_F(PrpScreeningTest, AClinicRemovesAspirinFromTheBloodThinners) {
  AddMedication(facts_, "243670", "1191", "aspirin");
  const Json patch = {
      {"rules",
       {{"blood-thinners",
         {{"medications", {{std::string(code_systems::kRxNorm) + "|1191", nullptr}}}}}}}};
  EXPECT_THAT(RuleIds(Screen()), ElementsAre("blood-thinners"));
  EXPECT_THAT(Screen(patch).findings(), IsEmpty());
}

TEST_F(PrpScreeningTest, EveryDefaultCodeFiresItsRuleOnlyWhileCurrent) {
  ExpectEveryDefaultCodeFires(kDefaultConfigJson, [](const PatientFacts& facts) {
    return AnswerPatched<PrpPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Screen,
                                    MakeScreenRequest(facts, {Procedure("prp-serum")}));
  });
}

TEST_F(PrpScreeningTest, AnNsaidIsACautionNamedByItsIngredient) {
  AddMedication(facts_, "310965", "5640", "ibuprofen");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  ASSERT_THAT(RuleIds(response), ElementsAre("nsaids"));
  ExpectFindingAbout(response.findings(0), "prp-serum", "PRP with caution: ibuprofen (NSAID)",
                     types::v1::INDICATOR_WARNING);
  EXPECT_THAT(response.findings(0).detail(), HasSubstr("platelet activation"));
}

TEST_F(PrpScreeningTest, ASystemicCorticosteroidIsACaution) {
  AddMedication(facts_, "312617", "8640", "prednisone");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  ASSERT_THAT(RuleIds(response), ElementsAre("systemic-steroids"));
  EXPECT_EQ(response.findings(0).summary(),
            "PRP with caution: prednisone (systemic corticosteroid)");
}

TEST_F(PrpScreeningTest, AnaemiaInEitherCodeSystemOrALowHaemoglobinNeedsReview) {
  AddCondition(facts_, kSnomed, "271737000", types::v1::CONDITION_STATUS_ACTIVE,
               "Anemia (disorder)");
  AddCondition(facts_, std::string(kIcd10Cm), "D64.9");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
  ASSERT_THAT(RuleIds(response), ElementsAre("anaemia"));
  EXPECT_EQ(response.findings(0).summary(),
            "PRP needs review: anaemia (Anemia (disorder), Anemia, unspecified)");

  PatientFacts haemoglobin;
  AddObservation(haemoglobin, kLoinc, "718-7", 10.4, "g/dL", "2026-01-05");
  EXPECT_THAT(AnswerPatched<PrpPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Screen,
                                       MakeScreenRequest(haemoglobin, {Procedure("prp-serum")}))
                  .findings(),
              IsEmpty());
  AddObservation(haemoglobin, kLoinc, "718-7", 9.1, "g/dL", "2026-02-05");
  ScreenResponse low =
      AnswerPatched<PrpPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Screen,
                               MakeScreenRequest(haemoglobin, {Procedure("prp-serum")}));
  ASSERT_THAT(RuleIds(low), ElementsAre("anaemia"));
  EXPECT_EQ(low.findings(0).evidence(0).description(),
            "latest observation, value 9.1 g/dL (below 10)");
}

TEST_F(PrpScreeningTest, Icd10CmCodesBlockPrpAsTheirSnomedCounterpartsDo) {
  AddCondition(facts_, std::string(kIcd10Cm), "D69.6");
  AddCondition(facts_, std::string(kIcd10Cm), "D66");
  AddCondition(facts_, std::string(kIcd10Cm), "B20");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  EXPECT_THAT(RuleIds(response),
              ElementsAre("bloodborne-infection", "clotting-disorder", "low-platelets"));
}

TEST_F(PrpScreeningTest, TheMostRestrictiveRuleDecidesAndEachKeepsItsFinding) {
  AddMedication(facts_, "849574", "7258", "naproxen");
  AddCondition(facts_, std::string(kIcd10Cm), "D50.9");
  ScreenResponse response = Screen();
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
  EXPECT_THAT(RuleIds(response), ElementsAre("anaemia", "nsaids"));
}

}  // namespace
}  // namespace needlework::prp
