// aftercare, messages due, messages sent, symptom, symptoms.
#include "commands/aftercare.h"

#include <algorithm>

#include "commands/families.h"
#include "dates.h"
#include "enums.h"
#include "needlework/code_systems.h"
#include "needlework/v1/aftercare.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"
#include "values.h"

namespace needlework::ctl {
namespace {

using Aftercare = v1::AftercareService::Stub;
using Args = AftercareArgs;

constexpr Positional<Args> kAppointmentId{"appointment-id", SetWord<&Args::appointment_id>, false};

Status SetSymptom(std::string_view flag, const std::string& value, Args* args) {
  return SetParsed(flag, ParseCoding(value, code_systems::kSymptom), &args->symptom);
}

Status SetLanguage(std::string_view flag, const std::string& value, Args* args) {
  NW_RETURN_IF_ERROR(CheckLanguageTag(value).WithPrefix(flag));
  args->language = value;
  return OkStatus();
}

// messages sent: no <message-id> twice, and at most kMaxMessageIds of them.
Status FinishMessagesSent(const GlobalOptions&, Args* args) {
  const std::vector<std::string>& ids = args->message_ids;
  if (ids.size() > kMaxMessageIds) {
    return InvalidArgumentError(std::to_string(ids.size()) + " message ids: at most " +
                                std::to_string(kMaxMessageIds) + " at once");
  }
  for (auto id = ids.begin(); id != ids.end(); ++id) {
    if (std::find(ids.begin(), id, *id) != id) {
      return InvalidArgumentError("<message-id> " + *id + " given twice");
    }
  }
  return OkStatus();
}

// symptoms: exactly one of --patient, --appointment.
Status FinishSymptoms(const GlobalOptions&, Args* args) {
  bool patient = !args->patient_ref.empty();
  bool appointment = !args->appointment_id.empty();
  if (!patient && !appointment) return InvalidArgumentError("missing --patient or --appointment");
  if (patient && appointment) {
    return InvalidArgumentError("--patient and --appointment do not go together: give one");
  }
  return OkStatus();
}

int AftercarePlan(const Args& args, Session& session) {
  return session.Invoke(&Aftercare::GetAftercarePlan, "GetAftercarePlan",
                        BuildGetAftercarePlanRequest(args), RenderAftercarePlan);
}

// With --limit, one batch of at most that many; without, every due message.
int MessagesDue(const Args& args, Session& session) {
  if (args.limit == 0) {
    return session.InvokeAll(&Aftercare::ListDueMessages, "ListDueMessages",
                             BuildListDueMessagesRequest(args), RenderDueMessages);
  }
  return session.Invoke(&Aftercare::ListDueMessages, "ListDueMessages",
                        BuildListDueMessagesRequest(args), RenderDueMessages);
}

int MessagesSent(const Args& args, Session& session) {
  return session.Invoke(&Aftercare::MarkMessagesSent, "MarkMessagesSent",
                        BuildMarkMessagesSentRequest(args), RenderMarkedSent);
}

int Symptom(const Args& args, Session& session) {
  return session.Invoke(&Aftercare::ReportSymptom, "ReportSymptom", BuildReportSymptomRequest(args),
                        RenderSymptomReport);
}

int Symptoms(const Args& args, Session& session) {
  return session.InvokeAll(&Aftercare::ListSymptomReports, "ListSymptomReports",
                           BuildListSymptomReportsRequest(args), RenderSymptomReports);
}

}  // namespace

v1::GetAftercarePlanRequest BuildGetAftercarePlanRequest(const AftercareArgs& args) {
  v1::GetAftercarePlanRequest request;
  request.set_appointment_id(args.appointment_id);
  return request;
}

v1::ListDueMessagesRequest BuildListDueMessagesRequest(const AftercareArgs& args) {
  v1::ListDueMessagesRequest request;
  request.set_up_to(args.up_to);
  request.set_limit(args.limit);
  return request;
}

v1::MarkMessagesSentRequest BuildMarkMessagesSentRequest(const AftercareArgs& args) {
  v1::MarkMessagesSentRequest request;
  for (const std::string& id : args.message_ids) request.add_message_ids(id);
  return request;
}

v1::ReportSymptomRequest BuildReportSymptomRequest(const AftercareArgs& args) {
  v1::ReportSymptomRequest request;
  request.set_appointment_id(args.appointment_id);
  *request.mutable_symptom() = args.symptom;
  request.set_severity(args.symptom_severity);
  request.set_note(args.note);
  request.set_language(args.language);
  return request;
}

v1::ListSymptomReportsRequest BuildListSymptomReportsRequest(const AftercareArgs& args) {
  v1::ListSymptomReportsRequest request;
  if (!args.patient_ref.empty()) {
    request.set_patient_ref(args.patient_ref);
  } else {
    request.set_appointment_id(args.appointment_id);
  }
  return request;
}

std::vector<Command> AftercareCommands() {
  return {
      MakeCommand<Args>(
          {"aftercare", "<appointment-id>", "Show the aftercare plan of a completed session",
           "The aftercare made when the appointment's session was completed: the instructions\n"
           "(id, from, until, text), the effects to expect with their normal course, the patient\n"
           "messages (id, status, when to send, kind, text) and how each aftercare plugin ran.\n"
           "Times are the clinic's local time. Refused for a session not completed yet.\n"
           "Needs an `emr` token."},
          {.positionals = {kAppointmentId}}, AftercarePlan),
      MakeCommand<Args>(
          {"messages due", "[--up-to TIME] [--limit N]",
           "List the patient messages due and not sent yet",
           "The patient messages due up to TIME (RFC 3339 with an offset, e.g.\n"
           "2026-03-02T18:00:00+01:00; the host's default is now) that nobody marked sent, oldest\n"
           "first: id, when, recipient, what it is about, kind and the start of its text (the\n"
           "whole text with --json). --limit caps the list (1 to 1000; the host's default is\n"
           "100). Once sent, mark them with messages sent. Needs an `emr` token."},
          {.flags = {{"up-to", FlagKind::kValue, SetBy<&Args::up_to, NormalizeTimestamp>},
                     {"limit", FlagKind::kValue,
                      SetWholeNumber<&Args::limit, 1, kMaxDueMessages>}}},
          MessagesDue),
      MakeCommand<Args>(
          {"messages sent", "<message-id>...", "Mark patient messages sent",
           "Marks the messages sent, so they are never due again (at most 1000 at once).\n"
           "Marking one twice does no harm: the answer says which this call marked and which\n"
           "were marked before. Needs an `emr` token."},
          {.positionals = {{"message-id", AddWord<&Args::message_ids>, true}},
           .finish = FinishMessagesSent},
          MessagesSent),
      MakeCommand<Args>(
          {"symptom",
           "<appointment-id> --symptom CODE --severity mild|moderate|severe [--note TEXT] "
           "[--language LANG]",
           "Report a symptom after a session and get its triage",
           "Stores the patient's report of a symptom after the appointment's completed session\n"
           "and prints its triage: expected, monitor, contact the clinic or URGENT, with the\n"
           "advice for the patient (in LANG, a BCP 47 tag such as en or fr, when a plugin has\n"
           "it) and the days since the session. --symptom takes a code of Needlework's symptom\n"
           "code system (e.g. redness, swelling) or SYSTEM|CODE. --note is the patient's words.\n"
           "Exits 0 whatever the level (with --json, read .level). Needs an `emr` token."},
          {.positionals = {kAppointmentId},
           .flags = {{"symptom", FlagKind::kValue, SetSymptom},
                     {"severity", FlagKind::kValue,
                      SetBy<&Args::symptom_severity, ParseSymptomSeverity>},
                     {"note", FlagKind::kValue, SetText<&Args::note>},
                     {"language", FlagKind::kValue, SetLanguage}},
           .required = {"symptom", "severity"}},
          Symptom),
      MakeCommand<Args>(
          {"symptoms", "(--patient REF | --appointment ID)",
           "List the symptom reports of a patient or a session",
           "The symptom reports of the EMR patient REF, or of one appointment: id, reported,\n"
           "appointment, patient, symptom, severity, days since the session, level and the start\n"
           "of the advice. Needs an `emr` token."},
          {.flags = {{"patient", FlagKind::kValue, SetText<&Args::patient_ref>},
                     {"appointment", FlagKind::kValue, SetText<&Args::appointment_id>}},
           .finish = FinishSymptoms},
          Symptoms),
  };
}

}  // namespace needlework::ctl
