#include "host/config/http_config.h"

#include "host/config/config_keys.h"

namespace needlework::host {
namespace {

// http.<key>, a whole number from `min` to `max`, into *out when present.
template <typename T>
Status ReadNumber(const YAML::Node& node, const std::string& key, int64_t min, int64_t max,
                  T* out) {
  int64_t value = static_cast<int64_t>(*out);
  NW_RETURN_IF_ERROR(ReadInRange(node, "http", key, min, max, &value));
  *out = static_cast<T>(value);
  return OkStatus();
}

Status ReadSeconds(const YAML::Node& node, const std::string& key, std::chrono::seconds* out) {
  int64_t seconds = out->count();
  NW_RETURN_IF_ERROR(ReadNumber(node, key, 1, 3600, &seconds));
  *out = std::chrono::seconds(seconds);
  return OkStatus();
}

Status ReadListen(const YAML::Node& node, HttpOptions& options) {
  if (!node["listen"]) return KeyError("http.listen", "missing; e.g. listen: 127.0.0.1:8080");
  NW_ASSIGN_OR_RETURN(options.listen, ScalarString(node["listen"], "http.listen"));
  size_t colon = options.listen.rfind(':');
  if (options.listen.starts_with("unix:") || colon == std::string::npos || colon == 0 ||
      colon + 1 == options.listen.size()) {
    return KeyError("http.listen", "expected host:port (e.g. 127.0.0.1:8080 or [::1]:8080)");
  }
  return OkStatus();
}

}  // namespace

Status ReadHttp(const YAML::Node& node, HttpOptions& options) {
  if (!node.IsMap()) return KeyError("http", "expected a map with listen");
  NW_RETURN_IF_ERROR(
      CheckKnownKeys(node, "http",
                     {"listen", "max_body_bytes", "max_header_bytes", "read_timeout_seconds",
                      "write_timeout_seconds", "idle_timeout_seconds", "workers"}));
  NW_RETURN_IF_ERROR(ReadListen(node, options));
  NW_RETURN_IF_ERROR(ReadNumber(node, "max_body_bytes", 1024, 1 << 30, &options.max_body_bytes));
  NW_RETURN_IF_ERROR(
      ReadNumber(node, "max_header_bytes", 1024, 1 << 20, &options.max_header_bytes));
  NW_RETURN_IF_ERROR(ReadSeconds(node, "read_timeout_seconds", &options.read_timeout));
  NW_RETURN_IF_ERROR(ReadSeconds(node, "write_timeout_seconds", &options.write_timeout));
  NW_RETURN_IF_ERROR(ReadSeconds(node, "idle_timeout_seconds", &options.idle_timeout));
  return ReadNumber(node, "workers", 1, 256, &options.workers);
}

}  // namespace needlework::host
