// The gRPC server: our services, health checking and reflection, on the configured address;
// and, when `http.listen` is configured, the HTTP listener (probes) beside it.
#ifndef NEEDLEWORK_HOST_SERVER_SERVER_H_
#define NEEDLEWORK_HOST_SERVER_SERVER_H_

#include <grpcpp/server.h>

#include <chrono>
#include <memory>
#include <string>

#include "host/audit/refusal_guard.h"
#include "host/cdshooks/cds_service.h"
#include "host/http/http_server.h"
#include "host/server/host_context.h"

namespace needlework::host {

class HostServer {
 public:
  // Binds and starts serving, with the credentials of ListenerCredentials (transport.h),
  // then the HTTP listener when configured (TLS from the same `tls` settings).
  // FAILED_PRECONDITION when an address cannot be bound, a TLS file cannot be read, or
  // plaintext would be served off loopback without allow_plaintext_non_loopback.
  static StatusOr<std::unique_ptr<HostServer>> Start(HostContext* host);
  ~HostServer();

  // The address actually bound, e.g. "127.0.0.1:43121" when port 0 was configured.
  const std::string& address() const { return address_; }
  // The HTTP listener's bound address; "" when it is not configured.
  std::string http_address() const { return http_ ? http_->address() : ""; }
  // Stops both listeners accepting and lets in-flight calls finish, up to `grace`; then
  // cancels them, waits for the HTTP connections to end (HttpServer::Stop) and appends the
  // audit records of the refusals counted but not yet flushed.
  void Shutdown(std::chrono::milliseconds grace);

 private:
  struct Services;
  HostServer() = default;

  std::unique_ptr<RefusalGuard> refusals_;  // outlives the server; flushed at Shutdown
  std::unique_ptr<Services> services_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<CdsHooksService> cds_hooks_;  // outlives http_, which routes to it
  std::unique_ptr<HttpServer> http_;
  std::string address_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_SERVER_H_
