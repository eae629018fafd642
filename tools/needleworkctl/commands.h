// The command table: every command's name, arguments, flags and help text, in one place, so
// the parser, `help` and usage errors can never disagree.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "command.h"

namespace needlework::ctl {

// A positional argument and how it lands in the Command.
struct Positional {
  std::string_view name;  // shown as <name>
  // Checks `word` and sets it on `command`. An error's message is the problem alone; the
  // parser puts "<name>: " before it.
  Status (*apply)(const std::string& word, Command* command);
  bool takes_rest;  // the last positional only: it takes every remaining word (one at least)
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
  // Checks what depends on several flags and arguments together and derives what needs all
  // of them, once every flag and argument is set; nullptr when there is nothing to do. An
  // error's message is the problem alone, as for a flag.
  Status (*finish)(Command* command);
};

// Every command, in the order the overview lists them. Lives for the whole program.
const std::vector<CommandInfo>& AllCommands();

// The command whose name is exactly `name`, or nullptr.
const CommandInfo* FindCommand(std::string_view name);

// The entry for `kind`. Every kind has one.
const CommandInfo& InfoFor(CommandKind kind);

// True when `info` is the command `topic` or one of the group `topic` (e.g. "clinic").
bool InTopic(const CommandInfo& info, std::string_view topic);

// True when `word` is the first word of multi-word commands, e.g. "clinic" (or "hours", both
// a command and the first word of "hours set").
bool IsCommandGroup(std::string_view word);

// Where a command stands in a help or usage text: its full name, a group, or "" for all.
bool IsHelpTopic(std::string_view topic);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_H_
