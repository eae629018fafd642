// The per-call server interceptor: tells Authorize which method is being called and whether
// the refusal limit answers the call (refusal_guard.h), and appends one audit record for every call
// of an audited RPC (rpc_policy.h), whatever its outcome: allowed, refused (PERMISSION_DENIED,
// UNAUTHENTICATED) or failed. Refused attempts are recorded on purpose: they are what a compliance
// officer looks for; they and the calls the refusal limit answers are recorded aggregated, per peer
// and minute, with no commit per call (refusal_tally.h).
//
// Fails closed (host/storage/call_audit.h): the record of a call that writes commits in
// the same transaction as its write, or the write is rolled back and the call fails; every
// other call's record rides the store's group commit, and the call answers only once that
// record is durable, or fails UNAVAILABLE when it cannot be written. So a completed write
// always has its record, and an "OK" record is never written for a call that failed.
// Refused calls are the exception: counted in the tally, they answer at once, with no
// record of their own.
#ifndef NEEDLEWORK_HOST_AUDIT_AUDIT_INTERCEPTOR_H_
#define NEEDLEWORK_HOST_AUDIT_AUDIT_INTERCEPTOR_H_

#include <grpcpp/server_builder.h>
#include <grpcpp/support/server_interceptor.h>

#include "host/admin/clinic_plugins.h"
#include "host/audit/refusal_guard.h"
#include "host/auth/token_authority.h"
#include "host/storage/store.h"

namespace needlework::host {

class AuditInterceptorFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Not owned: each outlives the server. `clinic_plugins` shows plugin changes' before/after.
  AuditInterceptorFactory(TokenAuthority& tokens, Store& store, ClinicPluginManager& clinic_plugins,
                          RefusalGuard& guard)
      : tokens_(tokens), store_(store), clinic_plugins_(clinic_plugins), guard_(guard) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  TokenAuthority& tokens_;
  Store& store_;
  ClinicPluginManager& clinic_plugins_;
  RefusalGuard& guard_;
};

using InterceptorFactory = grpc::experimental::ServerInterceptorFactoryInterface;

// Installs the interceptor on `builder`, after `first` when given (e.g. the RPC metrics, so
// they see every call); the arguments must outlive the server.
void InstallCallInterceptors(grpc::ServerBuilder& builder, TokenAuthority& tokens, Store& store,
                             ClinicPluginManager& clinic_plugins, RefusalGuard& guard,
                             std::unique_ptr<InterceptorFactory> first = nullptr);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_AUDIT_INTERCEPTOR_H_
