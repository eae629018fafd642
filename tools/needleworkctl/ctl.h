// needleworkctl as a function: main() is a thin wrapper, and tests call it in-process.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CTL_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CTL_H_

#include <ostream>
#include <string>
#include <vector>

#include "options.h"

namespace needlework::ctl {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRpcError = 1;  // the host answered with an error, or no host
inline constexpr int kExitUsage = 2;     // bad command line or unreadable local file

// Runs one invocation: `args` are the arguments without the program name. The response (or
// help) goes to `out`; errors, hints and warnings go to `err`, each line prefixed
// "needleworkctl: ". Returns kExitOk, kExitRpcError or kExitUsage. `screen` returns kExitOk
// whatever the outcome. Reads NEEDLEWORK_ADDRESS and NEEDLEWORK_TOKEN from the process.
int RunCtl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The same with the environment given, for tests.
int RunCtl(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
           std::ostream& err);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CTL_H_
