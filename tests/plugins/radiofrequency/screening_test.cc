// The radiofrequency add-on's cautions, from its default config and from clinic patches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/addon_support/default_rules_check.h"
#include "plugins/radiofrequency/embedded_config.h"
#include "plugins/radiofrequency/radiofrequency_plugin.h"

namespace needlework::radiofrequency {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

class RadiofrequencyScreeningTest : public ::testing::Test {
 protected:
  ScreenResponse Screen(const PatientFacts& facts, std::vector<std::string_view> areas = {"face"},
                        const Json& patch = Json::object()) {
    return AnswerPatched<RadiofrequencyPlugin>(kDefaultConfigJson, patch, &Plugin::Screen,
                                               MakeScreenRequest(facts, {rf_}, areas));
  }

  const Coding rf_ = Procedure("rf-microneedling");
  PatientFacts facts_;
};

TEST_F(RadiofrequencyScreeningTest, APacemakerContraindicatesRfWithItsEvidence) {
  AddCondition(facts_, kSnomed, "441509002");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_THAT(RuleIds(response), ElementsAre("implanted-electronic-device"));
  const auto& finding = response.findings(0);
  ExpectFindingAbout(finding, "rf-microneedling",
                     "RF microneedling contraindicated: Cardiac pacemaker in situ",
                     types::v1::INDICATOR_CRITICAL);
  ASSERT_EQ(finding.evidence_size(), 1);
  EXPECT_EQ(finding.evidence(0).code().code(), "441509002");
  EXPECT_EQ(finding.evidence(0).source_ref(), "Condition/441509002");
  EXPECT_EQ(finding.evidence(0).description(), "active condition");
}

TEST_F(RadiofrequencyScreeningTest, ADefibrillatorIsNamedAsTheRecordNamesIt) {
  AddCondition(facts_, kSnomed, "443325000", types::v1::CONDITION_STATUS_ACTIVE, "ICD in situ");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).summary(), "RF microneedling contraindicated: ICD in situ");
}

TEST_F(RadiofrequencyScreeningTest, ARemovedDeviceOrAnotherCodeSystemDoesNotCount) {
  AddCondition(facts_, kSnomed, "441509002", types::v1::CONDITION_STATUS_RESOLVED);
  AddCondition(facts_, "http://example.org/other", "441509002");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
  EXPECT_THAT(response.findings(), IsEmpty());
}

TEST_F(RadiofrequencyScreeningTest, NothingIsSaidWhenRfIsNotPlanned) {
  AddCondition(facts_, kSnomed, "441509002");
  auto plugin = CreateOrDie<RadiofrequencyPlugin>(kDefaultConfigJson);
  ASSERT_NE(plugin, nullptr);
  for (const auto& add_ons : {std::vector<Coding>{}, std::vector<Coding>{Procedure("prp-serum")}}) {
    ScreenResponse response = Answer(*plugin, &Plugin::Screen, MakeScreenRequest(facts_, add_ons));
    EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
    EXPECT_THAT(response.findings(), IsEmpty());
  }
}

