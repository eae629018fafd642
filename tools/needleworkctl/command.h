// The command registry's entry, and the parsed command line. Each command family
// (commands/*.cc) builds its entries with MakeCommand (syntax.h): its help text, its flags and
// arguments, and the function that runs it, together. Parsing is pure: it reads only its
// arguments and the environment values handed to it, never files or the network, so every
// usage error can be tested without a host.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_

#include <any>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"
#include "options.h"

namespace needlework::ctl {

class Session;

// How a flag reads its value.
enum class FlagKind {
  kSwitch,        // no value: --inactive
  kValue,         // one value, given once, not ""
  kValueOrEmpty,  // one value, given once; "" is a value (--name "")
  kValues,        // one value each time, repeatable, not ""
};

// A flag as the tokenizer and the checks shared by every command see it.
struct FlagShape {
  std::string_view name;  // without "--"
  FlagKind kind;
};

// A flag as given on the line.
struct FlagValue {
  std::string name;  // without "--"
  bool global;       // one of the global flags (global_flags.h), not a command's own
  std::string value;
};

// What a command binds: the words after its name and every flag of the line, in order.
struct CommandLine {
  std::span<const std::string> words;
  std::span<const FlagValue> flags;
};

// One command: what selects it, its help text, and how to bind and run it.
struct Command {
  std::string_view name;         // the words that select it, e.g. "clinic create"
  std::string_view synopsis;     // arguments after the name, as in usage lines
  std::string_view summary;      // one line, for the overview
  std::string_view details;      // paragraphs for `help <name>`
  std::vector<FlagShape> flags;  // its own flags, beyond the global ones
  // Checks the words and flags of `line` and returns the command's arguments, setting the
  // global flags on `*options` (which holds the environment's values on entry). An error's
  // message is the problem alone; the parser adds the command's usage.
  std::function<StatusOr<std::any>(const CommandLine& line, GlobalOptions* options)> bind;
  // Runs the command with the arguments bind returned; returns an exit code of ctl.h.
  std::function<int(const std::any& args, Session& session)> run;
};

// One parsed invocation.
struct ParsedCommand {
  const Command* command = nullptr;  // set on success; the help command for -h and --help
  GlobalOptions options;
  std::any args;  // what command->bind returned (for help: HelpArgs, commands/help.h)
};

// Parses `args` (without the program name). On a usage error returns INVALID_ARGUMENT whose
// message is the problem on its first line, followed by the usage of the command concerned
// (see usage.h), ready to print after "needleworkctl: ".
StatusOr<ParsedCommand> ParseArgs(const std::vector<std::string>& args, const Environment& env);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_
