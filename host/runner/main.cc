// needlework-plugin-runner: serves one plugin instance to needlework-host, in a process of
// its own (the host's `process` isolation mode). Started only by the host, which passes
// the plugin, the sha256 it approved, its trust settings and the inherited sockets
// (host/isolation/runner_args.h); never run by hand.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "host/runner/runner_load.h"
#include "host/runner/runner_process_setup.h"
#include "host/runner/runner_server.h"

namespace needlework::host::runner {
namespace {

int Main(const std::vector<std::string>& argv) {
  auto args = isolation::ParseRunnerArgs(argv);
  if (!args.ok()) {
    std::fprintf(stderr, "needlework-plugin-runner: %s (it is started by needlework-host)\n",
                 args.status().message().c_str());
    return 2;
  }
  if (!TieToHost(*args).ok()) return kExitHostGone;
  Status limited = ApplyLimits(*args);
  StatusOr<LoadedPlugin> plugin = limited.ok() ? LoadApprovedPlugin(*args) : limited;
  return RunnerServer(*args, std::move(plugin)).Run();
}

}  // namespace
}  // namespace needlework::host::runner

int main(int argc, char** argv) {
  int code = needlework::host::runner::Main(std::vector<std::string>(argv + 1, argv + argc));
  std::fflush(nullptr);
  // No static destructors: the plugin's and protobuf's are not needed on the way out, and a
  // plugin's could hang.
  std::_Exit(code);
}
