// Bearer tokens: who is calling, for which clinic, in which role.
//
// A caller sends `authorization: Bearer <token>`. Only the SHA-256 of a token is stored; the
// secret is shown once, when issued. The clinic of an `emr` caller always comes from its
// token, never from a request. Lookups read an immutable in-memory snapshot (no lock, no
// database on the call path); issuing a token swaps in a new snapshot.
#ifndef NEEDLEWORK_HOST_AUTH_TOKEN_AUTHORITY_H_
#define NEEDLEWORK_HOST_AUTH_TOKEN_AUTHORITY_H_

#include <grpcpp/server_context.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "host/storage/store.h"
#include "needlework/status.h"

namespace needlework::host {

enum class Role { kEmr, kAdmin };

std::string_view RoleName(Role role);
StatusOr<Role> ParseRole(std::string_view name);

struct Caller {
  std::string token_id;
  Role role = Role::kEmr;
  std::string clinic_id;  // set for kEmr; empty for host-wide roles
};

struct IssuedToken {
  std::string secret;  // give to the caller once; never store or log it
  TokenRecord record;
};

// Hex SHA-256 of `text`.
std::string Sha256Hex(std::string_view text);

class TokenAuthority {
 public:
  explicit TokenAuthority(Store* store) : store_(store) {}  // store: not owned, outlives this

  // (Re)loads every token from the store into the lookup snapshot.
  Status Reload();
  // A new random token, not yet stored (so it can join a larger transaction).
  static IssuedToken Mint(Role role, const std::string& clinic_id, const std::string& label);
  // Mints, stores and publishes a token.
  StatusOr<IssuedToken> Issue(Role role, const std::string& clinic_id, const std::string& label);

  // The caller behind the request's bearer token, if it holds `required`. UNAUTHENTICATED
  // for a missing, malformed or unknown token; PERMISSION_DENIED for the wrong role.
  StatusOr<Caller> Authorize(const grpc::ServerContextBase& context, Role required) const;

 private:
  using Snapshot = std::unordered_map<std::string, Caller>;  // by token hash

  Store* store_;
  std::mutex reload_mutex_;  // one Reload at a time, so an older token list never wins
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_{std::make_shared<const Snapshot>()};
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUTH_TOKEN_AUTHORITY_H_
