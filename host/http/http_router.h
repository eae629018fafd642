// Which handler answers a request: routes registered as (method, path) -> HttpHandler, where
// the path is matched exactly or, for a prefix route, as a prefix. Built before the listener
// starts, then only read (Dispatch is safe on many threads at once).
#ifndef NEEDLEWORK_HOST_HTTP_HTTP_ROUTER_H_
#define NEEDLEWORK_HOST_HTTP_HTTP_ROUTER_H_

#include <string>
#include <vector>

#include "host/http/http_types.h"

namespace needlework::host {

struct Route {
  std::string method;  // "GET", "POST", ... (upper case, as sent)
  // Starts with '/'. Exact unless `prefix`: then every path that starts with it matches,
  // e.g. "/cds-services/" matches "/cds-services/needlework-screening/feedback".
  std::string path;
  bool prefix = false;
  HttpHandler handler;
};

class HttpRouter {
 public:
  // Adds `route`. An exact route beats a prefix route, a longer prefix beats a shorter one.
  // INVALID_ARGUMENT when the path does not start with '/', the method or handler is empty,
  // or the same (method, path, prefix) is registered twice.
  Status Add(Route route);

  // The reply of the route for `request`'s method and path. No route for the path: 404;
  // routes for the path but none for its method: 405 with an `Allow` header. Both are
  // JSON errors (ErrorReply).
  HttpReply Dispatch(const HttpRequest& request) const;

 private:
  // The routes that match `path`, best first (exact, then longest prefix).
  std::vector<const Route*> Matching(const std::string& path) const;

  std::vector<Route> routes_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_HTTP_HTTP_ROUTER_H_
