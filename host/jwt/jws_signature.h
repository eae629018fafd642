// The signature check of a JWS (RFC 7515, RFC 7518 section 3): RS256/384/512 (RSASSA
// PKCS#1 v1.5) and ES256/384/512 (ECDSA, the JOSE r||s form). No other algorithm is
// accepted: "none", the HMAC family and anything unknown are refused before a key is used.
#ifndef NEEDLEWORK_HOST_JWT_JWS_SIGNATURE_H_
#define NEEDLEWORK_HOST_JWT_JWS_SIGNATURE_H_

#include <string_view>

#include "host/jwt/jwk.h"
#include "needlework/status.h"

namespace needlework::host {

// True for the algorithms above.
bool IsSupportedJwsAlgorithm(std::string_view alg);

// True when `key` may verify `alg`: its type is the algorithm's family (RSA for RS*, EC on
// the algorithm's own curve for ES*), and the key names no other algorithm.
bool KeyFitsAlgorithm(const Jwk& key, std::string_view alg);

// OK when `signature` is a valid `alg` signature of `signing_input` by `key`; else
// UNAUTHENTICATED. The caller has checked IsSupportedJwsAlgorithm and KeyFitsAlgorithm.
Status VerifyJwsSignature(std::string_view alg, const Jwk& key, std::string_view signing_input,
                          std::string_view signature);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_JWT_JWS_SIGNATURE_H_
