// The refusal limit (issue 15, "Load limits"): a peer address or a clinic that has been
// refused (UNAUTHENTICATED, PERMISSION_DENIED) too often in a window is answered
// RESOURCE_EXHAUSTED, with the seconds to wait, before any handler, database or audit work.
//
// A call that presents a live token is judged by its clinic's count (an admin token by its
// own), not by its peer's: one EMR gateway or NAT address carries many clinics, and a
// flood of bad tokens through it must not lock out the clinics whose tokens are good.
// Recognising a live token is a SHA-256 and a lookup in memory; nothing else is done for a
// limited call. Refusals themselves reach the audit log aggregated (refusal_tally.h).
#ifndef NEEDLEWORK_HOST_AUDIT_REFUSAL_GUARD_H_
#define NEEDLEWORK_HOST_AUDIT_REFUSAL_GUARD_H_

#include <cstdint>
#include <string>

#include "host/audit/refusal_limiter.h"
#include "host/audit/refusal_tally.h"
#include "host/auth/token_authority.h"
#include "host/common/load_limits.h"

namespace needlework::host {

// The refusal limit's answer to one call.
struct RefusalLimit {
  int64_t wait_seconds = 0;  // 0: the call may proceed
  std::string message;       // the RESOURCE_EXHAUSTED message, naming the limit and the wait
};

class RefusalGuard {
 public:
  // `store`: not owned, outlives this; refusal records are appended to it.
  RefusalGuard(Store& store, const LoadLimits& limits);

  // Whether a call from `peer` by `caller` (an error when the call has no live token) is
  // over its limit at `now_micros`.
  RefusalLimit Check(const std::string& peer, const StatusOr<Caller>& caller, int64_t now_micros);
  // Counts one refused call from `peer` by `caller` at `now_micros`.
  void CountRefusal(const std::string& peer, const StatusOr<Caller>& caller, int64_t now_micros);

  RefusalTally& tally() { return tally_; }

 private:
  RefusalLimiter peers_;
  RefusalLimiter clinics_;
  RefusalTally tally_;
};

// The address part of a gRPC peer string ("ipv4:127.0.0.1:5312" -> "ipv4:127.0.0.1",
// "ipv6:[::1]:5312" -> "ipv6:[::1]"); a unix socket peer is returned as is.
std::string PeerAddress(const std::string& peer);

// True for the codes that count as refusals: UNAUTHENTICATED and PERMISSION_DENIED.
bool IsRefusal(int code);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_REFUSAL_GUARD_H_
