// Rendering of the aftercare responses: the plan, due messages, marked messages, the triage
// report and the list of reports; and Shorten, which the tables use.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "commands/aftercare.h"
#include "enums.h"
#include "needlework/code_systems.h"
#include "render.h"
#include "render_helpers.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::Message* AddMessage(google::protobuf::RepeatedPtrField<v1::Message>* messages,
                        const std::string& id, const std::string& when, const std::string& kind,
                        const std::string& text) {
  v1::Message* message = messages->Add();
  message->set_message_id(id);
  message->set_status(v1::Message::STATUS_PENDING);
  message->set_occurrence(when);
  message->set_kind(kind);
  message->set_payload_text(text);
  message->set_recipient("Patient/123");
  message->set_about("Appointment/ap-1");
  return message;
}

types::v1::Coding Symptom(const std::string& code) {
  types::v1::Coding coding;
  coding.set_system(std::string(code_systems::kSymptom));
  coding.set_code(code);
  return coding;
}

TEST(ShortenTest, KeepsShortTextOnOneLine) {
  EXPECT_EQ(Shorten("Hello  there\n\tfriend ", 40), "Hello there friend");
  EXPECT_EQ(Shorten("", 10), "");
  EXPECT_EQ(Shorten("exactly10!", 10), "exactly10!");
}

TEST(ShortenTest, CutsLongTextWithDots) {
  EXPECT_EQ(Shorten("exactly 11!", 10), "exactly...");
  EXPECT_EQ(Shorten("one two three four", 9), "one tw...");  // code points, not words
  EXPECT_EQ(Shorten("one two three", 7), "one...");          // no space before the dots
  EXPECT_EQ(Shorten("\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9", 7),
            "\xC3\xA9t\xC3\xA9...");          // cut between code points, not inside one
  EXPECT_EQ(Shorten("abcdefgh", 1), "a...");  // at least 4 columns
}

TEST(TriageLevelTextTest, EveryLevel) {
  EXPECT_EQ(TriageLevelText(types::v1::TRIAGE_LEVEL_EXPECTED), "expected");
  EXPECT_EQ(TriageLevelText(types::v1::TRIAGE_LEVEL_MONITOR), "monitor");
  EXPECT_EQ(TriageLevelText(types::v1::TRIAGE_LEVEL_CONTACT_CLINIC), "contact the clinic");
  EXPECT_EQ(TriageLevelText(types::v1::TRIAGE_LEVEL_URGENT), "URGENT");
  EXPECT_EQ(TriageLevelText(types::v1::TRIAGE_LEVEL_UNSPECIFIED), "unknown");
  EXPECT_EQ(TriageLevelText(static_cast<types::v1::TriageLevel>(99)), "unknown");
}

