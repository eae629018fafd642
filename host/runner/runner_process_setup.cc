#include "host/runner/runner_process_setup.h"

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace needlework::host::runner {

Status TieToHost(const isolation::RunnerArgs& args) {
  if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) {
    return InternalError("prctl(PR_SET_PDEATHSIG) failed");
  }
  // After the prctl, so a host that died before it cannot be missed.
  if (::getppid() != args.host_pid) {
    return UnavailableError("the host (pid " + std::to_string(args.host_pid) + ") is gone");
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  return OkStatus();
}

Status ApplyLimits(const isolation::RunnerArgs& args) {
  Status limited = ApplyRunnerLimits(args.limits);
  return limited.ok() ? limited : limited.WithPrefix("the runner could not limit itself");
}

}  // namespace needlework::host::runner
