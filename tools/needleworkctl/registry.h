// The command registry: every command of every family (commands/*.cc), in the order the
// overview lists them, so the parser, `help` and usage errors can never disagree.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REGISTRY_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REGISTRY_H_

#include <string_view>
#include <vector>

#include "command.h"

namespace needlework::ctl {

// Every command, in the order the overview lists them. Lives for the whole program.
const std::vector<Command>& AllCommands();

// The command whose name is exactly `name`, or nullptr.
const Command* FindCommand(std::string_view name);

// The flag called `name` as the line reads it: a global flag, or the first command's own
// flag of that name (every command that takes it reads it the same way); nullptr for none.
const FlagShape* FindAnyFlag(std::string_view name);

// True when `command` is the command `topic` or one of the group `topic` (e.g. "clinic").
bool InTopic(const Command& command, std::string_view topic);

// True when `word` is the first word of multi-word commands, e.g. "clinic" (or "hours", both
// a command and the first word of "hours set").
bool IsCommandGroup(std::string_view word);

// Where a command stands in a help or usage text: its full name, a group, or "" for all.
bool IsHelpTopic(std::string_view topic);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REGISTRY_H_
