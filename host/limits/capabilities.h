// Linux capabilities of the calling process's threads, for a runner that must hold none.
// Capabilities belong to each thread, not to the process: dropping them in one thread leaves
// every other thread's as they were.
#ifndef NEEDLEWORK_HOST_LIMITS_CAPABILITIES_H_
#define NEEDLEWORK_HOST_LIMITS_CAPABILITIES_H_

#include "needlework/status.h"

namespace needlework::host {

// Empties the calling thread's effective, permitted and inheritable sets (and so its ambient
// set). Nothing is asked of the kernel when they are empty already, so a thread without
// capabilities never needs capset(2), which systemd's ~@privileged filter refuses.
Status DropThreadCapabilities();

// FAILED_PRECONDITION naming the first thread other than the calling one that still holds
// a permitted capability.
Status CheckOtherThreadsHoldNoCapabilities();

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_LIMITS_CAPABILITIES_H_
