// The idempotency key a write RPC is called with (see README, "Retrying writes").
#ifndef NEEDLEWORK_HOST_COMMON_IDEMPOTENCY_KEY_H_
#define NEEDLEWORK_HOST_COMMON_IDEMPOTENCY_KEY_H_

#include <grpcpp/server_context.h>

#include <cstddef>
#include <string>

#include "needlework/status.h"

namespace needlework::host {

inline constexpr size_t kMaxIdempotencyKeyLength = 128;
inline constexpr char kIdempotencyKeyMetadata[] = "idempotency-key";

// The call's key: the request's `field` (its idempotency_key) or else the
// `idempotency-key` metadata; empty when neither is set. INVALID_ARGUMENT when both are set
// and differ, when the key is longer than kMaxIdempotencyKeyLength, or when it holds
// anything but printable ASCII.
StatusOr<std::string> IdempotencyKeyOf(const grpc::ServerContextBase& context,
                                       const std::string& field);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_IDEMPOTENCY_KEY_H_
