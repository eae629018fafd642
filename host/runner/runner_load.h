// Loading the plugin in needlework-plugin-runner, with the host's own checks.
#ifndef NEEDLEWORK_HOST_RUNNER_RUNNER_LOAD_H_
#define NEEDLEWORK_HOST_RUNNER_RUNNER_LOAD_H_

#include "host/isolation/runner_args.h"
#include "host/plugins/plugin_library.h"

namespace needlework::host::runner {

// Opens args.plugin_file as the host's catalog does (PluginTrust::Open: a sealed copy of its
// bytes) and refuses it unless those bytes are the ones the host checked (args.sha256); a
// file rewritten since the host approved it is refused here, at the runner's next start.
// Then loads that sealed copy with the host's trust settings (LoadTrusted: in enforce mode
// the signature is verified again, and args.sha256 is the only approved hash) and refuses a
// manifest other than the one the host loaded (id and version). FAILED_PRECONDITION naming
// the problem.
StatusOr<LoadedPlugin> LoadApprovedPlugin(const isolation::RunnerArgs& args);

}  // namespace needlework::host::runner

#endif  // NEEDLEWORK_HOST_RUNNER_RUNNER_LOAD_H_
