// Structured logging: one JSON object per line on stderr, one line per event.
//   {"ts":"2026-11-22T02:40:00.123Z","level":"info","event":"plugin_loaded","plugin":"..."}
// Thread-safe: each line is written with a single write(2), so lines never interleave.
#ifndef NEEDLEWORK_HOST_COMMON_LOG_H_
#define NEEDLEWORK_HOST_COMMON_LOG_H_

#include <nlohmann/json.hpp>
#include <string_view>

namespace needlework::host {

enum class Level { kDebug, kInfo, kWarning, kError };

// Writes {"ts", "level", "event", ...fields} as one line. `fields` must be a JSON object
// (or null). Never logs secrets: callers pass token ids, never tokens.
void LogEvent(Level level, std::string_view event, const nlohmann::json& fields = nullptr);

// Suppresses lines below `level` (default kInfo).
void SetMinimumLogLevel(Level level);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_LOG_H_
