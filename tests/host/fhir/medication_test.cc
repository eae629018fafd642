// NormalizeFhir: MedicationRequest and MedicationStatement.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "host/fhir/fhir_test_util.h"

namespace needlework::fhir {
namespace {

using testing::InvalidArgumentContaining;
using testing::NormalizeOk;
using testing::NormalizeStatus;
using ::testing::SizeIs;
using types::v1::MedicationStatus;
using types::v1::PatientFacts;

// A medication resource of `type` with `status`, coded as warfarin sodium 5 MG Oral Tablet.
std::string MedicationJson(const std::string& type, const std::string& status) {
  return R"({"resourceType": ")" + type + R"(", "id": "m1", "status": ")" + status +
         R"(", "intent": "order",
    "medicationCodeableConcept": {"coding": [{"system":
      "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "855332",
      "display": "warfarin sodium 5 MG Oral Tablet"}], "text": "warfarin 5 mg"},
    "subject": {"reference": "Patient/p1"}, "authoredOn": "2024-02-01",
    "dosageInstruction": [{"sequence": 1, "asNeededBoolean": false}]})";
}

TEST(NormalizeMedicationTest, ReadsCodesTextStatusAndSource) {
  PatientFacts facts = NormalizeOk({MedicationJson("MedicationRequest", "active")});
  ASSERT_THAT(facts.medications(), SizeIs(1));
  const types::v1::Medication& medication = facts.medications(0);
  ASSERT_THAT(medication.codes(), SizeIs(1));
  EXPECT_EQ(medication.codes(0).code(), "855332");
  EXPECT_EQ(medication.text(), "warfarin 5 mg");
  EXPECT_EQ(medication.status(), types::v1::MEDICATION_STATUS_ACTIVE);
  EXPECT_EQ(medication.source_ref(), "MedicationRequest/m1");
  EXPECT_THAT(medication.ingredients(), SizeIs(0));  // the RxNorm map fills them
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
}

struct StatusCase {
  const char* type;
  const char* code;
  MedicationStatus status;
};

class MedicationStatusTest : public ::testing::TestWithParam<StatusCase> {};

TEST_P(MedicationStatusTest, MapsStatus) {
  PatientFacts facts = NormalizeOk({MedicationJson(GetParam().type, GetParam().code)});
  ASSERT_THAT(facts.medications(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).status(), GetParam().status);
}

constexpr char kRequest[] = "MedicationRequest";
constexpr char kStatement[] = "MedicationStatement";

INSTANTIATE_TEST_SUITE_P(
    AllCodes, MedicationStatusTest,
    ::testing::Values(
        StatusCase{kRequest, "active", types::v1::MEDICATION_STATUS_ACTIVE},
        StatusCase{kRequest, "on-hold", types::v1::MEDICATION_STATUS_ON_HOLD},
        StatusCase{kRequest, "cancelled", types::v1::MEDICATION_STATUS_CANCELLED},
        StatusCase{kRequest, "completed", types::v1::MEDICATION_STATUS_COMPLETED},
        StatusCase{kRequest, "entered-in-error", types::v1::MEDICATION_STATUS_ENTERED_IN_ERROR},
        StatusCase{kRequest, "stopped", types::v1::MEDICATION_STATUS_STOPPED},
        StatusCase{kRequest, "draft", types::v1::MEDICATION_STATUS_DRAFT},
        StatusCase{kRequest, "unknown", types::v1::MEDICATION_STATUS_UNKNOWN},
        StatusCase{kStatement, "active", types::v1::MEDICATION_STATUS_ACTIVE},
        StatusCase{kStatement, "completed", types::v1::MEDICATION_STATUS_COMPLETED},
        StatusCase{kStatement, "entered-in-error", types::v1::MEDICATION_STATUS_ENTERED_IN_ERROR},
        StatusCase{kStatement, "intended", types::v1::MEDICATION_STATUS_INTENDED},
        StatusCase{kStatement, "stopped", types::v1::MEDICATION_STATUS_STOPPED},
        StatusCase{kStatement, "on-hold", types::v1::MEDICATION_STATUS_ON_HOLD},
        StatusCase{kStatement, "unknown", types::v1::MEDICATION_STATUS_UNKNOWN},
        StatusCase{kStatement, "not-taken", types::v1::MEDICATION_STATUS_NOT_TAKEN}));

