// What needlework-plugin-runner does to its own process before any plugin code is loaded.
#ifndef NEEDLEWORK_HOST_RUNNER_RUNNER_PROCESS_SETUP_H_
#define NEEDLEWORK_HOST_RUNNER_RUNNER_PROCESS_SETUP_H_

#include "host/isolation/runner_args.h"
#include "needlework/status.h"

namespace needlework::host::runner {

// Ties the runner's life to the host's: SIGKILL when the host thread that started it ends
// (PR_SET_PDEATHSIG), and UNAVAILABLE when the host is already gone (its parent is not
// args.host_pid), so no runner outlives its host. Makes stdout line-buffered, so what a
// plugin prints reaches the host's log line by line.
Status TieToHost(const isolation::RunnerArgs& args);

// THE place where the runner's limits go, applied after TieToHost and before the plugin is
// loaded: memory (rlimit, a cgroup v2 limit), no new privileges, a seccomp filter. None is
// applied yet (a follow-up of issue 14); CPU per call is already bounded by the host, which
// kills a runner whose call passes its deadline. A failure here is sent to the host as the
// runner's refusal, with this status's message.
Status ApplyLimits(const isolation::RunnerArgs& args);

}  // namespace needlework::host::runner

#endif  // NEEDLEWORK_HOST_RUNNER_RUNNER_PROCESS_SETUP_H_
