// ParseArgs: splits the line into words and flags, finds the command its first words name,
// then checks the flags and arguments against that command's entry in the command table.
#include "command.h"

#include <algorithm>
#include <cstdlib>
#include <span>

#include "commands.h"
#include "flags.h"
#include "usage.h"

namespace needlework::ctl {
namespace {

struct FlagValue {
  const FlagInfo* spec;
  std::string value;
};

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
  std::string_view name = body.substr(0, equals);
  const FlagInfo* spec = arg.starts_with("--") || arg == "-h" ? FindFlag(name) : nullptr;
  std::string problem;
  if (spec == nullptr) {
    problem = "unknown flag '" + arg + "'";
  } else if (equals != std::string_view::npos) {
    if (!spec->takes_value) problem = "--" + std::string(name) + " takes no value";
    tokens->flags.push_back({spec, std::string(body.substr(equals + 1))});
  } else if (!spec->takes_value) {
    tokens->flags.push_back({spec, ""});
  } else if (*i + 1 < args.size() && !args[*i + 1].starts_with("--")) {
    tokens->flags.push_back({spec, args[++*i]});
  } else {
    problem = "--" + std::string(name) + " needs a value";
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
StatusOr<const CommandInfo*> IdentifyCommand(const std::vector<std::string>& words,
                                             size_t* consumed) {
  *consumed = 0;
  if (words.empty()) return static_cast<const CommandInfo*>(nullptr);
  if (words.size() >= 2) {
    if (const CommandInfo* info = FindCommand(words[0] + " " + words[1])) {
      *consumed = 2;
      return info;
    }
  }
  if (const CommandInfo* info = FindCommand(words[0])) {  // "hours", though a group too
    *consumed = 1;
    return info;
  }
  if (IsCommandGroup(words[0])) {
    return UsageError(words[0], words.size() < 2 ? "missing subcommand"
                                                 : "unknown subcommand '" + words[1] + "'");
  }
  return UsageError("", "unknown command '" + words[0] + "'");
}

bool IsBearerToken(std::string_view token) {
  return std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 127; });
}

// Sets one flag on `command`, after the check every flag shares: a value, unless "" is one.
Status ApplyFlag(const FlagValue& flag, Command* command) {
  std::string name = "--" + std::string(flag.spec->name);
  if (flag.spec->takes_value && !flag.spec->empty_ok && flag.value.empty()) {
    return InvalidArgumentError(name + " is empty");
  }
  return flag.spec->apply(name, flag.value, command);
}

// Checks each flag is the command's and not repeated, then applies it.
Status ApplyFlags(const CommandInfo& info, const std::vector<FlagValue>& flags, Command* command) {
  for (size_t i = 0; i < flags.size(); ++i) {
    const FlagInfo& spec = *flags[i].spec;
    std::string flag = "--" + std::string(spec.name);
    bool allowed = spec.global || std::ranges::find(info.flags, spec.name) != info.flags.end();
    if (!allowed) return InvalidArgumentError("does not take " + flag);
    auto same = [&](const FlagValue& other) { return other.spec == &spec; };
    if (!spec.repeatable && std::any_of(flags.begin(), flags.begin() + i, same)) {
      return InvalidArgumentError(flag + " given more than once");
    }
    NW_RETURN_IF_ERROR(ApplyFlag(flags[i], command));
  }
  for (std::string_view required : info.required) {
    auto named = [&](const FlagValue& flag) { return flag.spec->name == required; };
    if (std::none_of(flags.begin(), flags.end(), named)) {
      return InvalidArgumentError("missing --" + std::string(required));
    }
  }
  return OkStatus();
}

// Fills the command's positional arguments from `words`.
Status ApplyWords(const CommandInfo& info, std::span<const std::string> words, Command* command) {
  if (info.kind == CommandKind::kHelp) {
    for (const std::string& word : words) {
      command->help_topic.append(command->help_topic.empty() ? "" : " ").append(word);
    }
    if (IsHelpTopic(command->help_topic)) return OkStatus();
    return InvalidArgumentError("no command '" + command->help_topic + "'");
  }
  size_t used = 0;
  for (const Positional& positional : info.positionals) {
    std::string name = "<" + std::string(positional.name) + ">";
    if (used >= words.size()) return InvalidArgumentError("missing " + name);
    do {
      NW_RETURN_IF_ERROR(positional.apply(words[used++], command).WithPrefix(name));
    } while (positional.takes_rest && used < words.size());
  }
  if (words.size() > used) {
    return InvalidArgumentError("unexpected argument '" + words[used] + "'");
  }
  return OkStatus();
}

bool HasHelpFlag(const Tokens& tokens) {
  return std::any_of(tokens.flags.begin(), tokens.flags.end(),
                     [](const FlagValue& flag) { return flag.spec->name == "help"; });
}

// The command from `tokens`, given what named it; problems come back as plain messages.
Status Fill(const CommandInfo& info, const Tokens& tokens, size_t consumed, const Environment& env,
            Command* command) {
  if (!tokens.problem.empty()) return InvalidArgumentError(tokens.problem);
  command->kind = info.kind;
  command->options.address = env.address.value_or(std::string(kDefaultAddress));
  command->options.token = env.token.value_or("");
  command->options.tls = env.tls;
  NW_RETURN_IF_ERROR(ApplyFlags(info, tokens.flags, command));
  NW_RETURN_IF_ERROR(ApplyWords(info, std::span(tokens.words).subspan(consumed), command));
  if (!IsBearerToken(command->options.token)) {
    return InvalidArgumentError("the token holds spaces or control characters");
  }
  return info.finish == nullptr ? OkStatus() : info.finish(command);
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

StatusOr<Command> ParseArgs(const std::vector<std::string>& args, const Environment& env) {
  Tokens tokens = Tokenize(args);
  size_t consumed = 0;
  NW_ASSIGN_OR_RETURN(const CommandInfo* info, IdentifyCommand(tokens.words, &consumed));
  Command command;
  if (HasHelpFlag(tokens)) {
    command.help_topic = info != nullptr && info->kind != CommandKind::kHelp ? info->name : "";
    return command;
  }
  if (info == nullptr) {
    return UsageError("", tokens.problem.empty() ? "no command given" : tokens.problem);
  }
  Status status = Fill(*info, tokens, consumed, env, &command);
  if (!status.ok()) return UsageError(info->name, status.message());
  return command;
}

}  // namespace needlework::ctl
