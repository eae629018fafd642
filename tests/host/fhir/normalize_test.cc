// NormalizeFhir: Patient, Condition, AllergyIntolerance, Observation, Bundles, patient identity.
// Medications: medication_test.cc. Error messages and bounds: errors_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "host/fhir/fhir_test_util.h"

namespace needlework::fhir {
namespace {

using testing::NormalizeOk;
using ::testing::SizeIs;
using types::v1::PatientFacts;

constexpr char kPatient[] = R"({
  "resourceType": "Patient", "id": "p1",
  "meta": {"profile": ["http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"]},
  "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                 "valueCode": "F"}],
  "name": [{"family": "Example", "given": ["Ann"]}],
  "gender": "female", "birthDate": "1990-04-02"})";

// A Condition of patient p1 with the given clinical and verification status codes.
std::string ConditionJson(const std::string& clinical, const std::string& verification) {
  return R"({"resourceType": "Condition", "id": "c1",
    "clinicalStatus": {"coding": [{"system":
      "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": ")" +
         clinical + R"("}]},
    "verificationStatus": {"coding": [{"system":
      "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": ")" +
         verification + R"("}]},
    "code": {"coding": [{"system": "http://snomed.info/sct", "code": "88616000",
                         "display": "Acne vulgaris"},
                        {"system": "http://example.org/local", "display": "no code"},
                        {"code": "L70.0"}],
             "text": "Acne"},
    "subject": {"reference": "Patient/p1"},
    "onsetDateTime": "2024-01-05"})";
}

TEST(NormalizePatientTest, ReadsIdBirthDateAndGender) {
  PatientFacts facts = NormalizeOk({kPatient});
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
  EXPECT_EQ(facts.birth_date(), "1990-04-02");
  EXPECT_EQ(facts.sex(), "female");
}

TEST(NormalizePatientTest, EmptyInputGivesEmptyFacts) {
  PatientFacts facts = NormalizeOk({});
  EXPECT_EQ(facts.patient_ref(), "");
  EXPECT_THAT(facts.conditions(), SizeIs(0));
}

TEST(NormalizePatientTest, SamePatientTwiceIsFine) {
  PatientFacts facts = NormalizeOk({kPatient, kPatient});
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
}

TEST(NormalizeConditionTest, KeepsCodingsWithSystemAndCodeTextOnsetAndSource) {
  PatientFacts facts = NormalizeOk({kPatient, ConditionJson("active", "confirmed")});
  ASSERT_THAT(facts.conditions(), SizeIs(1));
  const types::v1::Condition& condition = facts.conditions(0);
  ASSERT_THAT(condition.codes(), SizeIs(1));
  EXPECT_EQ(condition.codes(0).system(), "http://snomed.info/sct");
  EXPECT_EQ(condition.codes(0).code(), "88616000");
  EXPECT_EQ(condition.codes(0).display(), "Acne vulgaris");
  EXPECT_EQ(condition.text(), "Acne");
  EXPECT_EQ(condition.onset(), "2024-01-05");
  EXPECT_EQ(condition.source_ref(), "Condition/c1");
  EXPECT_EQ(condition.clinical_status(), types::v1::CONDITION_STATUS_ACTIVE);
}

struct ConditionStatusCase {
  const char* code;
  types::v1::ConditionStatus status;
};

class ConditionStatusTest : public ::testing::TestWithParam<ConditionStatusCase> {};

TEST_P(ConditionStatusTest, MapsClinicalStatus) {
  PatientFacts facts = NormalizeOk({ConditionJson(GetParam().code, "confirmed")});
  ASSERT_THAT(facts.conditions(), SizeIs(1));
  EXPECT_EQ(facts.conditions(0).clinical_status(), GetParam().status);
}

INSTANTIATE_TEST_SUITE_P(
    AllCodes, ConditionStatusTest,
    ::testing::Values(ConditionStatusCase{"active", types::v1::CONDITION_STATUS_ACTIVE},
                      ConditionStatusCase{"recurrence", types::v1::CONDITION_STATUS_RECURRENCE},
                      ConditionStatusCase{"relapse", types::v1::CONDITION_STATUS_RELAPSE},
                      ConditionStatusCase{"inactive", types::v1::CONDITION_STATUS_INACTIVE},
                      ConditionStatusCase{"remission", types::v1::CONDITION_STATUS_REMISSION},
                      ConditionStatusCase{"resolved", types::v1::CONDITION_STATUS_RESOLVED}));

