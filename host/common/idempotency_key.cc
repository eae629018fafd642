#include "host/common/idempotency_key.h"

#include <algorithm>

namespace needlework::host {

StatusOr<std::string> IdempotencyKeyOf(const grpc::ServerContextBase& context,
                                       const std::string& field) {
  std::string key = field;
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(kIdempotencyKeyMetadata);
  if (it != metadata.end()) {
    std::string sent(it->second.data(), it->second.size());
    if (!key.empty() && key != sent) {
      return InvalidArgumentError(
          "idempotency_key and the idempotency-key metadata differ; send one key, or the same "
          "key in both");
    }
    key = sent;
  }
  if (key.size() > kMaxIdempotencyKeyLength) {
    return InvalidArgumentError("idempotency_key is " + std::to_string(key.size()) +
                                " characters long; at most " +
                                std::to_string(kMaxIdempotencyKeyLength) + " are allowed");
  }
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x21 && c <= 0x7e; })) {
    return InvalidArgumentError(
        "idempotency_key may hold only printable ASCII without spaces (e.g. a UUID)");
  }
  return key;
}

}  // namespace needlework::host
