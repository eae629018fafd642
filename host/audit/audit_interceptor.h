// The per-call server interceptor: tells Authorize which method is being called, and
// appends one audit record for every call of an audited RPC (rpc_policy.h), whatever its
// outcome: allowed, refused (PERMISSION_DENIED, UNAUTHENTICATED) or failed. Refused
// attempts are recorded on purpose: they are what a compliance officer looks for.
//
// The record is appended when the call finishes (PRE_SEND_STATUS), in its own SQLite
// transaction: one extra commit per audited call. It is not in the transaction of the
// write it describes (that would reach into every store method), so a crash between the
// two can lose the record of a completed write; an "OK" record is never written for a
// call that failed, because the outcome is known before the record is.
#ifndef NEEDLEWORK_HOST_AUDIT_AUDIT_INTERCEPTOR_H_
#define NEEDLEWORK_HOST_AUDIT_AUDIT_INTERCEPTOR_H_

#include <grpcpp/server_builder.h>
#include <grpcpp/support/server_interceptor.h>

#include "host/server/host_context.h"

namespace needlework::host {

class AuditInterceptorFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit AuditInterceptorFactory(HostContext* host) : host_(host) {}  // not owned
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  HostContext* host_;
};

// Installs the interceptor on `builder`; `host` must outlive the server.
void InstallCallInterceptors(grpc::ServerBuilder& builder, HostContext* host);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_AUDIT_INTERCEPTOR_H_
