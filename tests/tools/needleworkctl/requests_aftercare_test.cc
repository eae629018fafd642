// Requests of the aftercare commands, built from parsed command lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "commands/aftercare.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;

TEST(BuildAftercareRequestTest, GetAftercarePlan) {
  EXPECT_EQ(
      BuildGetAftercarePlanRequest(Parse<AftercareArgs>({"aftercare", "ap-1"})).appointment_id(),
      "ap-1");
}

TEST(BuildAftercareRequestTest, ListDueMessagesWithAndWithoutFlags) {
  v1::ListDueMessagesRequest request = BuildListDueMessagesRequest(Parse<AftercareArgs>(
      {"messages", "due", "--up-to", "2026-03-02T18:00+01:00", "--limit", "25"}));
  EXPECT_EQ(request.up_to(), "2026-03-02T18:00:00+01:00");
  EXPECT_EQ(request.limit(), 25);
  v1::ListDueMessagesRequest defaults =
      BuildListDueMessagesRequest(Parse<AftercareArgs>({"messages", "due"}));
  EXPECT_EQ(defaults.up_to(), "");  // the host's now
  EXPECT_EQ(defaults.limit(), 0);   // the host's default
}

TEST(BuildAftercareRequestTest, MarkMessagesSentKeepsTheOrder) {
  v1::MarkMessagesSentRequest request =
      BuildMarkMessagesSentRequest(Parse<AftercareArgs>({"messages", "sent", "m-2", "m-1"}));
  EXPECT_THAT(request.message_ids(), ElementsAre("m-2", "m-1"));
}

TEST(BuildAftercareRequestTest, ReportSymptom) {
  v1::ReportSymptomRequest request = BuildReportSymptomRequest(
      Parse<AftercareArgs>({"symptom", "ap-1", "--symptom", "swelling", "--severity", "severe",
                            "--note", "eyes puffy", "--language", "en-GB"}));
  EXPECT_EQ(request.appointment_id(), "ap-1");
  EXPECT_EQ(request.symptom().system(), code_systems::kSymptom);
  EXPECT_EQ(request.symptom().code(), "swelling");
  EXPECT_EQ(request.symptom().display(), "");
  EXPECT_EQ(request.severity(), types::v1::SYMPTOM_SEVERITY_SEVERE);
  EXPECT_EQ(request.note(), "eyes puffy");
  EXPECT_EQ(request.language(), "en-GB");
}

TEST(BuildAftercareRequestTest, ReportSymptomOtherSystemWithoutNoteOrLanguage) {
  v1::ReportSymptomRequest request = BuildReportSymptomRequest(Parse<AftercareArgs>(
      {"symptom", "ap-1", "--symptom", "http://snomed.info/sct|271807003", "--severity", "mild"}));
  EXPECT_EQ(request.symptom().system(), "http://snomed.info/sct");
  EXPECT_EQ(request.symptom().code(), "271807003");
  EXPECT_EQ(request.severity(), types::v1::SYMPTOM_SEVERITY_MILD);
  EXPECT_EQ(request.note(), "");
  EXPECT_EQ(request.language(), "");
}

TEST(BuildAftercareRequestTest, ListSymptomReportsSetsTheOneFilter) {
  v1::ListSymptomReportsRequest patient =
      BuildListSymptomReportsRequest(Parse<AftercareArgs>({"symptoms", "--patient", "Patient/7"}));
  EXPECT_EQ(patient.filter_case(), v1::ListSymptomReportsRequest::kPatientRef);
  EXPECT_EQ(patient.patient_ref(), "Patient/7");
  v1::ListSymptomReportsRequest appointment =
      BuildListSymptomReportsRequest(Parse<AftercareArgs>({"symptoms", "--appointment", "ap-9"}));
  EXPECT_EQ(appointment.filter_case(), v1::ListSymptomReportsRequest::kAppointmentId);
  EXPECT_EQ(appointment.appointment_id(), "ap-9");
}

}  // namespace
}  // namespace needlework::ctl
