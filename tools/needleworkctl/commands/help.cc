// help [command]: the overview, a command's help, or a group's usage lines (usage.h);
// version: the build's version.
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

StatusOr<std::any> BindVersion(const CommandLine& line, GlobalOptions* options) {
  HelpArgs args;
  NW_RETURN_IF_ERROR(BindFlags(Syntax<HelpArgs>(), line.flags, options, &args));
  if (!line.words.empty()) return InvalidArgumentError("takes no arguments");
  return std::any(std::move(args));
}

int RunVersion(const std::any&, Session& session) {
  session.out() << VersionLine() << '\n';
  return kExitOk;
}

}  // namespace

std::string VersionLine() { return std::string("needleworkctl ") + NEEDLEWORK_VERSION; }

std::vector<Command> HelpCommands() {
  return {{kHelpCommand,
           "[command]",
           "Show help for all commands or for one",
           "Without a command, lists every command and the global flags.",
           {},
           BindHelp,
           RunHelp},
          {kVersionCommand,
           "",
           "Print needleworkctl's version",
           "Prints \"needleworkctl VERSION\", the version of this build and of its packages.\n"
           "Local: calls no host. --version anywhere on a line does the same.",
           {},
           BindVersion,
           RunVersion}};
}

}  // namespace needlework::ctl