TEST(NormalizeConditionTest, DropsEnteredInErrorAndRefuted) {
  EXPECT_THAT(NormalizeOk({ConditionJson("active", "entered-in-error")}).conditions(), SizeIs(0));
  EXPECT_THAT(NormalizeOk({ConditionJson("active", "refuted")}).conditions(), SizeIs(0));
  EXPECT_THAT(NormalizeOk({ConditionJson("active", "unconfirmed")}).conditions(), SizeIs(1));
  EXPECT_THAT(NormalizeOk({ConditionJson("active", "provisional")}).conditions(), SizeIs(1));
}

TEST(NormalizeConditionTest, ToleratesMissingOptionalFieldsAndOtherCodeSystems) {
  // entered-in-error Conditions carry no clinicalStatus; a local status coding is skipped.
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Condition",
    "clinicalStatus": {"coding": [{"system": "http://example.org/local", "code": "x"}]},
    "onsetPeriod": {"start": "2020-02-02"}, "note": [{"text": "n"}], "code": null})"});
  ASSERT_THAT(facts.conditions(), SizeIs(1));
  EXPECT_EQ(facts.conditions(0).clinical_status(), types::v1::CONDITION_STATUS_UNSPECIFIED);
  EXPECT_EQ(facts.conditions(0).onset(), "2020-02-02");
  EXPECT_EQ(facts.conditions(0).source_ref(), "");
  EXPECT_EQ(facts.patient_ref(), "");
}

constexpr char kAllergyTemplate[] = R"({"resourceType": "AllergyIntolerance", "id": "a1",
  "clinicalStatus": {"coding": [{"system":
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "code": "%s"}]},
  "verificationStatus": {"coding": [{"system":
    "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "code": "%s"}]},
  "type": "allergy", "category": ["medication"], "criticality": "low",
  "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                       "code": "1191", "display": "Aspirin"}], "text": "Aspirin"},
  "patient": {"reference": "Patient/p1"},
  "reaction": [{"manifestation": [{"coding": [{"system": "http://snomed.info/sct",
                                                "code": "247472004"}]}]}]})";

std::string AllergyJson(const std::string& clinical, const std::string& verification) {
  std::string json = kAllergyTemplate;
  json.replace(json.find("%s"), 2, clinical);
  json.replace(json.find("%s"), 2, verification);
  return json;
}

TEST(NormalizeAllergyTest, ReadsCodeTextStatusAndSource) {
  PatientFacts facts = NormalizeOk({kPatient, AllergyJson("active", "confirmed")});
  ASSERT_THAT(facts.allergies(), SizeIs(1));
  EXPECT_EQ(facts.allergies(0).codes(0).code(), "1191");
  EXPECT_EQ(facts.allergies(0).text(), "Aspirin");
  EXPECT_EQ(facts.allergies(0).source_ref(), "AllergyIntolerance/a1");
  EXPECT_EQ(facts.allergies(0).clinical_status(), types::v1::ALLERGY_STATUS_ACTIVE);
}

TEST(NormalizeAllergyTest, MapsEveryClinicalStatusAndDropsRetracted) {
  EXPECT_EQ(NormalizeOk({AllergyJson("inactive", "confirmed")}).allergies(0).clinical_status(),
            types::v1::ALLERGY_STATUS_INACTIVE);
  EXPECT_EQ(NormalizeOk({AllergyJson("resolved", "unconfirmed")}).allergies(0).clinical_status(),
            types::v1::ALLERGY_STATUS_RESOLVED);
  EXPECT_THAT(NormalizeOk({AllergyJson("active", "refuted")}).allergies(), SizeIs(0));
  EXPECT_THAT(NormalizeOk({AllergyJson("active", "entered-in-error")}).allergies(), SizeIs(0));
}

constexpr char kObservation[] = R"({"resourceType": "Observation", "id": "o1",
  "status": "final",
  "category": [{"coding": [{"system":
    "http://terminology.hl7.org/CodeSystem/observation-category", "code": "exam"}]}],
  "code": {"coding": [{"system": "https://needlework.dev/fhir/CodeSystem/observation",
                       "code": "fitzpatrick-skin-type"}]},
  "subject": {"reference": "Patient/p1"},
  "effectiveDateTime": "2025-03-01T10:00:00Z",
  "valueQuantity": {"value": 3, "unit": "type", "system": "http://unitsofmeasure.org",
                    "code": "{type}"}})";

