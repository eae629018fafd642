// needlework-host's command line.
#ifndef NEEDLEWORK_HOST_SERVER_COMMAND_LINE_H_
#define NEEDLEWORK_HOST_SERVER_COMMAND_LINE_H_

#include <string>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

struct CommandLine {
  std::string config_path;
  bool seed_demo = false;          // create/print the demo clinic and its tokens, then serve
  bool issue_admin_token = false;  // print a new admin token and exit
  std::string token_label = "admin token";
  std::string ready_file;  // written with the bound address once serving
  bool help = false;
};

// INVALID_ARGUMENT naming the flag for anything unknown or missing.
StatusOr<CommandLine> ParseCommandLine(const std::vector<std::string>& args);

// The --help text.
std::string Usage();

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_COMMAND_LINE_H_
