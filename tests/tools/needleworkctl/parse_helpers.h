// ParseArgs for tests: the Command of a line that must parse, or the usage error of one
// that must not.
#ifndef NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_PARSE_HELPERS_H_
#define NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_PARSE_HELPERS_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "command.h"

namespace needlework::ctl {

inline Command Parse(const std::vector<std::string>& args, const Environment& env = {}) {
  StatusOr<Command> command = ParseArgs(args, env);
  EXPECT_TRUE(command.ok()) << command.status().ToString();
  return command.ok() ? *command : Command();
}

// The whole message of the usage error `args` cause.
inline std::string Error(const std::vector<std::string>& args) {
  StatusOr<Command> command = ParseArgs(args, Environment());
  EXPECT_FALSE(command.ok());
  EXPECT_EQ(command.status().code(), StatusCode::kInvalidArgument);
  return command.status().message();
}

// The first line of the usage error: the problem itself.
inline std::string Problem(const std::vector<std::string>& args) {
  std::string message = Error(args);
  return message.substr(0, message.find('\n'));
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_PARSE_HELPERS_H_
