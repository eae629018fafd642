// A small HTTP client (libcurl) for the few calls the host makes out: a CDS Hooks service
// reading the FHIR server an EMR named, and the keys a JWT's jku names. Bounded in time and
// size; https only, except to a loopback host.
#ifndef NEEDLEWORK_HOST_HTTP_HTTP_CLIENT_H_
#define NEEDLEWORK_HOST_HTTP_HTTP_CLIENT_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

// Whether the host may call `url`: https to any host, or http to a loopback one
// (127.0.0.1, [::1], localhost). Anything else (other schemes, no host) is refused.
bool UrlAllowed(const std::string& url);

struct HttpGetLimits {
  std::chrono::milliseconds timeout{5000};  // the whole exchange, connecting included
  size_t max_bytes = 8 * 1024 * 1024;       // of the reply's body
};

struct HttpGetReply {
  int status = 0;  // the HTTP status
  std::string body;
};

// GETs `url` with `headers` ("Name: value" each). Redirects are not followed. Returns any
// answer the server gave (check `status`); INVALID_ARGUMENT for a URL UrlAllowed refuses;
// RESOURCE_EXHAUSTED for a body over `limits.max_bytes`; DEADLINE_EXCEEDED past
// `limits.timeout`; UNAVAILABLE, with libcurl's reason, when the server cannot be reached
// (or its certificate does not verify against the system's CAs). Thread-safe.
StatusOr<HttpGetReply> HttpGet(const std::string& url, const std::vector<std::string>& headers,
                               const HttpGetLimits& limits);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_HTTP_HTTP_CLIENT_H_
