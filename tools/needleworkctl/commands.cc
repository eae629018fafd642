#include "commands.h"

#include "checks.h"
#include "values.h"

namespace needlework::ctl {
namespace {

constexpr int32_t kMaxSessionIndex = 999;  // far beyond any series

template <std::string Command::*kField>
Status SetWord(const std::string& word, Command* command) {
  command->*kField = word;
  return OkStatus();
}

Status SetTimeZone(const std::string& word, Command* command) {
  NW_RETURN_IF_ERROR(CheckTimeZoneName(word));
  command->time_zone = word;
  return OkStatus();
}

Status SetSessionIndex(const std::string& word, Command* command) {
  NW_ASSIGN_OR_RETURN(command->session_index, ParseWholeNumber(word, 0, kMaxSessionIndex));
  return OkStatus();
}

Status AddHoursSpec(const std::string& word, Command* command) {
  command->hours_specs.push_back(word);
  return OkStatus();
}

Status AddMessageId(const std::string& word, Command* command) {
  command->message_ids.push_back(word);
  return OkStatus();
}

constexpr Positional kClinicId{"clinic-id", SetWord<&Command::clinic_id>, false};
constexpr Positional kPluginId{"plugin-id", SetWord<&Command::plugin_id>, false};
constexpr Positional kTimeZone{"time-zone", SetTimeZone, false};
constexpr Positional kResourceId{"resource-id", SetWord<&Command::resource_id>, false};
constexpr Positional kHoursSpecs{"spec", AddHoursSpec, true};
constexpr Positional kPlanId{"plan-id", SetWord<&Command::plan_id>, false};
constexpr Positional kSessionIndex{"session-index", SetSessionIndex, false};
constexpr Positional kAppointmentId{"appointment-id", SetWord<&Command::appointment_id>, false};
constexpr Positional kMessageIds{"message-id", AddMessageId, true};

// Help, plugins and clinics.
std::vector<CommandInfo> CoreCommands() {
  return {
      {CommandKind::kHelp,
       "help",
       "[command]",
       "Show help for all commands or for one",
       "Without a command, lists every command and the global flags.",
       {},
       {},
       {},
       nullptr},
      {CommandKind::kPlugins,
       "plugins",
       "",
       "List installed plugins; refused ones with the reason",
       "Every plugin file the host found: id, version, state, hooks and file. A plugin the\n"
       "host refused (ABI or build mismatch, bad manifest, ...) is listed with the reason.\n"
       "Needs an admin token.",
       {},
       {},
       {},
       nullptr},
      {CommandKind::kClinics,
       "clinics",
       "",
       "List clinics",
       "Every clinic: id, name, time zone and creation time (UTC). Needs an admin token.",
       {},
       {},
       {},
       nullptr},
      {CommandKind::kClinicCreate,
       "clinic create",
       "<clinic-id> [--name NAME] [--time-zone IANA]",
       "Create a clinic and issue its first EMR token",
       "Creates the clinic <clinic-id> ([a-z0-9-], 2 to 63 characters) with the display\n"
       "name NAME and the IANA time zone (e.g. Europe/London; the host's default is UTC),\n"
       "and prints its first `emr` bearer token. The token is shown only once: the host\n"
       "keeps only its hash. Needs an admin token.",
       {kClinicId},
       {"name", "time-zone"},
       {},
       nullptr},
      {CommandKind::kClinicPlugins,
       "clinic plugins",
       "<clinic-id>",
       "List a clinic's plugins and their settings",
       "Every plugin the clinic has a setting for, plus every installed plugin it has not:\n"
       "id, enabled, version, whether the host has it installed, and the clinic's config\n"
       "overrides. Needs an admin token.",
       {kClinicId},
       {},
       {},
       nullptr},
      {CommandKind::kPluginEnable,
       "plugin enable",
       "<clinic-id> <plugin-id> [--config JSON|@FILE]",
       "Turn a plugin on for a clinic",
       "Turns the plugin on for the clinic; its next call sees it, without a restart.\n"
       "--config replaces the clinic's overrides first (a JSON object, given inline or read\n"
       "from FILE with @FILE); without it the clinic's current config is kept. The plugin\n"
       "validates the config; a refused config changes nothing. Needs an admin token.",
       {kClinicId, kPluginId},
       {"config"},
       {},
       nullptr},
      {CommandKind::kPluginDisable,
       "plugin disable",
       "<clinic-id> <plugin-id>",
       "Turn a plugin off for a clinic",
       "Turns the plugin off for the clinic; its config is kept for a later enable.\n"
       "Needs an admin token.",
       {kClinicId, kPluginId},
       {},
       {},
       nullptr},
      {CommandKind::kPluginConfigure,
       "plugin configure",
       "<clinic-id> <plugin-id> --config JSON|@FILE",
       "Replace a clinic's config for a plugin",
       "Replaces the clinic's config overrides for the plugin with a JSON object (inline or\n"
       "@FILE), merged over the plugin's defaults; '{}' restores the defaults. Validated by\n"
       "the plugin even while it is disabled. Needs an admin token.",
       {kClinicId, kPluginId},
       {"config"},
       {"config"},
       nullptr},
  };
}

// The commands of AdminService beyond plugins and clinics (time zones, resources, hours).
std::vector<CommandInfo> ClinicSetupCommands() {
  return {
      {CommandKind::kClinicTimeZone,
       "clinic time-zone",
       "<clinic-id> <time-zone>",
       "Set a clinic's time zone",
       "Sets the clinic's IANA time zone (e.g. Europe/London, America/New_York). Opening\n"
       "hours are wall-clock times in it; slots and appointments carry its offset.\n"
       "Needs an admin token.",
       {kClinicId, kTimeZone},
       {},
       {},
       nullptr},
      {CommandKind::kResources,
       "resources",
       "<clinic-id>",
       "List a clinic's practitioners, rooms and devices",
       "Every resource of the clinic: id, type, device kind, name and whether it is active\n"
       "(inactive ones are never offered for booking). Needs an admin token.",
       {kClinicId},
       {},
       {},
       nullptr},
      {CommandKind::kResourceAdd,
       "resource add",
       "<clinic-id> <resource-id> --type practitioner|room|device [--kind DEVICE_KIND] "
       "[--name NAME] [--inactive]",
       "Add or replace a practitioner, room or device",
       "Creates the resource <resource-id> of the clinic ([a-z0-9-], unique within the\n"
       "clinic, e.g. dr-lee, room-1), or replaces every field of the one with that id. A\n"
       "device needs --kind, the kind a plan asks for (e.g. microneedling-pen, rf-unit).\n"
       "--inactive keeps it from being offered for booking; without it the resource is\n"
       "active. Needs an admin token.",
       {kClinicId, kResourceId},
       {"type", "kind", "name", "inactive"},
       {"type"},
       FinishResourceAdd},
      {CommandKind::kHours,
       "hours",
       "<clinic-id>",
       "Show a clinic's weekly opening hours",
       "The clinic's opening hours, Monday to Sunday, in its wall-clock time.\n"
       "Needs an admin token.",
       {kClinicId},
       {},
       {},
       nullptr},
      {CommandKind::kHoursSet,
       "hours set",
       "<clinic-id> <spec>...",
       "Replace a clinic's weekly opening hours",
       "Replaces the clinic's opening hours with the specs, in its wall-clock time; days no\n"
       "spec names are closed. A spec is days, then hours:\n"
       "  mon-fri 09:00-17:00               a range of days, in the order mon to sun\n"
       "  mon,wed 09:00-12:30,13:30-18:00   a list of days; two spans (a lunch break)\n"
       "  sun closed                        no hours, said outright\n"
       "Days: mon tue wed thu fri sat sun (or the full names). Hours: HH:MM-HH:MM, up to\n"
       "24:00. Quote a spec or not: hours set aurora \"mon-fri 09:00-17:00\" sat 10:00-14:00.\n"
       "Needs an admin token.",
       {kClinicId, kHoursSpecs},
       {},
       {},
       FinishHoursSet},
  };
}

// The command of ScreeningService.
std::vector<CommandInfo> ScreeningCommands() {
  return {
      {CommandKind::kScreen,
       "screen",
       "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...]",
       "Screen a patient from FHIR R4 JSON files",
       "Screens one patient for microneedling at the clinic of the token (an `emr` token).\n"
       "Each --fhir FILE holds one FHIR R4 resource (Patient, Condition, MedicationRequest,\n"
       "MedicationStatement, AllergyIntolerance, Observation) or a Bundle of them.\n"
       "--concern and --area take a code of Needlework's concern and treatment-area code\n"
       "systems (e.g. --concern acne-scars --area face), or SYSTEM|CODE for any other system.\n"
       "Prints the outcome, the findings (indicator, summary, plugin, evidence codes) and how\n"
       "each plugin ran. Exits 0 whatever the outcome: the outcome is data, not an error\n"
       "(with --json, read .outcome).",
       {},
       {"fhir", "concern", "area"},
       {"fhir"},
       nullptr},
  };
}

// The commands of PlanningService.
std::vector<CommandInfo> PlanningCommands() {
  return {
      {CommandKind::kPlanPropose,
       "plan propose",
       "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...] "
       "[--severity mild|moderate|severe]",
       "Ask the clinic's planning plugins for a treatment series",
       "Asks every planning plugin enabled for the clinic of the token (an `emr` token) for a\n"
       "treatment series for the patient of the FHIR files, the concerns and areas (all as\n"
       "for screen) and the severity. Stores nothing. Prints the series (sessions, spacing,\n"
       "minutes, resources, rationale) and how each plugin ran. To keep it, save the --json\n"
       "output and give it to plan create --from-proposal.",
       {},
       {"fhir", "concern", "area", "severity"},
       {"fhir"},
       nullptr},
      {CommandKind::kPlanCreate,
       "plan create",
       "--patient REF --screening-outcome OUTCOME (--from-proposal FILE | --fhir FILE ... "
       "[--concern CODE ...] [--area CODE ...] [--severity SEVERITY])",
       "Store a treatment series for a patient",
       "Stores a series for the EMR patient REF (e.g. Patient/123) at the clinic of the token\n"
       "(an `emr` token). The series comes from --from-proposal FILE (the --json output of\n"
       "plan propose or plan show, or a SeriesPlan in JSON), or from a new proposal: given\n"
       "--fhir (with --concern, --area, --severity as for plan propose), the plan is proposed\n"
       "and stored as proposed. --screening-outcome is the outcome the clinician accepted:\n"
       "eligible, eligible-with-caution, review-required, consult-required, defer, refer or\n"
       "contraindicated. Prints the stored plan.",
       {},
       {"patient", "screening-outcome", "from-proposal", "fhir", "concern", "area", "severity"},
       {"patient", "screening-outcome"},
       FinishPlanCreate},
      {CommandKind::kPlans,
       "plans",
       "--patient REF",
       "List a patient's treatment plans",
       "Every plan of the EMR patient REF at the clinic of the token (an `emr` token): id,\n"
       "status, sessions booked or done of the total, days between sessions, minutes each.",
       {},
       {"patient"},
       {"patient"},
       nullptr},
      {CommandKind::kPlanShow,
       "plan show",
       "<plan-id>",
       "Show a plan and its sessions",
       "The plan's series, status and screening outcome, then every session booked, done or\n"
       "cancelled so far (times in UTC). Needs an `emr` token.",
       {kPlanId},
       {},
       {},
       nullptr},
      {CommandKind::kPlanCancel,
       "plan cancel",
       "<plan-id> --reason TEXT",
       "Cancel a plan and its booked sessions",
       "Cancels the plan and every session of it still booked, recording TEXT as the reason.\n"
       "Refused for a plan already completed or cancelled. Needs an `emr` token.",
       {kPlanId},
       {"reason"},
       {"reason"},
       nullptr},
  };
}

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
       "the clinic's local time. Needs an `emr` token.",
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
       "device the plan needs. Refused when a plugin's booking rules forbid it, or when\n"
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
       "practitioner, room, devices, patient. Cancelled ones only with --include-cancelled.\n"
       "Needs an `emr` token.",
       {},
       {"patient", "day", "resource", "include-cancelled"},
       {},
       FinishAppointments},
      {CommandKind::kComplete,
       "complete",
       "<appointment-id> [--area CODE ...] [--depth MM] [--product NAME:LOT ...] "
       "[--practitioner ID] [--notes TEXT]",
       "Record what was done in a session",
       "Records the session as done: the treatment areas (Needlework's codes, e.g. face,\n"
       "neck), the needle depth in millimetres, each product with its lot number (e.g.\n"
       "--product 'HA serum:L2024-117'), the practitioner who treated, and notes. The\n"
       "appointment becomes fulfilled. Needs an `emr` token.",
       {kAppointmentId},
       {"area", "depth", "product", "practitioner", "notes"},
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

std::vector<CommandInfo> BuildTable() {
  std::vector<CommandInfo> table = CoreCommands();
  for (auto part : {ClinicSetupCommands, ScreeningCommands, PlanningCommands, SchedulingCommands,
                    AftercareCommands}) {
    for (CommandInfo& info : part()) table.push_back(std::move(info));
  }
  return table;
}

}  // namespace

const std::vector<CommandInfo>& AllCommands() {
  static const std::vector<CommandInfo>* const kTable = new std::vector<CommandInfo>(BuildTable());
  return *kTable;
}

const CommandInfo* FindCommand(std::string_view name) {
  for (const CommandInfo& info : AllCommands()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

const CommandInfo& InfoFor(CommandKind kind) {
  for (const CommandInfo& info : AllCommands()) {
    if (info.kind == kind) return info;
  }
  return AllCommands().front();  // unreachable: the table has every kind
}

bool InTopic(const CommandInfo& info, std::string_view topic) {
  if (info.name == topic) return true;
  return info.name.size() > topic.size() && info.name.starts_with(topic) &&
         info.name[topic.size()] == ' ';
}

bool IsCommandGroup(std::string_view word) {
  for (const CommandInfo& info : AllCommands()) {
    if (info.name != word && InTopic(info, word)) return true;
  }
  return false;
}

bool IsHelpTopic(std::string_view topic) {
  return topic.empty() || FindCommand(topic) != nullptr || IsCommandGroup(topic);
}

}  // namespace needlework::ctl
