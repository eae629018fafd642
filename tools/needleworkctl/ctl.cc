// RunCtl: parse, load the TLS files, then run the command in a Session.
#include "ctl.h"

#include "command.h"
#include "session.h"

namespace needlework::ctl {

int RunCtl(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return RunCtl(args, Environment::FromProcess(), out, err);
}

int RunCtl(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
           std::ostream& err) {
  StatusOr<ParsedCommand> parsed = ParseArgs(args, env);
  if (!parsed.ok()) {
    err << "needleworkctl: " << parsed.status().message() << '\n';
    return kExitUsage;
  }
  if (Status tls = LoadTlsFiles(&parsed->options.tls); !tls.ok()) {
    err << "needleworkctl: " << tls.message() << '\n';
    return kExitUsage;
  }
  Session session(parsed->options, out, err);
  return parsed->command->run(parsed->args, session);
}

}  // namespace needlework::ctl
