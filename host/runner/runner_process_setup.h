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

// The one place where the runner limits itself, after TieToHost and before the plugin is
// opened for loading (dlopen runs its constructors), while it has a single thread:
// ApplyRunnerLimits with the limits the host passed (host/limits/runner_limits.h: its cgroup,
// memory and descriptor rlimits, no capabilities, not dumpable, no_new_privs and the seccomp
// filter). CPU per call is bounded by the host, which kills a runner whose call passes its
// deadline. A failure here is sent to the host as the runner's refusal, with its message.
Status ApplyLimits(const isolation::RunnerArgs& args);

}  // namespace needlework::host::runner

#endif  // NEEDLEWORK_HOST_RUNNER_RUNNER_PROCESS_SETUP_H_
