// JSON Web Keys (RFC 7517) as OpenSSL public keys: the verification keys of the EMRs that
// call the CDS Hooks service. Only asymmetric keys are read (RSA of at least 2048 bits, EC on
// P-256, P-384, P-521); a symmetric ("oct") key is never a verification key here, which is
// what rules out HS256 signed with a public key as its secret.
#ifndef NEEDLEWORK_HOST_JWT_JWK_H_
#define NEEDLEWORK_HOST_JWT_JWK_H_

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

using EvpKeyPtr = std::shared_ptr<EVP_PKEY>;

struct Jwk {
  std::string kid;    // may be empty; then the key matches only a token without a kid
  std::string kty;    // "RSA" or "EC"
  std::string alg;    // the one algorithm the key is for, or "" when it does not say
  std::string curve;  // EC only: "P-256", "P-384" or "P-521"
  EvpKeyPtr key;
};

// The largest JWK Set text read, and the most keys in it.
inline constexpr size_t kMaxJwksBytes = 256 * 1024;
inline constexpr size_t kMaxJwksKeys = 100;

// The usable keys of a JWK Set (`{"keys": [...]}`): RSA and EC public keys whose `use` is
// absent or "sig". Keys of other types are skipped; a key of a usable type that is malformed
// (missing or bad n/e/x/y, short RSA modulus, unknown curve) is INVALID_ARGUMENT naming
// `source` and the key, as are text that is not a JWK Set and sets past the limits above.
StatusOr<std::vector<Jwk>> ParseJwks(std::string_view json_text, std::string_view source);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_JWT_JWK_H_