TEST(NormalizeMedicationTest, StatusesOfTheOtherResourceTypeAreRefused) {
  EXPECT_THAT(
      NormalizeStatus({MedicationJson(kRequest, "intended")}),
      InvalidArgumentContaining("status \"intended\" is not a FHIR medicationrequest-status code"));
  EXPECT_THAT(
      NormalizeStatus({MedicationJson(kStatement, "draft")}),
      InvalidArgumentContaining("status \"draft\" is not a FHIR medication-statement-status code"));
}

constexpr char kContainedStatement[] = R"({"resourceType": "MedicationStatement", "id": "s1",
  "contained": [
    {"resourceType": "Organization", "id": "med"},
    {"resourceType": "Medication", "id": "med",
     "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                          "code": "309362", "display": "clopidogrel 75 MG Oral Tablet"}],
              "text": "Plavix generic"}}],
  "status": "active",
  "medicationReference": {"reference": "#med"},
  "subject": {"reference": "Patient/p1"}})";

TEST(NormalizeMedicationTest, ResolvesContainedMedication) {
  PatientFacts facts = NormalizeOk({kContainedStatement});
  ASSERT_THAT(facts.medications(), SizeIs(1));
  ASSERT_THAT(facts.medications(0).codes(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).codes(0).code(), "309362");
  EXPECT_EQ(facts.medications(0).text(), "Plavix generic");
  EXPECT_EQ(facts.medications(0).source_ref(), "MedicationStatement/s1");
}

TEST(NormalizeMedicationTest, AReferenceToAMedicationNotSentIsKeptUncodedByItsDisplay) {
  std::string external = kContainedStatement;
  external.replace(external.find("\"#med\""), 6, R"("Medication/123", "display": "Xarelto 20 mg")");
  PatientFacts facts = NormalizeOk({external});
  ASSERT_THAT(facts.medications(), SizeIs(1));
  EXPECT_THAT(facts.medications(0).codes(), SizeIs(0));
  EXPECT_EQ(facts.medications(0).text(), "Xarelto 20 mg");
  std::string missing = kContainedStatement;
  missing.replace(missing.find("\"#med\""), 6, "\"#other\"");
  facts = NormalizeOk({missing});
  ASSERT_THAT(facts.medications(), SizeIs(1));
  EXPECT_THAT(facts.medications(0).codes(), SizeIs(0));
  EXPECT_EQ(facts.medications(0).text(), "#other");
}

TEST(NormalizeMedicationTest, ResolvesAMedicationSentInTheSameBundle) {
  const std::string bundle = R"({"resourceType": "Bundle", "type": "searchset", "entry": [
    {"fullUrl": "urn:uuid:4f1c", "resource": {"resourceType": "Medication", "id": "m7",
      "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                           "code": "855332", "display": "warfarin sodium 5 MG Oral Tablet"}]}}},
    {"resource": {"resourceType": "MedicationRequest", "id": "r1", "status": "active",
      "medicationReference": {"reference": "Medication/m7"}}},
    {"resource": {"resourceType": "MedicationRequest", "id": "r2", "status": "active",
      "medicationReference": {"reference": "urn:uuid:4f1c"}}}]})";
  PatientFacts facts = NormalizeOk({bundle});
  ASSERT_THAT(facts.medications(), SizeIs(2));
  for (const types::v1::Medication& medication : facts.medications()) {
    ASSERT_THAT(medication.codes(), SizeIs(1));
    EXPECT_EQ(medication.codes(0).code(), "855332");
  }
  EXPECT_EQ(facts.medications(1).source_ref(), "MedicationRequest/r2");
}

TEST(NormalizeMedicationTest, ContainedPathsAppearInTypeErrors) {
  std::string bad = kContainedStatement;
  bad.replace(bad.find("\"309362\""), 8, "309362");
  EXPECT_THAT(
      NormalizeStatus({bad}),
      InvalidArgumentContaining("contained[1].code.coding[0].code: expected a string, got number"));
}

TEST(NormalizeMedicationTest, ReferenceDisplayIsTheTextWhenTheMedicationHasNone) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "MedicationRequest", "status": "active",
    "contained": [{"resourceType": "Medication", "id": "m",
      "code": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                           "code": "1364445"}]}}],
    "medicationReference": {"reference": "#m", "display": "apixaban 5 mg"}})"});
  ASSERT_THAT(facts.medications(), SizeIs(1));
  EXPECT_EQ(facts.medications(0).codes(0).code(), "1364445");
  EXPECT_EQ(facts.medications(0).text(), "apixaban 5 mg");
}

}  // namespace
}  // namespace needlework::fhir
