// ParseArgs for the aftercare commands: every command and flag, and every usage error they
// add.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "command.h"
#include "commands/aftercare.h"
#include "commands/planning.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

TEST(ParseAftercareTest, AftercarePlan) {
  auto command = Parse<AftercareArgs>({"aftercare", "ap-1", "--json"});
  EXPECT_EQ(command.name, "aftercare");
  EXPECT_EQ(command.appointment_id, "ap-1");
  EXPECT_TRUE(command.options.json);
}

TEST(ParseAftercareTest, MessagesDueDefaults) {
  auto command = Parse<AftercareArgs>({"messages", "due"});
  EXPECT_EQ(command.name, "messages due");
  EXPECT_EQ(command.up_to, "");
  EXPECT_EQ(command.limit, 0);
}

TEST(ParseAftercareTest, MessagesDueUpToAndLimit) {
  auto command = Parse<AftercareArgs>(
      {"messages", "due", "--up-to", "2026-03-02T18:00+01:00", "--limit=1000"});
  EXPECT_EQ(command.up_to, "2026-03-02T18:00:00+01:00");  // seconds added
  EXPECT_EQ(command.limit, 1000);
  EXPECT_EQ(Parse<AftercareArgs>({"messages", "due", "--up-to", "2026-03-02T18:00:00Z"}).up_to,
            "2026-03-02T18:00:00Z");
  EXPECT_EQ(Parse<AftercareArgs>({"messages", "due", "--limit", "1"}).limit, 1);
}

TEST(ParseAftercareTest, MessagesSentTakesEveryId) {
  auto command = Parse<AftercareArgs>({"messages", "sent", "m-1", "m-2", "m-3"});
  EXPECT_EQ(command.name, "messages sent");
  EXPECT_THAT(command.message_ids, ElementsAre("m-1", "m-2", "m-3"));
  EXPECT_THAT(Parse<AftercareArgs>({"messages", "sent", "--", "-odd"}).message_ids,
              ElementsAre("-odd"));
}

TEST(ParseAftercareTest, SymptomWithABareCode) {
  auto command = Parse<AftercareArgs>({"symptom", "ap-1", "--symptom", "redness", "--severity",
                                       "moderate", "--note", "hot to touch", "--language", "fr"});
  EXPECT_EQ(command.name, "symptom");
  EXPECT_EQ(command.appointment_id, "ap-1");
  EXPECT_EQ(command.symptom.system(), code_systems::kSymptom);
  EXPECT_EQ(command.symptom.code(), "redness");
  EXPECT_EQ(command.symptom_severity, types::v1::SYMPTOM_SEVERITY_MODERATE);
  // A plan's severity is not among AftercareArgs: --severity cannot land there.
  EXPECT_EQ(command.note, "hot to touch");
  EXPECT_EQ(command.language, "fr");
}

TEST(ParseAftercareTest, SymptomWithASystemAndCodeAndEverySeverity) {
  auto command = Parse<AftercareArgs>(
      {"symptom", "ap-1", "--symptom", "http://snomed.info/sct|247441003", "--severity", "SEVERE"});
  EXPECT_EQ(command.symptom.system(), "http://snomed.info/sct");
  EXPECT_EQ(command.symptom.code(), "247441003");
  EXPECT_EQ(command.symptom_severity, types::v1::SYMPTOM_SEVERITY_SEVERE);
  EXPECT_EQ(command.note, "");
  EXPECT_EQ(command.language, "");
  EXPECT_EQ(Parse<AftercareArgs>({"symptom", "a", "--symptom", "itch", "--severity", "mild"})
                .symptom_severity,
            types::v1::SYMPTOM_SEVERITY_MILD);
}

TEST(ParseAftercareTest, SymptomLanguageTags) {
  for (const char* tag : {"en", "fra", "pt-BR", "zh-Hant-TW", "es-419"}) {
    EXPECT_EQ(Parse<AftercareArgs>(
                  {"symptom", "a", "--symptom", "s", "--severity", "mild", "--language", tag})
                  .language,
              tag);
  }
}

TEST(ParseAftercareTest, SymptomsOfAPatientOrAnAppointment) {
  auto patient = Parse<AftercareArgs>({"symptoms", "--patient", "Patient/123"});
  EXPECT_EQ(patient.name, "symptoms");
  EXPECT_EQ(patient.patient_ref, "Patient/123");
  EXPECT_EQ(patient.appointment_id, "");
  auto appointment = Parse<AftercareArgs>({"symptoms", "--appointment", "ap-1"});
  EXPECT_EQ(appointment.appointment_id, "ap-1");
  EXPECT_EQ(appointment.patient_ref, "");
}

TEST(ParseAftercareErrorsTest, AftercareArguments) {
  EXPECT_EQ(Problem({"aftercare"}), "aftercare: missing <appointment-id>");
  EXPECT_EQ(Problem({"aftercare", "a", "b"}), "aftercare: unexpected argument 'b'");
  EXPECT_EQ(Problem({"aftercare", "a", "--limit", "3"}), "aftercare: does not take --limit");
}

TEST(ParseAftercareErrorsTest, MessagesSubcommands) {
  EXPECT_THAT(Error({"messages"}), StartsWith("messages: missing subcommand\n"
                                              "usage: needleworkctl [global flags] messages due "
                                              "[--up-to TIME] [--limit N]\n"
                                              "       needleworkctl [global flags] messages sent "
                                              "<message-id>...\n"));
  EXPECT_EQ(Problem({"messages", "send", "m-1"}), "messages: unknown subcommand 'send'");
  EXPECT_EQ(Problem({"messages", "due", "extra"}), "messages due: unexpected argument 'extra'");
}

