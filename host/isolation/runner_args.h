// The command line needlework-host starts needlework-plugin-runner with: one definition for
// both sides (RunnerArgv writes it, ParseRunnerArgs reads it).
//
//   needlework-plugin-runner --plugin=FILE --sha256=HEX --plugin-id=ID --plugin-version=V
//       --clinic=ID --connections=N --host-pid=PID --max-frame-bytes=N
//       --memory-bytes=N --open-files=N [--cgroup=DIR]
//       --trust-mode=enforce|development [--signer-id=ID --signer-key=PEM_FILE]...
//
// The runner inherits its sockets at fixed numbers: connections at kFirstConnectionFd and
// up, then the log channel; stdin is /dev/null, stdout and stderr are pipes to the host.
#ifndef NEEDLEWORK_HOST_ISOLATION_RUNNER_ARGS_H_
#define NEEDLEWORK_HOST_ISOLATION_RUNNER_ARGS_H_

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

#include "host/limits/runner_limits.h"
#include "host/plugins/isolation_config.h"
#include "host/plugins/trust_config.h"
#include "needlework/status.h"

namespace needlework::host::isolation {

inline constexpr int kFirstConnectionFd = 3;

struct RunnerArgs {
  std::string plugin_file;  // the plugin file the host loaded
  std::string sha256;       // its bytes as the host checked them; other bytes are refused
  std::string plugin_id;    // the manifest the host loaded: the runner's must match
  std::string plugin_version;
  std::string clinic_id;       // for messages (the instance's clinic comes in kCreate)
  int connections = 4;         // sockets at kFirstConnectionFd .. + connections - 1
  pid_t host_pid = 0;          // the runner exits at once when its parent is not this
  size_t max_frame_bytes = 0;  // the largest frame payload either side accepts
  RunnerLimits limits;         // applied by the runner to itself before it loads the plugin
  // The host's trust settings. The only approved hash is `sha256`: the host checked it
  // against its approved list, and the runner loads nothing else.
  TrustMode trust_mode = TrustMode::kEnforce;
  std::vector<SignerConfig> signers;

  // The log channel's descriptor: right after the connections.
  int log_fd() const { return kFirstConnectionFd + connections; }
};

// The arguments after argv[0].
std::vector<std::string> RunnerArgv(const RunnerArgs& args);

// Reads RunnerArgv's output. INVALID_ARGUMENT naming the flag that is missing, unknown or
// malformed.
StatusOr<RunnerArgs> ParseRunnerArgs(const std::vector<std::string>& argv);

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_RUNNER_ARGS_H_
