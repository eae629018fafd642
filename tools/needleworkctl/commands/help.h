// The help and version commands: `needleworkctl help [command]` and what -h and --help
// run; `needleworkctl version` and what --version runs.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_HELP_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_HELP_H_

#include <string>
#include <string_view>

namespace needlework::ctl {

inline constexpr std::string_view kHelpCommand = "help";
// What --version runs, wherever it stands on the line.
inline constexpr std::string_view kVersionCommand = "version";

// "needleworkctl 0.1.0": the version of the build, the same as its packages'.
std::string VersionLine();

struct HelpArgs {
  std::string help_topic;  // "" (overview), a command ("clinic create") or a group ("plugin")
};

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_HELP_H_