TEST(ParseAftercareErrorsTest, MessagesDueFlags) {
  EXPECT_THAT(Problem({"messages", "due", "--up-to", "2026-03-02"}),
              StartsWith("messages due: --up-to: '2026-03-02'"));
  EXPECT_THAT(Problem({"messages", "due", "--up-to", "2026-03-02T18:00:00"}),
              StartsWith("messages due: --up-to: '2026-03-02T18:00:00' has no offset"));
  EXPECT_EQ(Problem({"messages", "due", "--up-to", ""}), "messages due: --up-to is empty");
  EXPECT_THAT(Problem({"messages", "due", "--limit", "0"}), StartsWith("messages due: --limit: "));
  EXPECT_THAT(Problem({"messages", "due", "--limit", "1001"}),
              StartsWith("messages due: --limit: "));
  EXPECT_THAT(Problem({"messages", "due", "--limit", "-5"}), StartsWith("messages due: --limit"));
  EXPECT_THAT(Problem({"messages", "due", "--limit", "ten"}),
              StartsWith("messages due: --limit: "));
  EXPECT_EQ(Problem({"messages", "due", "--limit", "5", "--limit", "6"}),
            "messages due: --limit given more than once");
  EXPECT_EQ(Problem({"messages", "due", "--patient", "P/1"}),
            "messages due: does not take --patient");
}

TEST(ParseAftercareErrorsTest, MessagesSentIds) {
  EXPECT_EQ(Problem({"messages", "sent"}), "messages sent: missing <message-id>");
  EXPECT_EQ(Problem({"messages", "sent", "m-1", "m-2", "m-1"}),
            "messages sent: <message-id> m-1 given twice");
  std::vector<std::string> many = {"messages", "sent"};
  for (int i = 0; i < 1001; ++i) many.push_back("m-" + std::to_string(i));
  EXPECT_EQ(Problem(many), "messages sent: 1001 message ids: at most 1000 at once");
  many.pop_back();
  EXPECT_EQ(Parse<AftercareArgs>(many).message_ids.size(), 1000U);
}

TEST(ParseAftercareErrorsTest, SymptomFlags) {
  EXPECT_EQ(Problem({"symptom", "ap-1", "--severity", "mild"}), "symptom: missing --symptom");
  EXPECT_EQ(Problem({"symptom", "ap-1", "--symptom", "redness"}), "symptom: missing --severity");
  EXPECT_EQ(Problem({"symptom", "--symptom", "redness", "--severity", "mild"}),
            "symptom: missing <appointment-id>");
  EXPECT_EQ(Problem({"symptom", "ap-1", "--symptom", "redness", "--severity", "extreme"}),
            "symptom: --severity: 'extreme' is not a symptom severity: want mild|moderate|severe");
  EXPECT_EQ(Problem({"symptom", "ap-1", "--symptom", "red ness", "--severity", "mild"}),
            "symptom: --symptom: 'red ness' is not a code: want CODE or SYSTEM|CODE, without "
            "spaces");
  EXPECT_THAT(Problem({"symptom", "ap-1", "--symptom", "sys|", "--severity", "mild"}),
              StartsWith("symptom: --symptom: 'sys|' is not a code"));
  EXPECT_EQ(Problem({"symptom", "ap-1", "--symptom", "a", "--symptom", "b", "--severity", "mild"}),
            "symptom: --symptom given more than once");
  EXPECT_EQ(Problem({"symptom", "ap-1", "--symptom", "a", "--severity", "mild", "--notes", "x"}),
            "symptom: does not take --notes");
  EXPECT_EQ(Problem({"symptom", "ap-1", "--symptom", "a", "--severity", "mild", "--note", ""}),
            "symptom: --note is empty");
  for (const char* tag : {"e", "english", "en_GB", "en-", "-en", "en--GB", "12", "en-toolongtag"}) {
    EXPECT_EQ(Problem({"symptom", "a", "--symptom", "s", "--severity", "mild", "--language", tag}),
              "symptom: --language: '" + std::string(tag) +
                  "' is not a language tag: want e.g. en, fr or pt-BR")
        << tag;
  }
}

TEST(ParseAftercareErrorsTest, SymptomSeverityStaysAPlanSeverityElsewhere) {
  EXPECT_EQ(Parse<PlanArgs>({"plan", "propose", "--fhir", "p", "--severity", "mild"}).severity,
            types::v1::SEVERITY_MILD);
  // A symptom's severity is not among PlanArgs: --severity cannot land there.
  EXPECT_EQ(Problem({"plan", "propose", "--fhir", "p", "--severity", "extreme"}),
            "plan propose: --severity: 'extreme' is not a severity: want mild|moderate|severe");
}

TEST(ParseAftercareErrorsTest, SymptomsFilters) {
  EXPECT_EQ(Problem({"symptoms"}), "symptoms: missing --patient or --appointment");
  EXPECT_EQ(Problem({"symptoms", "--patient", "P/1", "--appointment", "ap-1"}),
            "symptoms: --patient and --appointment do not go together: give one");
  EXPECT_EQ(Problem({"symptoms", "--appointment", ""}), "symptoms: --appointment is empty");
  EXPECT_EQ(Problem({"symptoms", "ap-1"}), "symptoms: unexpected argument 'ap-1'");
  EXPECT_EQ(
      Problem({"symptom", "ap-1", "--appointment", "ap-2", "--symptom", "s", "--severity", "mild"}),
      "symptom: does not take --appointment");
  EXPECT_THAT(Error({"symptoms"}),
              HasSubstr("usage: needleworkctl [global flags] symptoms (--patient REF | "
                        "--appointment ID)\n"));
}

}  // namespace
}  // namespace needlework::ctl
