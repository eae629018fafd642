// help [command]: the overview, a command's help, or a group's usage lines (usage.h).
#include "commands/help.h"

#include "commands/families.h"
#include "registry.h"
#include "session.h"
#include "syntax.h"
#include "usage.h"

namespace needlework::ctl {
namespace {

// Global flags only; the words name the topic, which must be one.
StatusOr<std::any> BindHelp(const CommandLine& line, GlobalOptions* options) {
  HelpArgs args;
  NW_RETURN_IF_ERROR(BindFlags(Syntax<HelpArgs>(), line.flags, options, &args));
  for (const std::string& word : line.words) {
    args.help_topic.append(args.help_topic.empty() ? "" : " ").append(word);
  }
  if (!IsHelpTopic(args.help_topic)) {
    return InvalidArgumentError("no command '" + args.help_topic + "'");
  }
  NW_RETURN_IF_ERROR(CheckOptions(*options));
  return std::any(std::move(args));
}

int RunHelp(const std::any& args, Session& session) {
  session.out() << HelpText(std::any_cast<const HelpArgs&>(args).help_topic);
  return kExitOk;
}

}  // namespace

std::vector<Command> HelpCommands() {
  return {{kHelpCommand,
           "[command]",
           "Show help for all commands or for one",
           "Without a command, lists every command and the global flags.",
           {},
           BindHelp,
           RunHelp}};
}

}  // namespace needlework::ctl
