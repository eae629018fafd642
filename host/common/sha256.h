// SHA-256 as lower-case hex, fast enough to run on every call (bearer tokens, audit records).
#ifndef NEEDLEWORK_HOST_COMMON_SHA256_H_
#define NEEDLEWORK_HOST_COMMON_SHA256_H_

#include <string>
#include <string_view>

namespace needlework::host {

// Lower-case hex SHA-256 of `text` (64 characters). Thread-safe.
std::string Sha256Hex(std::string_view text);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_SHA256_H_
