// ParseArgs: splits the line into words and flags, finds the command its first words name,
// then lets that command bind its flags and arguments (syntax.h).
#include <algorithm>
#include <cstdlib>

#include "command.h"
#include "commands/help.h"
#include "flags.h"
#include "registry.h"
#include "usage.h"

namespace needlework::ctl {
namespace {

// The line split into words and flags, before the command is known.
struct Tokens {
  std::vector<std::string> words;
  std::vector<FlagValue> flags;
  std::string problem;  // the first malformed flag, reported once the command is known
};

// Reads the flag at args[*i] (advancing *i past its value) into `tokens`.
void TakeFlag(const std::vector<std::string>& args, size_t* i, Tokens* tokens) {
  const std::string& arg = args[*i];
  std::string_view body = arg == "-h" ? "help" : std::string_view(arg).substr(2);
  size_t equals = body.find('=');
  std::string name(body.substr(0, equals));
  const FlagShape* shape = arg.starts_with("--") || arg == "-h" ? FindAnyFlag(name) : nullptr;
  bool global = FindGlobalFlag(name) != nullptr;
  bool takes_value = shape != nullptr && shape->kind != FlagKind::kSwitch;
  std::string problem;
  if (shape == nullptr) {
    problem = "unknown flag '" + arg + "'";
  } else if (equals != std::string_view::npos) {
    if (!takes_value) problem = "--" + name + " takes no value";
    tokens->flags.push_back({name, global, std::string(body.substr(equals + 1))});
  } else if (!takes_value) {
    tokens->flags.push_back({name, global, ""});
  } else if (*i + 1 < args.size() && !args[*i + 1].starts_with("--")) {
    tokens->flags.push_back({name, global, args[++*i]});
  } else {
    problem = "--" + name + " needs a value";
  }
  if (tokens->problem.empty()) tokens->problem = problem;
}

Tokens Tokenize(const std::vector<std::string>& args) {
  Tokens tokens;
  bool only_words = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_words || arg.size() < 2 || arg[0] != '-') {
      tokens.words.push_back(arg);
    } else if (arg == "--") {
      only_words = true;
    } else {
      TakeFlag(args, &i, &tokens);
    }
  }
  return tokens;
}

// The command named by the first one or two words (nullptr for no words at all); sets
// `*consumed` to the number of words naming it.
StatusOr<const Command*> IdentifyCommand(const std::vector<std::string>& words, size_t* consumed) {
  *consumed = 0;
  if (words.empty()) return static_cast<const Command*>(nullptr);
  if (words.size() >= 2) {
    if (const Command* command = FindCommand(words[0] + " " + words[1])) {
      *consumed = 2;
      return command;
    }
  }
  if (const Command* command = FindCommand(words[0])) {  // "hours", though a group too
    *consumed = 1;
    return command;
  }
  if (IsCommandGroup(words[0])) {
    return UsageError(words[0], words.size() < 2 ? "missing subcommand"
                                                 : "unknown subcommand '" + words[1] + "'");
  }
  return UsageError("", "unknown command '" + words[0] + "'");
}

bool HasFlag(const Tokens& tokens, std::string_view name) {
  return std::any_of(tokens.flags.begin(), tokens.flags.end(),
                     [name](const FlagValue& flag) { return flag.name == name; });
}

// The version command, as --version asks.
ParsedCommand VersionOf() {
  ParsedCommand parsed;
  parsed.command = FindCommand(kVersionCommand);
  parsed.args = HelpArgs{};
  return parsed;
}

// The help of `command` (the overview for none, or for help itself), as -h and --help ask.
ParsedCommand HelpOf(const Command* command) {
  ParsedCommand parsed;
  parsed.command = FindCommand(kHelpCommand);
  bool overview = command == nullptr || command == parsed.command;
  parsed.args = HelpArgs{overview ? "" : std::string(command->name)};
  return parsed;
}

// The command from `tokens`, given what named it; problems come back as plain messages.
Status Bind(const Command& command, const Tokens& tokens, size_t consumed, const Environment& env,
            ParsedCommand* parsed) {
  if (!tokens.problem.empty()) return InvalidArgumentError(tokens.problem);
  parsed->command = &command;
  parsed->options.address = env.address.value_or(std::string(kDefaultAddress));
  parsed->options.token = env.token.value_or("");
  parsed->options.tls = env.tls;
  CommandLine line{std::span(tokens.words).subspan(consumed), tokens.flags};
  NW_ASSIGN_OR_RETURN(parsed->args, command.bind(line, &parsed->options));
  return OkStatus();
}

}  // namespace

Environment Environment::FromProcess() {
  Environment env;
  if (const char* address = std::getenv("NEEDLEWORK_ADDRESS"); address && *address) {
    env.address = address;
  }
  if (const char* token = std::getenv("NEEDLEWORK_TOKEN"); token && *token) env.token = token;
  env.tls = TlsOptions::FromProcess();
  return env;
}

StatusOr<ParsedCommand> ParseArgs(const std::vector<std::string>& args, const Environment& env) {
  Tokens tokens = Tokenize(args);
  if (HasFlag(tokens, "version")) return VersionOf();
  size_t consumed = 0;
  NW_ASSIGN_OR_RETURN(const Command* command, IdentifyCommand(tokens.words, &consumed));
  if (HasFlag(tokens, "help")) return HelpOf(command);
  if (command == nullptr) {
    return UsageError("", tokens.problem.empty() ? "no command given" : tokens.problem);
  }
  ParsedCommand parsed;
  Status status = Bind(*command, tokens, consumed, env, &parsed);
  if (!status.ok()) return UsageError(command->name, status.message());
  return parsed;
}

}  // namespace needlework::ctl
