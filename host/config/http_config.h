// The `http` section of the host config: the HTTP listener (CDS Hooks, metrics, probes).
// Part of ParseHostConfig, in a file of its own.
#ifndef NEEDLEWORK_HOST_CONFIG_HTTP_CONFIG_H_
#define NEEDLEWORK_HOST_CONFIG_HTTP_CONFIG_H_

#include <yaml-cpp/yaml.h>

#include "host/http/http_options.h"
#include "needlework/status.h"

namespace needlework::host {

// Reads `http: {listen, max_body_bytes, max_header_bytes, read_timeout_seconds,
// write_timeout_seconds, idle_timeout_seconds, workers}` into `options`; keys left out keep
// their defaults. INVALID_ARGUMENT naming the key: not a map, an unknown key, a missing or
// non-"host:port" listen (a unix socket is not served), a number out of range.
Status ReadHttp(const YAML::Node& node, HttpOptions& options);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_HTTP_CONFIG_H_
