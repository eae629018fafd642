#include "host/common/json_limits.h"

#include <string>

namespace needlework::host {
namespace {

// The deepest nesting of objects and arrays in `text`, stopping once it passes `stop_above`.
int NestingDepth(std::string_view text, int stop_above) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
      if (deepest > stop_above) return deepest;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

Status CheckJsonLimits(std::string_view text, std::string_view what, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return InvalidArgumentError(std::string(what) + " is " + std::to_string(text.size()) +
                                " bytes; at most " + std::to_string(limits.max_bytes) +
                                " are accepted");
  }
  if (NestingDepth(text, limits.max_depth) > limits.max_depth) {
    return InvalidArgumentError(std::string(what) + " nests objects and arrays more than " +
                                std::to_string(limits.max_depth) + " levels deep");
  }
  return OkStatus();
}

}  // namespace needlework::host
