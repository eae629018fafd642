// Starting one needlework-plugin-runner process: its sockets and pipes, posix_spawn, and a
// pidfd to wait for it and signal it without pid reuse races.
#ifndef NEEDLEWORK_HOST_ISOLATION_RUNNER_SPAWN_H_
#define NEEDLEWORK_HOST_ISOLATION_RUNNER_SPAWN_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "host/isolation/runner_args.h"
#include "host/isolation/unique_fd.h"

namespace needlework::host::isolation {

// The host's ends of a started runner. Every descriptor is close-on-exec.
struct SpawnedRunner {
  pid_t pid = 0;
  UniqueFd pidfd;                     // readable once the runner has exited
  std::vector<UniqueFd> connections;  // args.connections sockets, in order
  UniqueFd log;                       // the log channel (kLog frames)
  UniqueFd out;                       // the runner's stdout, read end
  UniqueFd err;                       // the runner's stderr, read end
};

// Starts `runner` with `args` (posix_spawn, so the child does nothing but exec). The child
// gets exactly: /dev/null as stdin, pipes as stdout and stderr, its ends of the sockets at
// their fixed numbers (RunnerArgs), and no other descriptor; an empty signal mask, every
// signal at its default, and a process group of its own (a terminal's Ctrl-C reaches the
// host, which stops its runners itself). The caller reaps the child (waitid on the pidfd).
// UNAVAILABLE naming the runner file and the error when it cannot be started.
StatusOr<SpawnedRunner> SpawnRunner(const std::string& runner, const RunnerArgs& args);

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_RUNNER_SPAWN_H_
