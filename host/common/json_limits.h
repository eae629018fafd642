// Bounds on JSON text an admin sends (plugin config patches), checked on the raw bytes
// before any parser sees them: nlohmann's parse, merge and dump recurse once per nesting
// level, so an unbounded depth would overflow the stack of the serving thread.
#ifndef NEEDLEWORK_HOST_COMMON_JSON_LIMITS_H_
#define NEEDLEWORK_HOST_COMMON_JSON_LIMITS_H_

#include <cstddef>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host {

struct JsonLimits {
  size_t max_bytes;
  int max_depth;  // objects and arrays nested in each other; a flat object is depth 1
};

// A clinic's plugin config (EnablePlugin, SetPluginConfig): far beyond any real rule set.
inline constexpr JsonLimits kPluginConfigLimits = {64 * 1024, 32};

// OK when `text` is at most limits.max_bytes long and no object or array in it is nested
// deeper than limits.max_depth (brackets inside strings do not count); else INVALID_ARGUMENT
// naming `what`, the limit and what was found. Does not check that `text` is valid JSON.
Status CheckJsonLimits(std::string_view text, std::string_view what, const JsonLimits& limits);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_JSON_LIMITS_H_
