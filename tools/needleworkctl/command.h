// needleworkctl's command line, parsed into one plain struct. Parsing is pure: it reads only
// its arguments and the environment values handed to it, never files or the network, so
// every usage error can be tested without a host.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::ctl {

inline constexpr std::string_view kDefaultAddress = "127.0.0.1:50051";
inline constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

enum class CommandKind {
  kHelp,
  kPlugins,
  kClinics,
  kClinicCreate,
  kClinicPlugins,
  kPluginEnable,
  kPluginDisable,
  kPluginConfigure,
  kScreen,
};

// What the environment contributes: NEEDLEWORK_ADDRESS and NEEDLEWORK_TOKEN. Flags win.
struct Environment {
  std::optional<std::string> address;
  std::optional<std::string> token;

  // Reads both variables from the process environment.
  static Environment FromProcess();
};

// Flags that every command accepts, in any position.
struct GlobalOptions {
  std::string address = std::string(kDefaultAddress);
  std::string token;  // empty: no authorization metadata is sent
  bool json = false;
  std::chrono::milliseconds timeout = kDefaultTimeout;  // deadline of every call
};

// One parsed invocation. Only the fields of `kind` are set; the rest stay empty.
struct Command {
  CommandKind kind = CommandKind::kHelp;
  GlobalOptions options;
  std::string help_topic;                   // kHelp: "" (overview) or e.g. "clinic create"
  std::string clinic_id;                    // clinic and plugin commands
  std::string plugin_id;                    // plugin commands
  std::string display_name;                 // clinic create --name
  std::optional<std::string> config;        // --config as given: JSON text or @FILE
  std::vector<std::string> fhir_files;      // screen --fhir, in order
  std::vector<types::v1::Coding> concerns;  // screen --concern
  std::vector<types::v1::Coding> areas;     // screen --area
};

// Parses `args` (without the program name). On a usage error returns INVALID_ARGUMENT whose
// message is the problem on its first line, followed by the usage of the command concerned
// (see usage.h), ready to print after "needleworkctl: ".
StatusOr<Command> ParseArgs(const std::vector<std::string>& args, const Environment& env);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_H_
