// The host's HTTP face (CDS Hooks, metrics, probes) as plain values: the listener turns a
// library's request into an HttpRequest, calls the route's handler, and writes its
// HttpReply. Handlers never see the HTTP library, so they are tested without a socket.
#ifndef NEEDLEWORK_HOST_HTTP_HTTP_TYPES_H_
#define NEEDLEWORK_HOST_HTTP_HTTP_TYPES_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string, e.g. "/cds-services/needlework-screening"
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote_address;  // "ip:port" of the peer

  // The header's value, or "" when absent. `name` in lower case.
  const std::string& Header(const std::string& name) const;
};

struct HttpReply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra response headers
};

// Answers one request. Called on the listener's worker threads, concurrently: a handler
// must be thread-safe, and must not block longer than the listener's request time limit.
using HttpHandler = std::function<HttpReply(const HttpRequest&)>;

// A JSON body `{"error": {"code": "<code name>", "message": "<message>"}}` with the HTTP
// status that matches `status`'s code (INVALID_ARGUMENT 400, UNAUTHENTICATED 401,
// PERMISSION_DENIED 403, NOT_FOUND 404, RESOURCE_EXHAUSTED 429, UNAVAILABLE 503, ...).
HttpReply ErrorReply(const Status& status);

// The HTTP status for a Status code (OK 200).
int HttpStatusFor(StatusCode code);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_HTTP_HTTP_TYPES_H_
