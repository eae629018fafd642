// NormalizeFhir on a chart as an EMR returns it: every FHIR R4 type accepted, the ones
// screening does not read skipped and counted; Procedure, Device and the dates kept.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "host/fhir/fhir_test_util.h"

namespace needlework::fhir {
namespace {

using ::testing::ElementsAre;
using testing::InvalidArgumentContaining;
using testing::NormalizeOk;
using testing::NormalizeStatus;
using ::testing::Pair;
using ::testing::SizeIs;
using types::v1::PatientFacts;

constexpr char kPatient[] = R"({"resourceType": "Patient", "id": "p1"})";

std::string Bundle(const std::vector<std::string>& resources) {
  std::string json = R"({"resourceType": "Bundle", "type": "searchset", "entry": [)";
  for (size_t i = 0; i < resources.size(); ++i) {
    json += (i == 0 ? "" : ",") + std::string(R"({"resource": )") + resources[i] + "}";
  }
  return json + "]}";
}

// The facts and the ignored counts of `resources`, failing the test on an error.
PatientFacts NormalizeCounting(const std::vector<std::string>& resources, IgnoredCounts* ignored) {
  StatusOr<PatientFacts> facts = NormalizeFhir(resources, {}, ignored);
  EXPECT_TRUE(facts.ok()) << facts.status().ToString();
  return facts.ok() ? *facts : PatientFacts();
}

TEST(ChartTest, TypesScreeningDoesNotReadAreSkippedAndCounted) {
  IgnoredCounts ignored;
  PatientFacts facts = NormalizeCounting(
      {Bundle(
           {kPatient,
            R"({"resourceType": "Encounter", "id": "e1", "subject": {"reference": "Patient/p1"}})",
            R"({"resourceType": "Encounter", "id": "e2", "subject": {"reference": "Patient/p1"}})",
            R"({"resourceType": "Immunization", "id": "i1", "patient": {"reference": "Patient/p1"}})",
            R"({"resourceType": "Practitioner", "id": "dr1"})"}),
       R"({"resourceType": "DiagnosticReport", "id": "d1"})"},
      &ignored);
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
  EXPECT_THAT(ignored, ElementsAre(Pair("DiagnosticReport", 1), Pair("Encounter", 2),
                                   Pair("Immunization", 1), Pair("Practitioner", 1)));
}

TEST(ChartTest, TypesScreeningReadsAreNotCounted) {
  IgnoredCounts ignored;
  NormalizeCounting({kPatient, R"({"resourceType": "Procedure", "id": "pr1", "status": "completed",
                                   "code": {"text": "Chemical peel"}})"},
                    &ignored);
  EXPECT_THAT(ignored, SizeIs(0));
}

TEST(ChartTest, ASkippedResourceAboutAnotherPatientIsRefused) {
  EXPECT_THAT(
      NormalizeStatus({Bundle({kPatient, R"({"resourceType": "Encounter", "id": "e1",
                                              "subject": {"reference": "Patient/p2"}})"})}),
      InvalidArgumentContaining("(Bundle entry 1, Encounter/e1): subject.reference \"Patient/p2\" "
                                "is not the patient of this request"));
  EXPECT_THAT(NormalizeStatus({kPatient, R"({"resourceType": "Claim", "id": "c1",
                                             "patient": {"reference": "Patient/p2"}})"}),
              InvalidArgumentContaining("patient.reference \"Patient/p2\""));
}

TEST(ChartTest, ASkippedResourceWhoseSubjectIsNotAReferenceIsLeftAlone) {
  // Contract.subject is a list of References in R4.
  IgnoredCounts ignored;
  NormalizeCounting({kPatient, R"({"resourceType": "Contract", "id": "k1",
                                   "subject": [{"reference": "Group/g1"}]})"},
                    &ignored);
  EXPECT_THAT(ignored, ElementsAre(Pair("Contract", 1)));
}

TEST(ChartTest, ABundleInsideABundleIsStillRefused) {
  EXPECT_THAT(NormalizeStatus({Bundle({Bundle({kPatient})})}),
              InvalidArgumentContaining("a Bundle inside a Bundle is not supported"));
}

TEST(ProcedureTest, ReadsCodeStatusAndPerformedPeriod) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Procedure", "id": "pr1",
      "status": "completed", "subject": {"reference": "Patient/p1"},
      "code": {"coding": [{"system": "http://snomed.info/sct", "code": "430193006",
                           "display": "Medication Reconciliation"}],
               "text": "Medication reconciliation"},
      "performedPeriod": {"start": "2022-06-22T12:31:08-04:00", "end": "2022-06-22T12:46:08-04:00"}})"});
  ASSERT_THAT(facts.procedures(), SizeIs(1));
  const types::v1::Procedure& procedure = facts.procedures(0);
  ASSERT_THAT(procedure.codes(), SizeIs(1));
  EXPECT_EQ(procedure.codes(0).code(), "430193006");
  EXPECT_EQ(procedure.text(), "Medication reconciliation");
  EXPECT_EQ(procedure.status(), types::v1::PROCEDURE_STATUS_COMPLETED);
  EXPECT_EQ(procedure.performed().start(), "2022-06-22T12:31:08-04:00");
  EXPECT_EQ(procedure.performed().end(), "2022-06-22T12:46:08-04:00");
  EXPECT_EQ(procedure.source_ref(), "Procedure/pr1");
  EXPECT_EQ(facts.patient_ref(), "Patient/p1");
}

