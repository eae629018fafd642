// Between cpp-httplib's request and response and the plain HttpRequest/HttpReply values.
// Used only by the listener (http_server.cc).
#ifndef NEEDLEWORK_HOST_HTTP_HTTP_EXCHANGE_H_
#define NEEDLEWORK_HOST_HTTP_HTTP_EXCHANGE_H_

#include <httplib.h>

#include <cstddef>
#include <optional>

#include "host/http/http_types.h"

namespace needlework::host {

// `in` as an HttpRequest: header names lower-cased (a repeated header keeps its first
// value), query parameters decoded, the peer as "ip:port".
HttpRequest ToHttpRequest(const httplib::Request& in);

// Writes `reply` into `out` (status, extra headers, body with its content type).
void WriteReply(const HttpReply& reply, httplib::Response& out);

// The reply refusing `in` on its head alone, before its body is read; nullopt to go on.
// 431 when the head (request line and header lines) is larger than `max_head` bytes; 411
// for a body the library would read without a bound: any Transfer-Encoding (chunked), or a
// POST, PUT, PATCH or DELETE without Content-Length.
std::optional<HttpReply> RefuseHead(const httplib::Request& in, size_t max_head);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_HTTP_HTTP_EXCHANGE_H_
