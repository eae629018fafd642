#include "host/http/http_router.h"

#include <algorithm>

namespace needlework::host {
namespace {

bool Matches(const Route& route, const std::string& path) {
  return route.prefix ? path.starts_with(route.path) : path == route.path;
}

// Exact routes first, then prefixes from the longest.
bool Better(const Route* a, const Route* b) {
  if (a->prefix != b->prefix) return !a->prefix;
  return a->path.size() > b->path.size();
}

std::string AllowedMethods(const std::vector<const Route*>& routes) {
  std::vector<std::string> methods;
  for (const Route* route : routes) {
    if (std::find(methods.begin(), methods.end(), route->method) == methods.end())
      methods.push_back(route->method);
  }
  std::string allow;
  for (const auto& method : methods) allow += (allow.empty() ? "" : ", ") + method;
  return allow;
}

}  // namespace

Status HttpRouter::Add(Route route) {
  if (route.method.empty() || !route.handler || !route.path.starts_with("/")) {
    return InvalidArgumentError("HTTP route '" + route.method + " " + route.path +
                                "': needs a method, a handler and a path starting with '/'");
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.path == route.path &&
        existing.prefix == route.prefix) {
      return InvalidArgumentError("HTTP route '" + route.method + " " + route.path +
                                  "' is registered twice");
    }
  }
  routes_.push_back(std::move(route));
  return OkStatus();
}

std::vector<const Route*> HttpRouter::Matching(const std::string& path) const {
  std::vector<const Route*> matching;
  for (const Route& route : routes_) {
    if (Matches(route, path)) matching.push_back(&route);
  }
  std::stable_sort(matching.begin(), matching.end(), Better);
  return matching;
}

HttpReply HttpRouter::Dispatch(const HttpRequest& request) const {
  std::vector<const Route*> matching = Matching(request.path);
  if (matching.empty()) return ErrorReply(NotFoundError("no such path: " + request.path));
  for (const Route* route : matching) {
    if (route->method == request.method) return route->handler(request);
  }
  HttpReply reply = ErrorReply(Status(StatusCode::kUnimplemented,
                                      "method " + request.method + " is not allowed on " +
                                          request.path + "; allowed: " + AllowedMethods(matching)));
  reply.status = 405;
  reply.headers.emplace_back("Allow", AllowedMethods(matching));
  return reply;
}

}  // namespace needlework::host
