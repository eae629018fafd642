#include "registry.h"

#include "commands/families.h"
#include "flags.h"

namespace needlework::ctl {
namespace {

std::vector<Command> BuildTable() {
  std::vector<Command> table;
  for (auto family :
       {HelpCommands, ClinicCommands, ClinicSetupCommands, ClinicTemplateCommands,
        ScreeningCommands, ScreeningRecordCommands, PlanningCommands, BookingCommands,
        AppointmentCommands, AftercareCommands, TrustCommands, VersionCommands, SecurityCommands}) {
    for (Command& command : family()) table.push_back(std::move(command));
  }
  return table;
}

}  // namespace

const std::vector<Command>& AllCommands() {
  static const std::vector<Command>* const kTable = new std::vector<Command>(BuildTable());
  return *kTable;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& command : AllCommands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

const FlagShape* FindAnyFlag(std::string_view name) {
  if (const FlagShape* global = FindGlobalFlag(name)) return global;
  for (const Command& command : AllCommands()) {
    for (const FlagShape& flag : command.flags) {
      if (flag.name == name) return &flag;
    }
  }
  return nullptr;
}

bool InTopic(const Command& command, std::string_view topic) {
  if (command.name == topic) return true;
  return command.name.size() > topic.size() && command.name.starts_with(topic) &&
         command.name[topic.size()] == ' ';
}

bool IsCommandGroup(std::string_view word) {
  for (const Command& command : AllCommands()) {
    if (command.name != word && InTopic(command, word)) return true;
  }
  return false;
}

bool IsHelpTopic(std::string_view topic) {
  return topic.empty() || FindCommand(topic) != nullptr || IsCommandGroup(topic);
}

}  // namespace needlework::ctl
