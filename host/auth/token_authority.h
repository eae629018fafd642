// Bearer tokens: who is calling, for which clinic, in which role, and may they make this call.
//
// A caller sends `authorization: Bearer <token>`. Only the SHA-256 of a token is stored; the
// secret is shown once, when issued, and never logged. The clinic of an `emr` or
// `clinic_admin` caller always comes from its token. Lookups read an immutable in-memory
// snapshot (no lock, no database on the call path). Issuing, creating and revoking apply
// their change to the snapshot directly (no reload that could fail after the commit); a
// token being revoked is marked so in the snapshot before its revocation is written, so it
// is refused on the very next call whatever the store answers. Revoked tokens stay in the
// snapshot so that a refusal can say "revoked" rather than "unknown".
// Expiry is checked against the clock on every call.
#ifndef NEEDLEWORK_HOST_AUTH_TOKEN_AUTHORITY_H_
#define NEEDLEWORK_HOST_AUTH_TOKEN_AUTHORITY_H_

#include <google/protobuf/message.h>
#include <grpcpp/server_context.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "host/auth/rpc_policy.h"
#include "host/common/sha256.h"
#include "host/storage/store.h"
#include "needlework/status.h"

namespace needlework::host {

std::string_view RoleName(Role role);
StatusOr<Role> ParseRole(std::string_view name);

// The metadata key under which the audit interceptor records the call's full method name
// (client-sent copies are erased first), so Authorize can find the call's policy.
inline constexpr std::string_view kMethodMetadataKey = "needlework-internal-method";

// The metadata key under which the audit interceptor puts the RESOURCE_EXHAUSTED message
// for a call the refusal limit answers (host/audit/refusal_guard.h); client-sent copies are
// erased first. Authorize refuses such a call before it looks at the token.
inline constexpr std::string_view kLimitedMetadataKey = "needlework-internal-limited";

using ClientMetadata = std::multimap<grpc::string_ref, grpc::string_ref>;

struct Caller {
  std::string token_id;
  Role role = Role::kEmr;
  std::string clinic_id;  // set for kEmr and kClinicAdmin; empty for admin
};

struct IssuedToken {
  std::string secret;  // give to the caller once; never store or log it
  TokenRecord record;
};

// The full method name the interceptor recorded for this call; empty when none.
std::string_view CalledMethod(const grpc::ServerContextBase& context);

class TokenAuthority {
 public:
  explicit TokenAuthority(Store* store) : store_(store) {}  // store: not owned, outlives this

  // (Re)loads every token from the store into the lookup snapshot; at start.
  Status Reload();
  // Adds `token`, already committed to the store, to the lookup snapshot. INVALID_ARGUMENT
  // (and nothing published) for a record whose role is unknown.
  Status Publish(const TokenRecord& token);
  // A new random token, not yet stored (so it can join a larger transaction).
  // expires_at: Unix seconds, 0 for never.
  static IssuedToken Mint(Role role, const std::string& clinic_id, const std::string& label,
                          int64_t expires_at = 0);
  // Mints, stores and publishes a token; nothing is published when the store refuses it.
  StatusOr<IssuedToken> Issue(Role role, const std::string& clinic_id, const std::string& label,
                              int64_t expires_at = 0);
  // Marks the token revoked in the snapshot, then in the store. NOT_FOUND if unknown. When
  // the store fails, the error is returned and the token stays refused by this process (it
  // is live again after a restart only if the revocation was never written).
  StatusOr<TokenRecord> Revoke(const std::string& token_id);

  // The live token in `metadata`'s bearer header. UNAUTHENTICATED for a missing or malformed
  // header, an unknown token ("unknown bearer token"), a revoked one ("bearer token <id> was
  // revoked on <RFC 3339 UTC>") or an expired one ("bearer token <id> expired on <...>").
  // A caller learns its own token's id and dates only: it holds the secret.
  StatusOr<Caller> Authenticate(const ClientMetadata& metadata) const;

  // RESOURCE_EXHAUSTED when the refusal limit answers the call (kLimitedMetadataKey).
  // Authenticate, then the call's rpc_policy entry (found by kMethodMetadataKey):
  // PERMISSION_DENIED when the method has no entry, the role is not allowed, or (kRequest
  // scope) a clinic_admin names another clinic than its own. `request` is the call's
  // request; it must be given for kRequest-scoped methods.
  StatusOr<Caller> Authorize(const grpc::ServerContextBase& context,
                             const google::protobuf::Message* request = nullptr) const;

 private:
  struct Entry {
    Caller caller;
    std::string digest;  // raw SHA-256 of the secret (32 bytes)
    int64_t expires_at = 0;
    int64_t revoked_at = 0;  // Unix seconds; 0: not revoked
  };
  // The snapshot's entry of `token`.
  static StatusOr<Entry> EntryOf(const TokenRecord& token);
  // Keyed by the raw SHA-256 of the secret. Finding a bucket by digest leaks at most which
  // digest prefixes exist, which does not help anyone find a secret (that needs a SHA-256
  // preimage); the final equality check is still constant-time (CRYPTO_memcmp). Hence no
  // token-id prefix in the token string is needed for O(1) lookup.
  using Snapshot = std::unordered_map<std::string, Entry>;

  // Replaces the snapshot with `change` applied to a copy of it.
  template <typename Change>
  void UpdateSnapshot(Change change);

  Store* store_;
  std::mutex write_mutex_;  // one snapshot change at a time, so none is lost
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_{std::make_shared<const Snapshot>()};
};

// The string at `path` (dot-separated singular fields) of `message`; empty when absent.
std::string FieldAtPath(const google::protobuf::Message& message, std::string_view path);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUTH_TOKEN_AUTHORITY_H_