TEST_F(RadiofrequencyScreeningTest, AMetalImplantIsACaution) {
  AddCondition(facts_, std::string(kIcd10Cm), "Z96.7");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  ASSERT_THAT(RuleIds(response), ElementsAre("metal-implant"));
  EXPECT_EQ(response.findings(0).indicator(), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(response.findings(0).summary(),
            "RF microneedling with caution: metal implant (Presence of other bone and tendon "
            "implants)");
}

TEST_F(RadiofrequencyScreeningTest, AClinicCanLimitTheImplantCautionToTreatedAreas) {
  AddCondition(facts_, std::string(kIcd10Cm), "Z96.60");
  const Json patch = {{"rules", {{"metal-implant", {{"treatment_areas", {{"hands", "hands"}}}}}}}};
  EXPECT_THAT(Screen(facts_, {"face", "neck"}, patch).findings(), IsEmpty());
  EXPECT_THAT(RuleIds(Screen(facts_, {"neck", "hands"}, patch)), ElementsAre("metal-implant"));
  // Areas unknown: the caution stands.
  EXPECT_THAT(RuleIds(Screen(facts_, {}, patch)), ElementsAre("metal-implant"));
}

TEST_F(RadiofrequencyScreeningTest, PregnancyDefersRfWhileItIsActive) {
  AddCondition(facts_, kSnomed, "72892002", types::v1::CONDITION_STATUS_ACTIVE, "Normal pregnancy");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
  ASSERT_THAT(RuleIds(response), ElementsAre("pregnancy"));
  EXPECT_EQ(response.findings(0).summary(), "RF microneedling deferred: Normal pregnancy");

  PatientFacts past;
  AddCondition(past, kSnomed, "77386006", types::v1::CONDITION_STATUS_RESOLVED);
  EXPECT_EQ(Screen(past).outcome(), types::v1::OUTCOME_ELIGIBLE);
}

TEST_F(RadiofrequencyScreeningTest, EveryRuleSpeaksAndTheMostRestrictiveOutcomeWins) {
  AddCondition(facts_, kSnomed, "77386006");
  AddCondition(facts_, std::string(kIcd10Cm), "Z96.5");
  AddCondition(facts_, kSnomed, "443325000");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  EXPECT_THAT(RuleIds(response),
              ElementsAre("implanted-electronic-device", "metal-implant", "pregnancy"));
}

TEST_F(RadiofrequencyScreeningTest, AClinicChangesACodeSetAndSwitchesARuleOff) {
  const Json patch = {{"rules",
                       {{"implanted-electronic-device",
                         {{"conditions",
                           {{"http://snomed.info/sct|441509002", nullptr},
                            {"http://snomed.info/sct|43252007", "Cochlear implant"}}}}},
                        {"pregnancy", {{"enabled", false}}}}}};
  AddCondition(facts_, kSnomed, "441509002");
  AddCondition(facts_, kSnomed, "77386006");
  EXPECT_THAT(Screen(facts_, {"face"}, patch).findings(), IsEmpty());
  AddCondition(facts_, kSnomed, "43252007");
  ScreenResponse response = Screen(facts_, {"face"}, patch);
  ASSERT_THAT(RuleIds(response), ElementsAre("implanted-electronic-device"));
  EXPECT_EQ(response.findings(0).summary(), "RF microneedling contraindicated: Cochlear implant");
}

TEST_F(RadiofrequencyScreeningTest, EveryDefaultCodeFiresItsRuleOnlyWhileCurrent) {
  ExpectEveryDefaultCodeFires(kDefaultConfigJson,
                              [this](const PatientFacts& facts) { return Screen(facts); });
}

TEST_F(RadiofrequencyScreeningTest, ANeurostimulatorCodedInIcd10CmContraindicatesRf) {
  AddCondition(facts_, std::string(kIcd10Cm), "Z96.82");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_THAT(RuleIds(response), ElementsAre("implanted-electronic-device"));
  EXPECT_EQ(response.findings(0).summary(),
            "RF microneedling contraindicated: Presence of neurostimulator");
  EXPECT_THAT(response.findings(0).detail(), HasSubstr("neurostimulators"));
}

TEST_F(RadiofrequencyScreeningTest, AnImplantedDefibrillatorRecordedAsADeviceContraindicatesRf) {
  auto* device = facts_.add_devices();
  *device->add_codes() = MakeCoding(kSnomed, "72506001");
  device->set_status(types::v1::DEVICE_STATUS_ACTIVE);
  device->set_text("Implantable defibrillator");
  device->set_source_ref("Device/icd-1");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_THAT(RuleIds(response), ElementsAre("implanted-electronic-device"));
  EXPECT_EQ(response.findings(0).evidence(0).source_ref(), "Device/icd-1");
  device->set_status(types::v1::DEVICE_STATUS_INACTIVE);  // explanted
  EXPECT_THAT(Screen(facts_).findings(), IsEmpty());
}

TEST_F(RadiofrequencyScreeningTest, AGoldOrNickelAllergyContraindicatesRfOnly) {
  AddAllergy(facts_, kSnomed, "33396006", types::v1::ALLERGY_STATUS_ACTIVE, "Nickel");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_THAT(RuleIds(response), ElementsAre("metal-allergy"));
  ExpectFindingAbout(response.findings(0), "rf-microneedling",
                     "RF microneedling contraindicated: allergy to Nickel",
                     types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(response.findings(0).evidence(0).description(), "active allergy");

  PatientFacts gold;
  AddAllergy(gold, kSnomed, "2309006");
  EXPECT_EQ(Screen(gold).findings(0).summary(),
            "RF microneedling contraindicated: allergy to Gold");
  PatientFacts other_system;  // the same digits in another code system are another substance
  AddAllergy(other_system, "http://www.nlm.nih.gov/research/umls/rxnorm", "2309006");
  EXPECT_THAT(Screen(other_system).findings(), IsEmpty());
}

TEST_F(RadiofrequencyScreeningTest, AClinicWithMetalFreeCartridgesCanMakeTheAllergyAReview) {
  AddAllergy(facts_, kSnomed, "2309006");
  const Json patch = {{"rules", {{"metal-allergy", {{"outcome", "review_required"}}}}}};
  EXPECT_EQ(Screen(facts_, {"face"}, patch).outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
}

TEST_F(RadiofrequencyScreeningTest, PregnancyCodedInIcd10CmDefersRf) {
  AddCondition(facts_, std::string(kIcd10Cm), "Z33.1");
  ScreenResponse response = Screen(facts_);
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
  EXPECT_THAT(RuleIds(response), ElementsAre("pregnancy"));
}

}  // namespace
}  // namespace needlework::radiofrequency
