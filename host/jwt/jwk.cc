#include "host/jwt/jwk.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "host/common/json_limits.h"
#include "host/jwt/base64url.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;

struct BnFree {
  void operator()(BIGNUM* n) const { BN_free(n); }
};
struct ParamBuildFree {
  void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

constexpr int kMinRsaBits = 2048;
constexpr int kMaxJwksDepth = 8;  // {"keys": [{"x5c": [...]}]} is 3 deep

Status KeyError(std::string_view source, size_t index, const std::string& why) {
  return Status(StatusCode::kInvalidArgument,
                std::string(source) + ": key " + std::to_string(index) + ": " + why);
}

StatusOr<std::string> DecodedMember(const Json& key, const char* name, std::string_view source,
                                    size_t index) {
  auto found = key.find(name);
  if (found == key.end() || !found->is_string() || found->get<std::string>().empty()) {
    return KeyError(source, index, std::string("missing \"") + name + "\"");
  }
  auto bytes = DecodeBase64Url(found->get<std::string>(), std::string("\"") + name + "\"");
  if (!bytes.ok()) return KeyError(source, index, bytes.status().message());
  return bytes;
}

// Builds a public key of `type` ("RSA", "EC") from the parameters `params`.
StatusOr<EvpKeyPtr> KeyFromParams(const char* type, OSSL_PARAM* params) {
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    return Status(StatusCode::kInvalidArgument, "OpenSSL refused the key parameters");
  }
  return EvpKeyPtr(key, EVP_PKEY_free);
}

StatusOr<EvpKeyPtr> RsaKey(const Json& key, std::string_view source, size_t index) {
  NW_ASSIGN_OR_RETURN(std::string n, DecodedMember(key, "n", source, index));
  NW_ASSIGN_OR_RETURN(std::string e, DecodedMember(key, "e", source, index));
  std::unique_ptr<BIGNUM, BnFree> modulus(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr));
  std::unique_ptr<BIGNUM, BnFree> exponent(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr));
  if (!modulus || !exponent) return KeyError(source, index, "bad RSA numbers");
  if (BN_num_bits(modulus.get()) < kMinRsaBits) {
    return KeyError(source, index, "RSA modulus shorter than 2048 bits");
  }
  std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> build(OSSL_PARAM_BLD_new());
  if (!build || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    return KeyError(source, index, "cannot build the RSA key");
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(build.get()));
  auto made = KeyFromParams("RSA", params.get());
  if (!made.ok()) return KeyError(source, index, made.status().message());
  return made;
}

struct Curve {
  const char* jwk_name;
  const char* openssl_name;
  size_t coordinate_bytes;
};
constexpr Curve kCurves[] = {
    {"P-256", "prime256v1", 32}, {"P-384", "secp384r1", 48}, {"P-521", "secp521r1", 66}};

StatusOr<EvpKeyPtr> EcKey(const Json& key, const std::string& curve_name, std::string_view source,
                          size_t index) {
  const Curve* curve = nullptr;
  for (const Curve& known : kCurves) {
    if (curve_name == known.jwk_name) curve = &known;
  }
  if (curve == nullptr) {
    return KeyError(source, index,
                    "curve \"" + curve_name + "\" is not one of P-256, P-384, P-521");
  }
  NW_ASSIGN_OR_RETURN(std::string x, DecodedMember(key, "x", source, index));
  NW_ASSIGN_OR_RETURN(std::string y, DecodedMember(key, "y", source, index));
  if (x.size() != curve->coordinate_bytes || y.size() != curve->coordinate_bytes) {
    return KeyError(
        source, index,
        "x and y must be " + std::to_string(curve->coordinate_bytes) + " bytes for " + curve_name);
  }
  std::string point = "\x04" + x + y;  // uncompressed point (SEC 1)
  std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> build(OSSL_PARAM_BLD_new());
  if (!build ||
      OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, curve->openssl_name,
                                      0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return KeyError(source, index, "cannot build the EC key");
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(build.get()));
  auto made = KeyFromParams("EC", params.get());
  if (!made.ok()) return KeyError(source, index, "the point is not on " + curve_name);
  return made;
}

std::string StringMember(const Json& key, const char* name) {
  auto found = key.find(name);
  return found != key.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The key at `index`, or nullopt when it is of a type or use we do not verify with.
StatusOr<std::optional<Jwk>> ReadKey(const Json& key, std::string_view source, size_t index) {
  if (!key.is_object()) return KeyError(source, index, "not a JSON object");
  Jwk jwk;
  jwk.kty = StringMember(key, "kty");
  std::string use = StringMember(key, "use");
  if ((jwk.kty != "RSA" && jwk.kty != "EC") || (!use.empty() && use != "sig")) {
    return std::optional<Jwk>();
  }
  jwk.kid = StringMember(key, "kid");
  jwk.alg = StringMember(key, "alg");
  if (jwk.kty == "RSA") {
    NW_ASSIGN_OR_RETURN(jwk.key, RsaKey(key, source, index));
  } else {
    jwk.curve = StringMember(key, "crv");
    NW_ASSIGN_OR_RETURN(jwk.key, EcKey(key, jwk.curve, source, index));
  }
  return std::optional<Jwk>(std::move(jwk));
}

}  // namespace

StatusOr<std::vector<Jwk>> ParseJwks(std::string_view json_text, std::string_view source) {
  if (json_text.size() > kMaxJwksBytes) {
    return Status(StatusCode::kInvalidArgument, std::string(source) + ": a JWK Set larger than " +
                                                    std::to_string(kMaxJwksBytes / 1024) +
                                                    " KiB is not read");
  }
  NW_RETURN_IF_ERROR(CheckJsonLimits(json_text, source, JsonLimits{kMaxJwksBytes, kMaxJwksDepth}));
  Json set = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!set.is_object() || !set.contains("keys") || !set["keys"].is_array()) {
    return Status(StatusCode::kInvalidArgument,
                  std::string(source) + ": not a JWK Set (a JSON object with a \"keys\" array)");
  }
  const Json& keys = set["keys"];
  if (keys.size() > kMaxJwksKeys) {
    return Status(StatusCode::kInvalidArgument,
                  std::string(source) + ": more than " + std::to_string(kMaxJwksKeys) + " keys");
  }
  std::vector<Jwk> usable;
  for (size_t i = 0; i < keys.size(); ++i) {
    NW_ASSIGN_OR_RETURN(std::optional<Jwk> key, ReadKey(keys[i], source, i));
    if (key) usable.push_back(std::move(*key));
  }
  return usable;
}

}  // namespace needlework::host
