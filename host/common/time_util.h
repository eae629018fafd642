// Time formatting shared by the host.
#ifndef NEEDLEWORK_HOST_COMMON_TIME_UTIL_H_
#define NEEDLEWORK_HOST_COMMON_TIME_UTIL_H_

#include <cstdint>
#include <string>

namespace needlework::host {

// Microseconds since the Unix epoch, from the system clock.
int64_t NowUnixMicros();
// "2026-11-22T02:40:00Z" for a Unix time in seconds (UTC).
std::string FormatRfc3339Utc(int64_t unix_seconds);
// "2026-11-22" for a Unix time in seconds (UTC).
std::string FormatDateUtc(int64_t unix_seconds);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_TIME_UTIL_H_
