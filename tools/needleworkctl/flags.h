// The flag table: every flag needleworkctl knows, global or a command's own, and how its value
// lands in a Command. Which command takes which flag is in the command table (commands.h).
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_FLAGS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_FLAGS_H_

#include <string>
#include <string_view>

#include "command.h"
#include "needlework/status.h"

namespace needlework::ctl {

struct FlagInfo {
  std::string_view name;  // without "--"
  bool takes_value;
  bool repeatable;
  bool global;    // accepted by every command, in any position
  bool empty_ok;  // "" is a value (--name ""); otherwise "--flag is empty"
  // Checks `value` and sets it on `command` (global flags: on command->options). Errors are
  // INVALID_ARGUMENT with the whole message, naming `flag` ("--from", as given to it).
  Status (*apply)(std::string_view flag, const std::string& value, Command* command);
};

// The flag called `name` (without "--"), or nullptr. Lives for the whole program.
const FlagInfo* FindFlag(std::string_view name);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_FLAGS_H_
