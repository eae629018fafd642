#include "commands.h"

#include "checks.h"
#include "command_groups.h"
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

}  // namespace

const Positional kPlanId{"plan-id", SetWord<&Command::plan_id>, false};
const Positional kSessionIndex{"session-index", SetSessionIndex, false};
const Positional kAppointmentId{"appointment-id", SetWord<&Command::appointment_id>, false};
const Positional kMessageIds{"message-id", AddMessageId, true};

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
       "Every plugin file the host found: id, version, state, trusted, hooks and file. A\n"
       "plugin the host refused (not approved, unsigned, ABI or build mismatch, bad\n"
       "manifest, ...) is listed with the reason. Trusted: approved and signed, checked\n"
       "before it was loaded (no in development mode).\n"
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
namespace {

std::vector<CommandInfo> BuildTable() {
  std::vector<CommandInfo> table = CoreCommands();
  for (auto part : {ClinicSetupCommands, CatalogCommands, ScreeningCommands, PlanningCommands,
                    SchedulingCommands, AftercareCommands, TrustCommands, SecurityCommands}) {
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
