// Verifies the bearer JWT an EMR sends with every CDS Hooks call (CDS Hooks 2.0, "Trusting
// CDS Clients"; RFC 7519). A token is accepted only when all of these hold:
//   - compact JWS of three base64url parts, at most JwtPolicy::max_token_bytes;
//   - header `alg` is RS256/384/512 or ES256/384/512 ("none", HS*, anything else refused
//     before any key is looked at), `typ` absent or "JWT", no `crit`;
//   - payload `iss` is a configured issuer; the key comes only from that issuer's keys: its
//     JWK Set file, or the JWK Set at the header's `jku` when that URL is on the issuer's
//     allow-list (exact match); `kid` selects the key (a token without `kid` needs the set
//     to hold exactly one key that fits the algorithm);
//   - the key's type and curve fit `alg`, and the signature verifies;
//   - `aud` (string or array) holds JwtPolicy::audience or a URL under it (the endpoint
//     called, e.g. <audience>/cds-services/<id>);
//   - `exp` and `iat` are numbers, `iat` <= now + skew, now < `exp` + skew, and `exp` - `iat`
//     at most max_lifetime;
//   - `jti` is a non-empty string not seen before from that issuer (kept until `exp` +
//     skew).
// Every refusal is UNAUTHENTICATED, and names its reason (JwtRefusal) for metrics and logs.
#ifndef NEEDLEWORK_HOST_JWT_JWT_VERIFIER_H_
#define NEEDLEWORK_HOST_JWT_JWT_VERIFIER_H_

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "host/jwt/jwk.h"
#include "host/jwt/replay_cache.h"
#include "needlework/status.h"

namespace needlework::host {

struct JwtIssuer {
  std::string issuer;                  // the exact `iss`
  std::vector<Jwk> keys;               // from its JWK Set file (ParseJwks); may be empty
  std::vector<std::string> jku_allow;  // JWK Set URLs a token's `jku` may name
};

struct JwtPolicy {
  std::vector<JwtIssuer> issuers;
  std::string audience;  // our service URL as the EMR calls it
  std::chrono::seconds clock_skew{60};
  std::chrono::seconds max_lifetime{300};  // CDS Hooks: exp no more than 5 minutes out
  size_t max_token_bytes = 16 * 1024;
  size_t replay_cache_capacity = 100000;
  std::chrono::seconds jku_cache_ttl{600};
  std::chrono::seconds jku_refetch_gap{60};  // an unknown kid refetches at most this often
};

// Fetches the JWK Set text at an allow-listed `jku` URL (bounded in time and size by the
// implementation; UNAVAILABLE when it cannot).
using JwksFetch = std::function<StatusOr<std::string>(const std::string& url)>;

struct VerifiedJwt {
  std::string issuer;
  std::string subject;  // `sub`, "" when absent
  std::string tenant;   // `tenant`, "" when absent
  std::string jti;
  std::chrono::system_clock::time_point issued_at;
  std::chrono::system_clock::time_point expires_at;
};

// Why a token was refused: a fixed label set, safe as a metric label.
enum class JwtRefusal {
  kNone,
  kMalformed,        // not a compact JWS, bad base64url or JSON, a claim of the wrong type
  kBadAlgorithm,     // alg none, HS*, unknown, or a key of another type
  kUnknownIssuer,    // iss not configured
  kUnknownKey,       // no key with that kid, or jku not allowed
  kKeysUnavailable,  // the jku could not be fetched
  kBadSignature,
  kWrongAudience,
  kExpired,          // exp passed
  kNotYetValid,      // iat in the future
  kLifetimeTooLong,  // exp - iat past max_lifetime
  kReplayed,         // jti seen before
  kReplayCacheFull,
};
std::string_view JwtRefusalName(JwtRefusal refusal);  // "bad_signature", ...

class JwtVerifier {
 public:
  using Clock = std::chrono::system_clock;

  // `fetch` is used only for allow-listed `jku` URLs; it may be empty when no issuer has any.
  JwtVerifier(JwtPolicy policy, JwksFetch fetch);

  // The token's claims when every check above passes; else UNAUTHENTICATED saying why, with
  // `*refusal` (when given) set to the reason. Records the jti only on success.
  // Thread-safe.
  StatusOr<VerifiedJwt> Verify(std::string_view token, Clock::time_point now,
                               JwtRefusal* refusal = nullptr);

  const JwtPolicy& policy() const { return policy_; }

 private:
  struct CachedSet {
    std::vector<Jwk> keys;
    Clock::time_point fetched_at{};
  };

  StatusOr<VerifiedJwt> VerifyOrRefuse(std::string_view token, Clock::time_point now,
                                       JwtRefusal& refusal);
  StatusOr<Jwk> KeyFor(const JwtIssuer& issuer, const std::string& jku, const std::string& kid,
                       const std::string& alg, Clock::time_point now, JwtRefusal& refusal);
  StatusOr<std::vector<Jwk>> KeysAt(const std::string& jku, bool refetch, Clock::time_point now,
                                    JwtRefusal& refusal);

  const JwtPolicy policy_;
  const JwksFetch fetch_;
  ReplayCache replays_;
  std::mutex jku_mutex_;
  std::map<std::string, CachedSet> jku_sets_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_JWT_JWT_VERIFIER_H_
