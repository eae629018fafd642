// The command table: every command's name, arguments, flags and help text, in one place, so
// the parser, `help` and usage errors can never disagree.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "command.h"

namespace needlework::ctl {

// A positional argument and the Command field it fills.
struct Positional {
  std::string_view name;  // shown as <name>
  std::string Command::*field;
};

struct CommandInfo {
  CommandKind kind;
  std::string_view name;                   // the words that select it, e.g. "clinic create"
  std::string_view synopsis;               // arguments after the name, as in usage lines
  std::string_view summary;                // one line, for the overview
  std::string_view details;                // paragraphs for `help <name>`
  std::vector<Positional> positionals;     // required, in order
  std::vector<std::string_view> flags;     // its own flags (without "--"), beyond the global
  std::vector<std::string_view> required;  // flags that must be given at least once
};

// Every command, in the order the overview lists them. Lives for the whole program.
const std::vector<CommandInfo>& AllCommands();

// The command whose name is exactly `name`, or nullptr.
const CommandInfo* FindCommand(std::string_view name);

// The entry for `kind`. Every kind has one.
const CommandInfo& InfoFor(CommandKind kind);

// True when `info` is the command `topic` or one of the group `topic` (e.g. "clinic").
bool InTopic(const CommandInfo& info, std::string_view topic);

// True when `word` is the first word of multi-word commands, e.g. "clinic".
bool IsCommandGroup(std::string_view word);

// Where a command stands in a help or usage text: its full name, a group, or "" for all.
bool IsHelpTopic(std::string_view topic);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_H_
