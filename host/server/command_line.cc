#include "host/server/command_line.h"

namespace needlework::host {

std::string Usage() {
  return R"(usage: needlework-host --config FILE [options]

Serves the Needlework API over gRPC with the plugins found in the configured plugin_dirs.

options:
  --config FILE          YAML config (listen, data_dir, plugin_dirs, hook_deadlines_ms, ...)
  --seed-demo            create clinic "demo" with every plugin enabled and print its tokens
                         (reprinted from <data_dir>/demo-credentials.json on later runs)
  --issue-admin-token    print a new admin token, store its hash, and exit
  --label TEXT           label stored with --issue-admin-token
  --ready-file FILE      once serving, write the bound address to FILE (and, on a second
                         line, http=ADDRESS when the HTTP listener is configured)
  --help                 this text

SIGINT or SIGTERM stops the host: in-flight calls finish, then the store is closed.
)";
}

StatusOr<CommandLine> ParseCommandLine(const std::vector<std::string>& args) {
  CommandLine line;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* flag) -> StatusOr<std::string> {
      if (i + 1 >= args.size()) return InvalidArgumentError(std::string(flag) + " needs a value");
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      line.help = true;
    } else if (arg == "--seed-demo") {
      line.seed_demo = true;
    } else if (arg == "--issue-admin-token") {
      line.issue_admin_token = true;
    } else if (arg == "--config") {
      NW_ASSIGN_OR_RETURN(line.config_path, value("--config"));
    } else if (arg == "--label") {
      NW_ASSIGN_OR_RETURN(line.token_label, value("--label"));
    } else if (arg == "--ready-file") {
      NW_ASSIGN_OR_RETURN(line.ready_file, value("--ready-file"));
    } else {
      return InvalidArgumentError("unknown argument '" + arg + "'");
    }
  }
  if (!line.help && line.config_path.empty())
    return InvalidArgumentError("--config FILE is required");
  return line;
}

}  // namespace needlework::host
