// The help command: `needleworkctl help [command]`, and what -h and --help run.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_HELP_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_HELP_H_

#include <string>
#include <string_view>

namespace needlework::ctl {

inline constexpr std::string_view kHelpCommand = "help";

struct HelpArgs {
  std::string help_topic;  // "" (overview), a command ("clinic create") or a group ("plugin")
};

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_HELP_H_
