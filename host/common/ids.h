// Random identifiers and secrets.
#ifndef NEEDLEWORK_HOST_COMMON_IDS_H_
#define NEEDLEWORK_HOST_COMMON_IDS_H_

#include <string>

namespace needlework::host {

// `bytes` random bytes from OpenSSL's CSPRNG, as lower-case hex. Aborts when the CSPRNG has
// no entropy (unsafe to go on).
std::string RandomHex(size_t bytes);

// "<prefix>_" followed by 16 random hex digits, e.g. "plan_9f2c...".
inline std::string NewId(const std::string& prefix) { return prefix + "_" + RandomHex(8); }

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_IDS_H_
