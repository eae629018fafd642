// ParseArgs for tests: the arguments of a line that must parse, with its command's name and
// options beside them, or the usage error of one that must not.
#ifndef NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_PARSE_HELPERS_H_
#define NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_PARSE_HELPERS_H_

#include <gtest/gtest.h>

#include <any>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "command.h"

namespace needlework::ctl {

// For lines whose arguments the test does not look at.
struct NoArgs {};

// A parsed line: the command family's arguments (e.g. ClinicArgs), and beside them the
// command's name and the global options.
template <typename Args>
struct Parsed : Args {
  std::string_view name;
  GlobalOptions options;
};

// The parsed `args`; fails the test when they do not parse, or when the command's arguments
// are not an `Args`.
template <typename Args = NoArgs>
Parsed<Args> Parse(const std::vector<std::string>& args, const Environment& env = {}) {
  StatusOr<ParsedCommand> parsed = ParseArgs(args, env);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  Parsed<Args> result{};
  if (!parsed.ok()) return result;
  result.name = parsed->command->name;
  result.options = parsed->options;
  if constexpr (!std::is_same_v<Args, NoArgs>) {
    const Args* bound = std::any_cast<Args>(&parsed->args);
    EXPECT_NE(bound, nullptr) << "not the arguments of " << result.name;
    if (bound != nullptr) static_cast<Args&>(result) = *bound;
  }
  return result;
}

// The whole message of the usage error `args` cause.
inline std::string Error(const std::vector<std::string>& args) {
  StatusOr<ParsedCommand> parsed = ParseArgs(args, Environment());
  EXPECT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
  return parsed.status().message();
}

// The first line of the usage error: the problem itself.
inline std::string Problem(const std::vector<std::string>& args) {
  std::string message = Error(args);
  return message.substr(0, message.find('\n'));
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_PARSE_HELPERS_H_