TEST(ProcedureTest, APerformedDateTimeIsBothStartAndEnd) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Procedure", "status": "completed",
      "code": {"text": "Botulinum toxin, forehead"}, "performedDateTime": "2026-11-30"})"});
  ASSERT_THAT(facts.procedures(), SizeIs(1));
  EXPECT_EQ(facts.procedures(0).performed().start(), "2026-11-30");
  EXPECT_EQ(facts.procedures(0).performed().end(), "2026-11-30");
  EXPECT_THAT(facts.procedures(0).codes(), SizeIs(0));
}

TEST(ProcedureTest, EnteredInErrorIsDroppedAndABadStatusNamed) {
  EXPECT_THAT(NormalizeOk({R"({"resourceType": "Procedure", "status": "entered-in-error",
                               "code": {"text": "x"}})"})
                  .procedures(),
              SizeIs(0));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Procedure", "id": "pr1", "status": "done"})"}),
              InvalidArgumentContaining("(Procedure/pr1): status \"done\" is not a FHIR "
                                        "event-status code (preparation, in-progress"));
}

TEST(DeviceTest, ReadsTypeStatusAndChecksItsPatient) {
  PatientFacts facts = NormalizeOk({kPatient, R"({"resourceType": "Device", "id": "d1",
      "status": "active", "patient": {"reference": "Patient/p1"},
      "type": {"coding": [{"system": "http://snomed.info/sct", "code": "360066001",
                           "display": "Spinal cord stimulator"}]},
      "deviceName": [{"name": "Neurostim X", "type": "user-friendly-name"}]})"});
  ASSERT_THAT(facts.devices(), SizeIs(1));
  EXPECT_EQ(facts.devices(0).codes(0).code(), "360066001");
  EXPECT_EQ(facts.devices(0).status(), types::v1::DEVICE_STATUS_ACTIVE);
  EXPECT_EQ(facts.devices(0).text(), "Neurostim X");
  EXPECT_EQ(facts.devices(0).source_ref(), "Device/d1");
  EXPECT_THAT(NormalizeStatus({kPatient, R"({"resourceType": "Device", "id": "d2",
                                             "patient": {"reference": "Patient/p9"}})"}),
              InvalidArgumentContaining("(Device/d2): patient.reference \"Patient/p9\""));
}

TEST(DeviceTest, EnteredInErrorIsDropped) {
  EXPECT_THAT(
      NormalizeOk({R"({"resourceType": "Device", "status": "entered-in-error"})"}).devices(),
      SizeIs(0));
}

TEST(DatesTest, ConditionKeepsOnsetAndAbatement) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Condition", "code": {"text": "Acne"},
      "onsetPeriod": {"start": "2020-01-01", "end": "2020-02-01"},
      "abatementDateTime": "2021-03-04"})",
                                    R"({"resourceType": "Condition", "code": {"text": "Rash"},
      "abatementPeriod": {"start": "2022-01-01", "end": "2022-01-20"}})"});
  ASSERT_THAT(facts.conditions(), SizeIs(2));
  EXPECT_EQ(facts.conditions(0).onset(), "2020-01-01");
  EXPECT_EQ(facts.conditions(0).abatement(), "2021-03-04");
  EXPECT_EQ(facts.conditions(1).abatement(), "2022-01-20");
}

TEST(DatesTest, MedicationsKeepAuthoredAndEffective) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "MedicationRequest", "status": "stopped",
      "medicationCodeableConcept": {"text": "Isotretinoin 20 mg"}, "authoredOn": "2026-05-01",
      "dispenseRequest": {"validityPeriod": {"start": "2026-05-01", "end": "2026-10-31"}}})",
                                    R"({"resourceType": "MedicationStatement", "status": "active",
      "medicationCodeableConcept": {"text": "Xarelto"}, "dateAsserted": "2026-12-01",
      "effectiveDateTime": "2026-11-15"})"});
  ASSERT_THAT(facts.medications(), SizeIs(2));
  EXPECT_EQ(facts.medications(0).authored_on(), "2026-05-01");
  EXPECT_EQ(facts.medications(0).effective().end(), "2026-10-31");
  EXPECT_EQ(facts.medications(1).authored_on(), "2026-12-01");
  EXPECT_EQ(facts.medications(1).effective().start(), "2026-11-15");
  EXPECT_EQ(facts.medications(1).effective().end(), "2026-11-15");
}

TEST(DatesTest, ObservationKeepsTheEndOfItsPeriod) {
  PatientFacts facts = NormalizeOk({R"({"resourceType": "Observation", "status": "final",
      "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
      "valueQuantity": {"value": 6.1, "unit": "%"},
      "effectivePeriod": {"start": "2026-01-01", "end": "2026-01-02"}})"});
  ASSERT_THAT(facts.observations(), SizeIs(1));
  EXPECT_EQ(facts.observations(0).effective(), "2026-01-01");
  EXPECT_EQ(facts.observations(0).effective_end(), "2026-01-02");
}

}  // namespace
}  // namespace needlework::fhir
