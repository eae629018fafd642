#include "host/http/http_exchange.h"

#include <algorithm>
#include <cctype>

namespace needlework::host {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Headers the library adds to every request for its own use: not sent by the peer.
bool IsLibraryHeader(const std::string& lower_name) {
  return lower_name == "remote_addr" || lower_name == "remote_port" || lower_name == "local_addr" ||
         lower_name == "local_port";
}

size_t HeadBytes(const httplib::Request& in) {
  // "METHOD TARGET HTTP/1.1\r\n", then "Name: value\r\n" per header.
  size_t bytes = in.method.size() + in.target.size() + in.version.size() + 4;
  for (const auto& [name, value] : in.headers) {
    if (!IsLibraryHeader(Lower(name))) bytes += name.size() + value.size() + 4;
  }
  return bytes;
}

bool MayHaveBody(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

HttpReply Refusal(int http_status, StatusCode code, const std::string& message) {
  HttpReply reply = ErrorReply(Status(code, message));
  reply.status = http_status;
  return reply;
}

}  // namespace

HttpRequest ToHttpRequest(const httplib::Request& in) {
  HttpRequest request;
  request.method = in.method;
  request.path = in.path;
  for (const auto& [name, value] : in.params) request.query.emplace(name, value);
  for (const auto& [name, value] : in.headers) {
    std::string lower = Lower(name);
    if (!IsLibraryHeader(lower)) request.headers.emplace(std::move(lower), value);
  }
  request.body = in.body;
  request.remote_address = in.remote_addr + ":" + std::to_string(in.remote_port);
  return request;
}

void WriteReply(const HttpReply& reply, httplib::Response& out) {
  out.status = reply.status;
  for (const auto& [name, value] : reply.headers) out.set_header(name, value);
  out.set_content(reply.body, reply.content_type);
}

std::optional<HttpReply> RefuseHead(const httplib::Request& in, size_t max_head) {
  if (HeadBytes(in) > max_head) {
    return Refusal(431, StatusCode::kResourceExhausted,
                   "the request head is larger than http.max_header_bytes (" +
                       std::to_string(max_head) + " bytes)");
  }
  if (in.has_header("Transfer-Encoding") ||
      (MayHaveBody(in.method) && !in.has_header("Content-Length"))) {
    return Refusal(411, StatusCode::kInvalidArgument,
                   "send the request body with a Content-Length (no chunked transfer encoding)");
  }
  return std::nullopt;
}

}  // namespace needlework::host