TEST(NormalizeObservationTest, ReadsQuantityCodeEffectiveAndSource) {
  PatientFacts facts = NormalizeOk({kPatient, kObservation});
  ASSERT_THAT(facts.observations(), SizeIs(1));
  const types::v1::Observation& observation = facts.observations(0);
  EXPECT_EQ(observation.codes(0).code(), "fitzpatrick-skin-type");
  ASSERT_TRUE(observation.has_value());
  EXPECT_DOUBLE_EQ(observation.value(), 3.0);
  EXPECT_EQ(observation.unit(), "type");
  EXPECT_EQ(observation.effective(), "2025-03-01T10:00:00Z");
  EXPECT_EQ(observation.source_ref(), "Observation/o1");
}

TEST(NormalizeObservationTest, ReadsCodedValueAndUcumCodeAsUnit) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Observation", "status": "amended",
    "code": {"coding": [{"system": "http://loinc.org", "code": "72166-2"}]},
    "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct",
                                         "code": "8517006", "display": "Ex-smoker"}]},
    "effectivePeriod": {"start": "2024-05-01"}})",
                                    R"({"resourceType": "Observation", "status": "final",
    "code": {"coding": [{"system": "http://loinc.org", "code": "8302-2"}]},
    "valueQuantity": {"value": 170.5, "code": "cm"}})"});
  ASSERT_THAT(facts.observations(), SizeIs(2));
  EXPECT_FALSE(facts.observations(0).has_value());
  EXPECT_EQ(facts.observations(0).value_codes(0).code(), "8517006");
  EXPECT_EQ(facts.observations(0).effective(), "2024-05-01");
  EXPECT_DOUBLE_EQ(facts.observations(1).value(), 170.5);
  EXPECT_EQ(facts.observations(1).unit(), "cm");
}

TEST(NormalizeObservationTest, ReadsIntegerValue) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Observation", "status": "final",
    "code": {"coding": [{"system": "https://needlework.dev/fhir/CodeSystem/observation",
                         "code": "skin-laxity-grade"}]},
    "valueInteger": 2})"});
  ASSERT_THAT(facts.observations(), SizeIs(1));
  EXPECT_DOUBLE_EQ(facts.observations(0).value(), 2.0);
  EXPECT_EQ(facts.observations(0).unit(), "");
}

TEST(NormalizeObservationTest, DropsEnteredInErrorAndCancelled) {
  std::string in_error = kObservation;
  in_error.replace(in_error.find("\"final\""), 7, "\"entered-in-error\"");
  std::string cancelled = kObservation;
  cancelled.replace(cancelled.find("\"final\""), 7, "\"cancelled\"");
  EXPECT_THAT(NormalizeOk({in_error, cancelled}).observations(), SizeIs(0));
}

TEST(NormalizeBundleTest, FlattensEntriesAndSkipsEntriesWithoutResource) {
  const std::string bundle = R"({"resourceType": "Bundle", "type": "collection", "entry": [
    {"fullUrl": "urn:uuid:11111111-2222", "resource": )" +
                             std::string(kPatient) + R"(},
    {"fullUrl": "urn:uuid:c1", "resource": )" +
                             ConditionJson("resolved", "confirmed") + R"(},
    {"request": {"method": "DELETE", "url": "Condition/old"}}]})";
  PatientFacts facts = NormalizeOk({bundle, kObservation});
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
  EXPECT_THAT(facts.conditions(), SizeIs(1));
  EXPECT_THAT(facts.observations(), SizeIs(1));
}

TEST(NormalizeBundleTest, SubjectMayReferToThePatientEntryFullUrl) {
  const std::string bundle = R"({"resourceType": "Bundle", "type": "transaction", "entry": [
    {"fullUrl": "urn:uuid:abc", "resource": {"resourceType": "Patient", "id": "p1"}},
    {"resource": {"resourceType": "Condition", "subject": {"reference": "urn:uuid:abc"}}}]})";
  EXPECT_EQ(NormalizeOk({bundle}).patient_ref(), "Patient/p1");
  EXPECT_EQ(NormalizeOk({R"({"resourceType": "Bundle", "type": "collection"})"}).patient_ref(), "");
}

TEST(NormalizeIdentityTest, WithoutPatientTheFirstSubjectNamesThePatient) {
  PatientFacts facts = NormalizeOk({kObservation, ConditionJson("active", "confirmed")});
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
}

TEST(NormalizeIdentityTest, AbsoluteAndVersionedReferencesMatch) {
  std::string condition = ConditionJson("active", "confirmed");
  condition.replace(condition.find("Patient/p1"), 10,
                    "https://emr.example/fhir/Patient/p1/_history/3");
  EXPECT_THAT(NormalizeOk({kPatient, condition}).conditions(), SizeIs(1));
}

}  // namespace
}  // namespace needlework::fhir
