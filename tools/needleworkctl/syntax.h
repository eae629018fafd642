// How a command family declares its command line: the arguments struct each of its commands
// fills (one per family, e.g. PlanArgs), its positionals and flags, and MakeCommand, which turns
// that and a run function into a registry entry (command.h).
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SYNTAX_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SYNTAX_H_

#include <algorithm>
#include <any>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "command.h"
#include "flags.h"
#include "needlework/status.h"

namespace needlework::ctl {

// A positional argument and how it lands in Args.
template <typename Args>
struct Positional {
  std::string_view name;  // shown as <name>
  // Checks `word` and sets it on `args`. An error's message is the problem alone; the parser
  // puts "<name>: " before it.
  Status (*apply)(const std::string& word, Args* args);
  bool takes_rest;  // the last positional only: it takes every remaining word (one at least)
};

// One of a command's own flags and how its value lands in Args.
template <typename Args>
struct Flag {
  std::string_view name;  // without "--"
  FlagKind kind;
  // Checks `value` and sets it on `args`. Errors are INVALID_ARGUMENT with the whole message,
  // naming `flag` ("--from", as given to it).
  Status (*apply)(std::string_view flag, const std::string& value, Args* args);
};

// The command line of one command.
template <typename Args>
struct Syntax {
  std::vector<Positional<Args>> positionals = {};  // required, in order
  std::vector<Flag<Args>> flags = {};              // its own flags, beyond the global ones
  std::vector<std::string_view> required = {};     // flags that must be given at least once
  // Checks what depends on several flags and arguments together and derives what needs all
  // of them, once every flag and argument is set; nullptr when there is nothing to do. An
  // error's message is the problem alone, as for a flag.
  Status (*finish)(const GlobalOptions& options, Args* args) = nullptr;
};

// A command's help text: see Command (command.h).
struct CommandText {
  std::string_view name;
  std::string_view synopsis;
  std::string_view summary;
  std::string_view details;
};

// Sets each flag of `flags` on `*args` (global ones on `*options`), in the order given.
template <typename Args>
Status BindFlags(const Syntax<Args>& syntax, std::span<const FlagValue> flags,
                 GlobalOptions* options, Args* args) {
  for (size_t i = 0; i < flags.size(); ++i) {
    if (flags[i].global) {
      NW_RETURN_IF_ERROR(ApplyGlobalFlag(flags, i, options));
      continue;
    }
    auto own = std::find_if(syntax.flags.begin(), syntax.flags.end(),
                            [&](const Flag<Args>& flag) { return flag.name == flags[i].name; });
    std::string name = "--" + flags[i].name;
    if (own == syntax.flags.end()) return InvalidArgumentError("does not take " + name);
    NW_RETURN_IF_ERROR(CheckFlag({own->name, own->kind}, flags, i));
    NW_RETURN_IF_ERROR(own->apply(name, flags[i].value, args));
  }
  return CheckRequired(syntax.required, flags);
}

// Fills the positional arguments of `*args` from `words`.
template <typename Args>
Status BindWords(const Syntax<Args>& syntax, std::span<const std::string> words, Args* args) {
  size_t used = 0;
  for (const Positional<Args>& positional : syntax.positionals) {
    std::string name = "<" + std::string(positional.name) + ">";
    if (used >= words.size()) return InvalidArgumentError("missing " + name);
    do {
      NW_RETURN_IF_ERROR(positional.apply(words[used++], args).WithPrefix(name));
    } while (positional.takes_rest && used < words.size());
  }
  if (words.size() > used) {
    return InvalidArgumentError("unexpected argument '" + words[used] + "'");
  }
  return OkStatus();
}

// The registry entry of a command whose arguments are an `Args`, bound by `syntax` and run by
// `run` (which returns an exit code of ctl.h).
template <typename Args>
Command MakeCommand(const CommandText& text, Syntax<Args> syntax,
                    int (*run)(const Args& args, Session& session)) {
  Command command{text.name, text.synopsis, text.summary, text.details, {}, nullptr, nullptr};
  for (const Flag<Args>& flag : syntax.flags) command.flags.push_back({flag.name, flag.kind});
  command.bind = [syntax = std::move(syntax)](const CommandLine& line,
                                              GlobalOptions* options) -> StatusOr<std::any> {
    Args args;
    NW_RETURN_IF_ERROR(BindFlags(syntax, line.flags, options, &args));
    NW_RETURN_IF_ERROR(BindWords(syntax, line.words, &args));
    NW_RETURN_IF_ERROR(CheckOptions(*options));
    if (syntax.finish != nullptr) NW_RETURN_IF_ERROR(syntax.finish(*options, &args));
    return std::any(std::move(args));
  };
  command.run = [run](const std::any& args, Session& session) {
    return run(std::any_cast<const Args&>(args), session);
  };
  return command;
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SYNTAX_H_
