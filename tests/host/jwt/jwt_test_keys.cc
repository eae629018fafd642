#include "tests/host/jwt/jwt_test_keys.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <stdexcept>
#include <vector>

#include "host/jwt/base64url.h"

namespace needlework::host::testing {
namespace {

EvpKeyPtr Own(EVP_PKEY* key) {
  if (key == nullptr) throw std::runtime_error("OpenSSL could not make a key");
  return EvpKeyPtr(key, EVP_PKEY_free);
}

std::string BnBytes(const EVP_PKEY* key, const char* name, int width = 0) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &number) != 1) throw std::runtime_error(name);
  std::vector<unsigned char> bytes(width > 0 ? width : BN_num_bytes(number));
  BN_bn2binpad(number, bytes.data(), static_cast<int>(bytes.size()));
  BN_free(number);
  return std::string(bytes.begin(), bytes.end());
}

int CoordinateBytes(const std::string& curve) {
  return curve == "P-256" ? 32 : curve == "P-384" ? 48 : 66;
}

std::string DigestName(const std::string& alg) {
  return alg.substr(2) == "256" ? "SHA256" : alg.substr(2) == "384" ? "SHA384" : "SHA512";
}

std::string SigningInput(const nlohmann::json& header, const nlohmann::json& payload) {
  return EncodeBase64Url(header.dump()) + "." + EncodeBase64Url(payload.dump());
}

}  // namespace

TestKey TestKey::Rsa(const std::string& kid, int bits) {
  return TestKey{Own(EVP_RSA_gen(static_cast<unsigned>(bits))), "RSA", "", kid};
}

TestKey TestKey::Ec(const std::string& kid, const std::string& curve) {
  const char* group = curve == "P-256" ? "P-256" : curve == "P-384" ? "P-384" : "P-521";
  return TestKey{Own(EVP_EC_gen(group)), "EC", curve, kid};
}

nlohmann::json TestKey::PublicJwk() const {
  nlohmann::json jwk = {{"kty", family}, {"kid", kid}, {"use", "sig"}};
  if (family == "RSA") {
    jwk["n"] = EncodeBase64Url(BnBytes(key.get(), OSSL_PKEY_PARAM_RSA_N));
    jwk["e"] = EncodeBase64Url(BnBytes(key.get(), OSSL_PKEY_PARAM_RSA_E));
  } else {
    int width = CoordinateBytes(curve);
    jwk["crv"] = curve;
    jwk["x"] = EncodeBase64Url(BnBytes(key.get(), OSSL_PKEY_PARAM_EC_PUB_X, width));
    jwk["y"] = EncodeBase64Url(BnBytes(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, width));
  }
  return jwk;
}

std::string TestKey::PublicPem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, key.get());
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(length));
  BIO_free(bio);
  return pem;
}

std::string JwksOf(const std::vector<const TestKey*>& keys) {
  nlohmann::json set = {{"keys", nlohmann::json::array()}};
  for (const TestKey* key : keys) set["keys"].push_back(key->PublicJwk());
  return set.dump();
}

std::string SignJwt(const nlohmann::json& header, const nlohmann::json& payload, const TestKey& key,
                    const std::string& alg) {
  std::string input = SigningInput(header, payload);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  size_t length = 0;
  EVP_DigestSignInit_ex(ctx, nullptr, DigestName(alg).c_str(), nullptr, nullptr, key.key.get(),
                        nullptr);
  EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()),
                 input.size());
  std::vector<unsigned char> signature(length);
  EVP_DigestSign(ctx, signature.data(), &length,
                 reinterpret_cast<const unsigned char*>(input.data()), input.size());
  EVP_MD_CTX_free(ctx);
  signature.resize(length);
  std::string raw(signature.begin(), signature.end());
  if (key.family == "EC") {  // DER to JOSE r||s
    const unsigned char* der = signature.data();
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &der, static_cast<long>(signature.size()));
    int width = CoordinateBytes(key.curve);
    std::vector<unsigned char> rs(2 * width);
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), rs.data(), width);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), rs.data() + width, width);
    ECDSA_SIG_free(sig);
    raw.assign(rs.begin(), rs.end());
  }
  return input + "." + EncodeBase64Url(raw);
}

std::string SignHs256(const nlohmann::json& header, const nlohmann::json& payload,
                      const std::string& secret) {
  std::string input = SigningInput(header, payload);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length);
  return input + "." + EncodeBase64Url(std::string(reinterpret_cast<char*>(mac), length));
}

std::string UnsignedJwt(const nlohmann::json& header, const nlohmann::json& payload) {
  return SigningInput(header, payload) + ".";
}

}  // namespace needlework::host::testing
