// How the answers of the aftercare commands read (aftercare.h).
#include <cstdio>

#include "codes.h"
#include "commands/aftercare.h"
#include "dates.h"
#include "enums.h"
#include "needlework/code_systems.h"
#include "render.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

// "48 hours", "3 days" (whole days only), "-" for none.
std::string NormalCourse(int32_t hours) {
  if (hours <= 0) return "-";
  if (hours % 24 == 0) {
    int32_t days = hours / 24;
    return std::to_string(days) + (days == 1 ? " day" : " days");
  }
  return std::to_string(hours) + (hours == 1 ? " hour" : " hours");
}

// "1.5".
std::string Days(double days) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.1f", days);
  return text;
}

// "[warning] " or "[critical] " before an instruction that carries one; "" for info.
std::string IndicatorPrefix(types::v1::Indicator indicator) {
  if (indicator != types::v1::INDICATOR_WARNING && indicator != types::v1::INDICATOR_CRITICAL) {
    return "";
  }
  return "[" + EnumLabel(types::v1::Indicator_Name(indicator), "INDICATOR_") + "] ";
}

// A symptom in a table: the bare code for Needlework's symptom codes, else as FormatCoding.
std::string SymptomCell(const types::v1::Coding& symptom) {
  if (symptom.system() == code_systems::kSymptom) return OrDash(symptom.code());
  return FormatCoding(symptom);
}

// "m1, m2", or "none".
std::string IdList(const google::protobuf::RepeatedPtrField<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) text.append(text.empty() ? "" : ", ").append(id);
  return text.empty() ? "none" : text;
}

// "\n<title> (N):\n" and the table, indented; nothing but the title for none.
void PrintSection(std::string_view title, int count, const Table& table, std::ostream& out) {
  out << '\n' << title << " (" << count << "):\n";
  if (count > 0) table.Print(out, "  ");
}

}  // namespace

void RenderAftercarePlan(const v1::AftercarePlan& plan, std::ostream& out) {
  out << "Aftercare for appointment " << Printable(OrDash(plan.appointment_id())) << ", patient "
      << Printable(OrDash(plan.patient_ref())) << ".\n";
  Table instructions({"ID", "FROM", "UNTIL", "TEXT"});
  for (const v1::TimedInstruction& instruction : plan.instructions()) {
    std::string until =
        instruction.until().empty() ? instruction.until_text() : FormatLocal(instruction.until());
    instructions.AddRow({instruction.id(), OrDash(FormatLocal(instruction.from())), OrDash(until),
                         IndicatorPrefix(instruction.indicator()) + instruction.text()});
  }
  PrintSection("Instructions", plan.instructions_size(), instructions, out);
  Table effects({"ID", "NORMAL COURSE", "TEXT"});
  for (const types::v1::ExpectedEffect& effect : plan.expected_effects()) {
    effects.AddRow({effect.id(), NormalCourse(effect.normal_course_hours()), effect.text()});
  }
  PrintSection("Expected effects", plan.expected_effects_size(), effects, out);
  Table messages({"ID", "STATUS", "WHEN", "KIND", "TEXT"});
  for (const v1::Message& message : plan.messages()) {
    messages.AddRow({message.message_id(), MessageStatusLabel(message.status()),
                     OrDash(FormatLocal(message.occurrence())), OrDash(message.kind()),
                     message.payload_text()});
  }
  PrintSection("Messages", plan.messages_size(), messages, out);
  RenderPluginRuns(plan.plugin_runs(), out);
}

void RenderDueMessages(const v1::ListDueMessagesResponse& response, std::ostream& out) {
  if (response.messages().empty()) {
    out << "No messages due.\n";
    return;
  }
  size_t count = static_cast<size_t>(response.messages_size());
  out << count << (count == 1 ? " message" : " messages") << " due.\n\n";
  Table table({"ID", "WHEN", "RECIPIENT", "ABOUT", "KIND", "TEXT"});
  for (const v1::Message& message : response.messages()) {
    table.AddRow({message.message_id(), OrDash(FormatLocal(message.occurrence())),
                  OrDash(message.recipient()), OrDash(message.about()), OrDash(message.kind()),
                  Shorten(message.payload_text(), kDueTextColumns)});
  }
  table.Print(out);
}

void RenderMarkedSent(const v1::MarkMessagesSentResponse& response, std::ostream& out) {
  out << "Marked sent now (" << response.marked_size()
      << "): " << Printable(IdList(response.marked())) << '\n';
  out << "Already sent before (" << response.already_sent_size()
      << "): " << Printable(IdList(response.already_sent())) << '\n';
}

void RenderSymptomReport(const v1::SymptomReport& report, std::ostream& out) {
  out << "Triage: " << TriageLevelText(report.level()) << '\n';
  Table table;
  table.AddRow({"advice", OrDash(report.advice())});
  table.AddRow({"symptom", OrDash(report.has_symptom() ? FormatCoding(report.symptom()) : "")});
  table.AddRow({"severity", SymptomSeverityLabel(report.severity())});
  table.AddRow({"days since session", Days(report.days_since_session())});
  table.AddRow({"appointment", OrDash(report.appointment_id())});
  table.AddRow({"patient", OrDash(report.patient_ref())});
  if (!report.note().empty()) table.AddRow({"note", report.note()});
  table.AddRow({"reported", OrDash(FormatLocalWithOffset(report.reported_at()))});
  table.AddRow({"report", OrDash(report.report_id())});
  table.Print(out, "  ");
  RenderPluginRuns(report.plugin_runs(), out);
}

void RenderSymptomReports(const v1::ListSymptomReportsResponse& response, std::ostream& out) {
  if (response.reports().empty()) {
    out << "No symptom reports.\n";
    return;
  }
  Table table({"ID", "REPORTED", "APPOINTMENT", "PATIENT", "SYMPTOM", "SEVERITY", "DAYS", "LEVEL",
               "ADVICE"});
  for (const v1::SymptomReport& report : response.reports()) {
    table.AddRow({report.report_id(), OrDash(FormatLocal(report.reported_at())),
                  OrDash(report.appointment_id()), OrDash(report.patient_ref()),
                  SymptomCell(report.symptom()), SymptomSeverityLabel(report.severity()),
                  Days(report.days_since_session()), TriageLevelText(report.level()),
                  OrDash(Shorten(report.advice(), kAdviceColumns))});
  }
  table.Print(out);
}

}  // namespace needlework::ctl
