// The authorization matrix: the one table that says, for every RPC of every needlework.v1
// service, which roles may call it, where its clinic comes from, and whether it is audited.
//
// TokenAuthority::Authorize enforces the table; the audit interceptor reads it. An RPC with
// no entry is refused (fail closed), and tests/host/unit/rpc_policy_test.cc fails when a
// method of any needlework.v1 service has no entry, so a new RPC cannot ship unlisted.
#ifndef NEEDLEWORK_HOST_AUTH_RPC_POLICY_H_
#define NEEDLEWORK_HOST_AUTH_RPC_POLICY_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace needlework::host {

enum class Role { kEmr, kClinicAdmin, kAdmin };

// A set of roles, as bits (1 << Role).
using RoleSet = uint8_t;
constexpr RoleSet RoleBit(Role role) { return static_cast<RoleSet>(1u << static_cast<int>(role)); }

enum class ClinicScope {
  kToken,    // clinical calls: the clinic is the token's, never the request's
  kRequest,  // the request names a clinic: a clinic_admin may only name its own, admin any
  kHost,     // host-wide: no clinic (the service may check more, e.g. RevokeToken)
};

enum class AuditKind {
  kNone,         // not audited (reads of host-wide or non-patient data)
  kRecord,       // one record per call, with its outcome
  kBeforeAfter,  // as kRecord, plus the clinic plugin's state before and after the call
};

struct RpcPolicy {
  std::string_view method;  // full gRPC name, "/needlework.v1.ScreeningService/Screen"
  RoleSet roles;
  ClinicScope scope;
  // For kRequest (and for audit's clinic column): the request's clinic field, as a
  // dot-separated path of singular fields ("clinic_id", "hours.clinic_id"). Empty: none.
  std::string_view clinic_field;
  AuditKind audit;
};

// The entry for `method`, or nullptr when there is none (such calls are refused).
const RpcPolicy* FindRpcPolicy(std::string_view method);
// Every entry, in table order.
std::span<const RpcPolicy> AllRpcPolicies();

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUTH_RPC_POLICY_H_
