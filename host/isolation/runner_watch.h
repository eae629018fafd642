// Watching one runner process until it ends: its output into the host log, a clean stop
// when asked, and the reaping.
#ifndef NEEDLEWORK_HOST_ISOLATION_RUNNER_WATCH_H_
#define NEEDLEWORK_HOST_ISOLATION_RUNNER_WATCH_H_

#include <chrono>
#include <functional>
#include <string>

#include "host/isolation/runner_process.h"

namespace needlework::host::isolation {

// How long a runner told to exit (its sockets shut down) may take before it is killed.
inline constexpr std::chrono::milliseconds kStopGrace{2000};

// Blocks until `process` has ended and is reaped: forwards its stdout, stderr and log
// channel to its output(); once `stop_requested()` is true (checked whenever `wake_fd`, an
// eventfd, is signalled) asks it to exit and kills it kStopGrace later; kills it for a
// malformed log channel. Returns how it ended: the host's kill reason when the host killed
// it, else DescribeExit; also passed to process.SetExited.
std::string WatchRunner(RunnerProcess& process, int wake_fd,
                        const std::function<bool()>& stop_requested);

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_RUNNER_WATCH_H_
