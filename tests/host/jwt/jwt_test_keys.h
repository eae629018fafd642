// Keys made with OpenSSL for the JWT tests, their JWKs, and tokens they sign: the same
// operations an EMR performs, so the verifier is tested against real signatures.
#ifndef NEEDLEWORK_TESTS_HOST_JWT_JWT_TEST_KEYS_H_
#define NEEDLEWORK_TESTS_HOST_JWT_JWT_TEST_KEYS_H_

#include <nlohmann/json.hpp>
#include <string>

#include "host/jwt/jwk.h"

namespace needlework::host::testing {

struct TestKey {
  EvpKeyPtr key;       // private
  std::string family;  // "RSA" or "EC"
  std::string curve;   // EC: "P-256", "P-384"
  std::string kid;

  static TestKey Rsa(const std::string& kid, int bits = 2048);
  static TestKey Ec(const std::string& kid, const std::string& curve);

  nlohmann::json PublicJwk() const;  // with kty, kid, use "sig" and the public numbers
  std::string PublicPem() const;     // SubjectPublicKeyInfo PEM (for the HS256 attack)
};

// `{"keys": [...]}` of the keys' public halves.
std::string JwksOf(const std::vector<const TestKey*>& keys);

// header.payload.signature signed by `key` with `alg` (RS*/ES*).
std::string SignJwt(const nlohmann::json& header, const nlohmann::json& payload, const TestKey& key,
                    const std::string& alg);

// header.payload. with an HMAC-SHA256 signature under `secret` (an attacker's token).
std::string SignHs256(const nlohmann::json& header, const nlohmann::json& payload,
                      const std::string& secret);

// header.payload. with no signature ("alg": "none").
std::string UnsignedJwt(const nlohmann::json& header, const nlohmann::json& payload);

}  // namespace needlework::host::testing

#endif  // NEEDLEWORK_TESTS_HOST_JWT_JWT_TEST_KEYS_H_
