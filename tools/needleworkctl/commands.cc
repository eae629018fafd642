#include "commands.h"

namespace needlework::ctl {
namespace {

constexpr Positional kClinicId{"clinic-id", &Command::clinic_id};
constexpr Positional kPluginId{"plugin-id", &Command::plugin_id};

std::vector<CommandInfo> BuildTable() {
  return {
      {CommandKind::kHelp,
       "help",
       "[command]",
       "Show help for all commands or for one",
       "Without a command, lists every command and the global flags.",
       {},
       {},
       {}},
      {CommandKind::kPlugins,
       "plugins",
       "",
       "List installed plugins; refused ones with the reason",
       "Every plugin file the host found: id, version, state, hooks and file. A plugin the\n"
       "host refused (ABI or build mismatch, bad manifest, ...) is listed with the reason.\n"
       "Needs an admin token.",
       {},
       {},
       {}},
      {CommandKind::kClinics,
       "clinics",
       "",
       "List clinics",
       "Every clinic: id, name and creation time (UTC). Needs an admin token.",
       {},
       {},
       {}},
      {CommandKind::kClinicCreate,
       "clinic create",
       "<clinic-id> [--name NAME]",
       "Create a clinic and issue its first EMR token",
       "Creates the clinic <clinic-id> ([a-z0-9-], 2 to 63 characters) with the display\n"
       "name NAME, and prints its first `emr` bearer token. The token is shown only once:\n"
       "the host keeps only its hash. Needs an admin token.",
       {kClinicId},
       {"name"},
       {}},
      {CommandKind::kClinicPlugins,
       "clinic plugins",
       "<clinic-id>",
       "List a clinic's plugins and their settings",
       "Every plugin the clinic has a setting for, plus every installed plugin it has not:\n"
       "id, enabled, version, whether the host has it installed, and the clinic's config\n"
       "overrides. Needs an admin token.",
       {kClinicId},
       {},
       {}},
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
       {}},
      {CommandKind::kPluginDisable,
       "plugin disable",
       "<clinic-id> <plugin-id>",
       "Turn a plugin off for a clinic",
       "Turns the plugin off for the clinic; its config is kept for a later enable.\n"
       "Needs an admin token.",
       {kClinicId, kPluginId},
       {},
       {}},
      {CommandKind::kPluginConfigure,
       "plugin configure",
       "<clinic-id> <plugin-id> --config JSON|@FILE",
       "Replace a clinic's config for a plugin",
       "Replaces the clinic's config overrides for the plugin with a JSON object (inline or\n"
       "@FILE), merged over the plugin's defaults; '{}' restores the defaults. Validated by\n"
       "the plugin even while it is disabled. Needs an admin token.",
       {kClinicId, kPluginId},
       {"config"},
       {"config"}},
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
       {"fhir"}},
  };
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