TEST(RenderAftercarePlanTest, EverySection) {
  v1::AftercarePlan plan;
  plan.set_appointment_id("ap-1");
  plan.set_patient_ref("Patient/123");
  v1::TimedInstruction* sun = plan.add_instructions();
  sun->set_id("avoid-sun");
  sun->set_text("Keep out of direct sun");
  sun->set_from("2026-03-02T10:00:00+00:00");
  sun->set_until("2026-03-09T10:00:00+00:00");
  sun->set_indicator(types::v1::INDICATOR_WARNING);
  v1::TimedInstruction* makeup = plan.add_instructions();
  makeup->set_id("no-makeup");
  makeup->set_text("No makeup");
  makeup->set_from("2026-03-02T10:00:00+00:00");
  makeup->set_until_text("until the skin has healed");
  types::v1::ExpectedEffect* redness = plan.add_expected_effects();
  redness->set_id("redness");
  redness->set_text("Redness like a mild sunburn");
  redness->set_normal_course_hours(48);
  types::v1::ExpectedEffect* peeling = plan.add_expected_effects();
  peeling->set_id("peeling");
  peeling->set_text("Light peeling");
  peeling->set_normal_course_hours(36);
  AddMessage(plan.mutable_messages(), "m-1", "2026-03-02T19:00:00+00:00", "evening",
             "Tonight: wash gently with cool water.");
  v1::Message* next = AddMessage(plan.mutable_messages(), "m-2", "", "next-session", "See you");
  next->set_status(v1::Message::STATUS_WAITING);
  v1::PluginRun* run = plan.add_plugin_runs();
  run->set_plugin_id("aftercare-basic");
  run->set_plugin_version("1.0.0");
  run->set_state(v1::PluginRun::STATE_OK);
  run->set_duration_micros(850);
  EXPECT_EQ(Rendered(plan, RenderAftercarePlan),
            "Aftercare for appointment ap-1, patient Patient/123.\n"
            "\n"
            "Instructions (2):\n"
            "  ID         FROM                  UNTIL                      TEXT\n"
            "  avoid-sun  Mon 2026-03-02 10:00  Mon 2026-03-09 10:00       [warning] Keep out of "
            "direct sun\n"
            "  no-makeup  Mon 2026-03-02 10:00  until the skin has healed  No makeup\n"
            "\n"
            "Expected effects (2):\n"
            "  ID       NORMAL COURSE  TEXT\n"
            "  redness  2 days         Redness like a mild sunburn\n"
            "  peeling  36 hours       Light peeling\n"
            "\n"
            "Messages (2):\n"
            "  ID   STATUS   WHEN                  KIND          TEXT\n"
            "  m-1  pending  Mon 2026-03-02 19:00  evening       Tonight: wash gently with cool "
            "water.\n"
            "  m-2  waiting  -                     next-session  See you\n"
            "\n"
            "Plugin runs (1):\n"
            "  PLUGIN           VERSION  STATE  TIME    MESSAGE\n"
            "  aftercare-basic  1.0.0    ok     850 us  -\n");
}

TEST(RenderAftercarePlanTest, EmptySectionsSayNone) {
  v1::AftercarePlan plan;
  plan.set_appointment_id("ap-1");
  EXPECT_EQ(Rendered(plan, RenderAftercarePlan),
            "Aftercare for appointment ap-1, patient -.\n"
            "\n"
            "Instructions (0):\n"
            "\n"
            "Expected effects (0):\n"
            "\n"
            "Messages (0):\n"
            "\n"
            "Plugin runs (0):\n");
}

TEST(RenderDueMessagesTest, TableWithShortenedText) {
  v1::ListDueMessagesResponse response;
  AddMessage(response.mutable_messages(), "m-1", "2026-03-02T19:00:00+01:00", "evening",
             "Tonight: wash gently with cool water,\npat dry and apply the serum you were given "
             "at the clinic.");
  AddMessage(response.mutable_messages(), "m-22", "2026-03-04T09:00:00+01:00", "day-2",
             "How is your skin?")
      ->set_recipient("Patient/9");
  EXPECT_EQ(Rendered(response, RenderDueMessages),
            "2 messages due.\n"
            "\n"
            "ID    WHEN                  RECIPIENT    ABOUT             KIND     TEXT\n"
            "m-1   Mon 2026-03-02 19:00  Patient/123  Appointment/ap-1  evening  Tonight: wash "
            "gently with cool water, pat dry...\n"
            "m-22  Wed 2026-03-04 09:00  Patient/9    Appointment/ap-1  day-2    How is your "
            "skin?\n");
}

TEST(RenderDueMessagesTest, OneAndNone) {
  v1::ListDueMessagesResponse response;
  EXPECT_EQ(Rendered(response, RenderDueMessages), "No messages due.\n");
  AddMessage(response.mutable_messages(), "m-1", "2026-03-02T19:00:00Z", "evening", "Hi");
  EXPECT_THAT(Rendered(response, RenderDueMessages), ::testing::StartsWith("1 message due.\n"));
}

TEST(RenderMarkedSentTest, MarkedNowAndBefore) {
  v1::MarkMessagesSentResponse response;
  response.add_marked("m-1");
  response.add_marked("m-2");
  response.add_already_sent("m-3");
  EXPECT_EQ(Rendered(response, RenderMarkedSent),
            "Marked sent now (2): m-1, m-2\n"
            "Already sent before (1): m-3\n");
  v1::MarkMessagesSentResponse again;
  again.add_already_sent("m-1");
  EXPECT_EQ(Rendered(again, RenderMarkedSent),
            "Marked sent now (0): none\n"
            "Already sent before (1): m-1\n");
}

