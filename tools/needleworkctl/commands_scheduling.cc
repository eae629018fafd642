// The command table (commands.h): SchedulingService and AftercareService.
#include "checks.h"
#include "command_groups.h"

namespace needlework::ctl {

// The commands of SchedulingService.
std::vector<CommandInfo> SchedulingCommands() {
  return {
      {CommandKind::kSlots,
       "slots",
       "<plan-id> <session-index> --from YYYY-MM-DD --to YYYY-MM-DD [--practitioner ID] "
       "[--max N]",
       "Find free times for one session of a plan",
       "Free start times for session <session-index> (0 is the first) of the plan, on the\n"
       "clinic's days --from to --to (inclusive, at most 92 days apart): within opening\n"
       "hours, with a practitioner, a room and every device the plan needs free, keeping the\n"
       "plan's spacing and every plugin's booking rules. --practitioner keeps to one\n"
       "practitioner; --max caps the list (1 to 500; the host's default is 50). Times are\n"
       "the clinic's local time. First prints the session the slots are for: its minutes and\n"
       "resources with the plan's add-ons the clinic offers now, and those it no longer\n"
       "offers (the session is shaped without them). Needs an `emr` token.",
       {kPlanId, kSessionIndex},
       {"from", "to", "practitioner", "max"},
       {"from", "to"},
       FinishSlots},
      {CommandKind::kBook,
       "book",
       "<plan-id> <session-index> --start TIME --practitioner ID --room ID [--device ID ...]",
       "Book one session of a plan",
       "Books session <session-index> (0 is the first) of the plan at TIME, RFC 3339 with an\n"
       "offset (e.g. 2026-03-02T09:00:00+01:00; the seconds may be left out), usually a\n"
       "start slots offered, with the practitioner, the room and one --device for each\n"
       "device the session needs (its add-ons' too, as slots shows). Refused when a plugin's "
       "booking rules forbid it, or when\n"
       "another booking took a resource first (run slots again). Needs an `emr` token.",
       {kPlanId, kSessionIndex},
       {"start", "practitioner", "room", "device"},
       {"start", "practitioner", "room"},
       FinishBooking},
      {CommandKind::kReschedule,
       "reschedule",
       "<appointment-id> --start TIME [--practitioner ID] [--room ID] [--device ID ...]",
       "Move a booked appointment",
       "Moves the appointment to TIME (RFC 3339 with an offset), with the same checks as\n"
       "book. --practitioner, --room and --device replace the appointment's own; without\n"
       "them it keeps them. Needs an `emr` token.",
       {kAppointmentId},
       {"start", "practitioner", "room", "device"},
       {"start"},
       FinishBooking},
      {CommandKind::kCancel,
       "cancel",
       "<appointment-id> --reason TEXT",
       "Cancel an appointment",
       "Cancels the appointment, recording TEXT as the reason. Needs an `emr` token.",
       {kAppointmentId},
       {"reason"},
       {"reason"},
       nullptr},
      {CommandKind::kAppointments,
       "appointments",
       "(--patient REF | --day YYYY-MM-DD | --resource ID) [--include-cancelled]",
       "List the appointments of a patient, a day or a resource",
       "The appointments of the EMR patient REF, of one day of the clinic's calendar, or of\n"
       "one practitioner, room or device: id, session, status, start and end (local time),\n"
       "practitioner, room, devices, add-ons, patient. Cancelled ones only with\n"
       "--include-cancelled.\n"
       "Needs an `emr` token.",
       {},
       {"patient", "day", "resource", "include-cancelled"},
       {},
       FinishAppointments},
      {CommandKind::kComplete,
       "complete",
       "<appointment-id> [--area CODE ...] [--depth MM] [--product NAME:LOT ...] "
       "[--add-on CODE ...] [--practitioner ID] [--notes TEXT]",
       "Record what was done in a session",
       "Records the session as done: the treatment areas (Needlework's codes, e.g. face,\n"
       "neck), the needle depth in millimetres, each product with its lot number (e.g.\n"
       "--product 'HA serum:L2024-117'), the add-ons given (--add-on, as for screen: those\n"
       "of the booked add-ons actually given; without it, all of them), the practitioner who\n"
       "treated, and notes. An add-on that records its lot (see therapies) is given as\n"
       "--product <add-on code>:<lot>, e.g. --product ha-serum:LOT-7. The appointment\n"
       "becomes fulfilled. Needs an `emr` token.",
       {kAppointmentId},
       {"area", "depth", "product", "add-on", "practitioner", "notes"},
       {},
       FinishComplete},
      {CommandKind::kCalendar,
       "calendar",
       "--patient REF [--output FILE]",
       "Export a patient's booked sessions as iCalendar",
       "The booked sessions of the EMR patient REF as an iCalendar (RFC 5545) document in\n"
       "the clinic's time zone: printed, or written to FILE with --output (replacing it).\n"
       "Needs an `emr` token.",
       {},
       {"patient", "output"},
       {"patient"},
       FinishCalendar},
  };
}

// The commands of AftercareService.
std::vector<CommandInfo> AftercareCommands() {
  return {
      {CommandKind::kAftercare,
       "aftercare",
       "<appointment-id>",
       "Show the aftercare plan of a completed session",
       "The aftercare made when the appointment's session was completed: the instructions\n"
       "(id, from, until, text), the effects to expect with their normal course, the patient\n"
       "messages (id, status, when to send, kind, text) and how each aftercare plugin ran.\n"
       "Times are the clinic's local time. Refused for a session not completed yet.\n"
       "Needs an `emr` token.",
       {kAppointmentId},
       {},
       {},
       nullptr},
      {CommandKind::kMessagesDue,
       "messages due",
       "[--up-to TIME] [--limit N]",
       "List the patient messages due and not sent yet",
       "The patient messages due up to TIME (RFC 3339 with an offset, e.g.\n"
       "2026-03-02T18:00:00+01:00; the host's default is now) that nobody marked sent, oldest\n"
       "first: id, when, recipient, what it is about, kind and the start of its text (the\n"
       "whole text with --json). --limit caps the list (1 to 1000; the host's default is\n"
       "100). Once sent, mark them with messages sent. Needs an `emr` token.",
       {},
       {"up-to", "limit"},
       {},
       nullptr},
      {CommandKind::kMessagesSent,
       "messages sent",
       "<message-id>...",
       "Mark patient messages sent",
       "Marks the messages sent, so they are never due again (at most 1000 at once).\n"
       "Marking one twice does no harm: the answer says which this call marked and which\n"
       "were marked before. Needs an `emr` token.",
       {kMessageIds},
       {},
       {},
       FinishMessagesSent},
      {CommandKind::kSymptom,
       "symptom",
       "<appointment-id> --symptom CODE --severity mild|moderate|severe [--note TEXT] "
       "[--language LANG]",
       "Report a symptom after a session and get its triage",
       "Stores the patient's report of a symptom after the appointment's completed session\n"
       "and prints its triage: expected, monitor, contact the clinic or URGENT, with the\n"
       "advice for the patient (in LANG, a BCP 47 tag such as en or fr, when a plugin has\n"
       "it) and the days since the session. --symptom takes a code of Needlework's symptom\n"
       "code system (e.g. redness, swelling) or SYSTEM|CODE. --note is the patient's words.\n"
       "Exits 0 whatever the level (with --json, read .level). Needs an `emr` token.",
       {kAppointmentId},
       {"symptom", "severity", "note", "language"},
       {"symptom", "severity"},
       nullptr},
      {CommandKind::kSymptoms,
       "symptoms",
       "(--patient REF | --appointment ID)",
       "List the symptom reports of a patient or a session",
       "The symptom reports of the EMR patient REF, or of one appointment: id, reported,\n"
       "appointment, patient, symptom, severity, days since the session, level and the start\n"
       "of the advice. Needs an `emr` token.",
       {},
       {"patient", "appointment"},
       {},
       FinishSymptoms},
  };
}

}  // namespace needlework::ctl
