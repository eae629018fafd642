// The gRPC server: our services, health checking and reflection, on the configured address.
#ifndef NEEDLEWORK_HOST_SERVER_SERVER_H_
#define NEEDLEWORK_HOST_SERVER_SERVER_H_

#include <grpcpp/server.h>

#include <chrono>
#include <memory>
#include <string>

#include "host/audit/refusal_guard.h"
#include "host/server/host_context.h"

namespace needlework::host {

class HostServer {
 public:
  // Binds and starts serving, with the credentials of ListenerCredentials (transport.h).
  // FAILED_PRECONDITION when the address cannot be bound, a TLS file cannot be read, or
  // plaintext would be served off loopback without allow_plaintext_non_loopback.
  static StatusOr<std::unique_ptr<HostServer>> Start(HostContext* host);
  ~HostServer();

  // The address actually bound, e.g. "127.0.0.1:43121" when port 0 was configured.
  const std::string& address() const { return address_; }
  // Stops accepting calls and lets in-flight calls finish, up to `grace`; then cancels them
  // and appends the audit records of the refusals counted but not yet flushed.
  void Shutdown(std::chrono::milliseconds grace);

 private:
  struct Services;
  HostServer() = default;

  std::unique_ptr<RefusalGuard> refusals_;  // outlives the server; flushed at Shutdown
  std::unique_ptr<Services> services_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_SERVER_H_
