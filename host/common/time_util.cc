#include "host/common/time_util.h"

#include <chrono>
#include <ctime>

namespace needlework::host {
namespace {

std::tm ToUtc(int64_t unix_seconds) {
  std::time_t seconds = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return utc;
}

}  // namespace

int64_t NowUnixMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatRfc3339Utc(int64_t unix_seconds) {
  std::tm utc = ToUtc(unix_seconds);
  char buffer[64];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string FormatDateUtc(int64_t unix_seconds) {
  std::tm utc = ToUtc(unix_seconds);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d", &utc);
  return buffer;
}

}  // namespace needlework::host
