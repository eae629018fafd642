// The host's load limits (config section `load_limits`): how many refused calls a peer or a
// clinic may make before it is slowed down, and the gRPC server's own resource bounds. The
// README's "Configuration" section documents every key and its default.
#ifndef NEEDLEWORK_HOST_COMMON_LOAD_LIMITS_H_
#define NEEDLEWORK_HOST_COMMON_LOAD_LIMITS_H_

#include <chrono>
#include <cstdint>

namespace needlework::host {

struct LoadLimits {
  // Refused calls (UNAUTHENTICATED, PERMISSION_DENIED) one peer address may make in one
  // window; beyond it, its calls without a live token get RESOURCE_EXHAUSTED until the
  // window ends.
  int refusals_per_peer = 60;
  // The same for the calls of one clinic's tokens (an admin token counts on its own).
  int refusals_per_clinic = 120;
  std::chrono::seconds refusal_window{60};
  // HTTP/2 streams (calls) one connection may have open at once; more wait at the client.
  int max_concurrent_streams = 256;
  // gRPC's memory quota for the server (grpc::ResourceQuota::Resize), in bytes.
  int64_t memory_quota_bytes = int64_t{1} << 30;
  // grpc::ResourceQuota::SetMaxThreads; 0: not set (gRPC's own default).
  int max_threads = 0;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_LOAD_LIMITS_H_