v1::SymptomReport Report() {
  v1::SymptomReport report;
  report.set_report_id("sr-1");
  report.set_appointment_id("ap-1");
  report.set_patient_ref("Patient/123");
  *report.mutable_symptom() = Symptom("swelling");
  report.set_severity(types::v1::SYMPTOM_SEVERITY_SEVERE);
  report.set_days_since_session(1.46);
  report.set_level(types::v1::TRIAGE_LEVEL_URGENT);
  report.set_advice("Call the clinic now; if your face or throat swells, call 999.");
  report.set_indicator(types::v1::INDICATOR_CRITICAL);
  report.set_reported_at("2026-03-03T21:00:00+00:00");
  return report;
}

TEST(RenderSymptomReportTest, UrgentFirstThenAdvice) {
  v1::SymptomReport report = Report();
  report.set_note("eyes\npuffy");
  EXPECT_EQ(Rendered(report, RenderSymptomReport),
            "Triage: URGENT\n"
            "  advice              Call the clinic now; if your face or throat swells, call 999.\n"
            "  symptom             symptom swelling\n"
            "  severity            severe\n"
            "  days since session  1.5\n"
            "  appointment         ap-1\n"
            "  patient             Patient/123\n"
            "  note                eyes puffy\n"
            "  reported            Tue 2026-03-03 21:00 +00:00\n"
            "  report              sr-1\n"
            "\n"
            "Plugin runs (0):\n");
}

TEST(RenderSymptomReportTest, EveryLevelAndNoNote) {
  v1::SymptomReport report = Report();
  for (auto [level, text] : std::vector<std::pair<types::v1::TriageLevel, std::string>>{
           {types::v1::TRIAGE_LEVEL_EXPECTED, "expected"},
           {types::v1::TRIAGE_LEVEL_MONITOR, "monitor"},
           {types::v1::TRIAGE_LEVEL_CONTACT_CLINIC, "contact the clinic"},
           {types::v1::TRIAGE_LEVEL_UNSPECIFIED, "unknown"}}) {
    report.set_level(level);
    std::string rendered = Rendered(report, RenderSymptomReport);
    EXPECT_THAT(rendered, ::testing::StartsWith("Triage: " + text + "\n"));
    EXPECT_THAT(rendered, Not(HasSubstr("note")));
  }
}

TEST(RenderSymptomReportsTest, TableAndNone) {
  v1::ListSymptomReportsResponse response;
  EXPECT_EQ(Rendered(response, RenderSymptomReports), "No symptom reports.\n");
  *response.add_reports() = Report();
  v1::SymptomReport* other = response.add_reports();
  other->set_report_id("sr-2");
  other->set_appointment_id("ap-1");
  other->set_patient_ref("Patient/123");
  other->mutable_symptom()->set_system("http://snomed.info/sct");
  other->mutable_symptom()->set_code("271807003");
  other->set_severity(types::v1::SYMPTOM_SEVERITY_MILD);
  other->set_days_since_session(0.3);
  other->set_level(types::v1::TRIAGE_LEVEL_EXPECTED);
  other->set_reported_at("2026-03-02T16:00:00+00:00");
  EXPECT_EQ(
      Rendered(response, RenderSymptomReports),
      "ID    REPORTED              APPOINTMENT  PATIENT      SYMPTOM           SEVERITY  DAYS  "
      "LEVEL     ADVICE\n"
      "sr-1  Tue 2026-03-03 21:00  ap-1         Patient/123  swelling          severe    1.5   "
      "URGENT    Call the clinic now; if your face or...\n"
      "sr-2  Mon 2026-03-02 16:00  ap-1         Patient/123  SNOMED 271807003  mild      0.3   "
      "expected  -\n");
}

}  // namespace
}  // namespace needlework::ctl
