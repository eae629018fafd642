#include "host/jwt/jws_signature.h"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>

#include <memory>
#include <string>

namespace needlework::host {
namespace {

struct Algorithm {
  std::string_view name;
  std::string_view family;  // "RSA" or "EC"
  std::string_view curve;   // EC only
  const EVP_MD* (*digest)();
  size_t coordinate_bytes;  // EC only: r and s each
};

constexpr Algorithm kAlgorithms[] = {
    {"RS256", "RSA", "", EVP_sha256, 0},      {"RS384", "RSA", "", EVP_sha384, 0},
    {"RS512", "RSA", "", EVP_sha512, 0},      {"ES256", "EC", "P-256", EVP_sha256, 32},
    {"ES384", "EC", "P-384", EVP_sha384, 48}, {"ES512", "EC", "P-521", EVP_sha512, 66},
};

const Algorithm* FindAlgorithm(std::string_view alg) {
  for (const Algorithm& known : kAlgorithms) {
    if (known.name == alg) return &known;
  }
  return nullptr;
}

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct EcdsaSigFree {
  void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); }
};

Status BadSignature() {
  return Status(StatusCode::kUnauthenticated, "the token's signature does not verify");
}

// JOSE's r||s as the DER ECDSA-Sig-Value OpenSSL verifies.
StatusOr<std::string> EcdsaDer(std::string_view signature, size_t coordinate_bytes) {
  if (signature.size() != 2 * coordinate_bytes) return BadSignature();
  const auto* bytes = reinterpret_cast<const unsigned char*>(signature.data());
  BIGNUM* r = BN_bin2bn(bytes, static_cast<int>(coordinate_bytes), nullptr);
  BIGNUM* s = BN_bin2bn(bytes + coordinate_bytes, static_cast<int>(coordinate_bytes), nullptr);
  std::unique_ptr<ECDSA_SIG, EcdsaSigFree> sig(ECDSA_SIG_new());
  if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return BadSignature();
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) return BadSignature();
  std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

bool IsSupportedJwsAlgorithm(std::string_view alg) { return FindAlgorithm(alg) != nullptr; }

bool KeyFitsAlgorithm(const Jwk& key, std::string_view alg) {
  const Algorithm* algorithm = FindAlgorithm(alg);
  if (algorithm == nullptr || key.kty != algorithm->family) return false;
  if (!key.alg.empty() && key.alg != alg) return false;
  return algorithm->family != "EC" || key.curve == algorithm->curve;
}

Status VerifyJwsSignature(std::string_view alg, const Jwk& key, std::string_view signing_input,
                          std::string_view signature) {
  const Algorithm* algorithm = FindAlgorithm(alg);
  if (algorithm == nullptr || !KeyFitsAlgorithm(key, alg)) return BadSignature();
  std::string der;
  if (algorithm->family == "EC") {
    NW_ASSIGN_OR_RETURN(der, EcdsaDer(signature, algorithm->coordinate_bytes));
    signature = der;
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx ||
      EVP_DigestVerifyInit(ctx.get(), nullptr, algorithm->digest(), nullptr, key.key.get()) != 1) {
    return BadSignature();
  }
  int verified = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
      reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size());
  if (verified == 1) return Status();
  ERR_clear_error();  // the failure stays ours, not the next OpenSSL caller's on this thread
  return BadSignature();
}

}  // namespace needlework::host
