#include "host/jwt/jwt_verifier.h"

#include <strings.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "host/common/json_limits.h"
#include "host/jwt/base64url.h"
#include "host/jwt/jws_signature.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::system_clock;

constexpr JsonLimits kJwtPartLimits = {16 * 1024, 8};

// Sets `refusal` and returns the UNAUTHENTICATED status every refusal is.
Status Refuse(JwtRefusal& refusal, JwtRefusal why, const std::string& message) {
  refusal = why;
  return Status(StatusCode::kUnauthenticated, "CDS Hooks token refused: " + message);
}

StatusOr<Json> DecodeJsonPart(std::string_view part, std::string_view what, JwtRefusal& refusal) {
  auto bytes = DecodeBase64Url(part, what);
  if (!bytes.ok()) return Refuse(refusal, JwtRefusal::kMalformed, bytes.status().message());
  if (!CheckJsonLimits(*bytes, what, kJwtPartLimits).ok()) {
    return Refuse(refusal, JwtRefusal::kMalformed, std::string(what) + " is too large or deep");
  }
  Json json = Json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Refuse(refusal, JwtRefusal::kMalformed, std::string(what) + " is not a JSON object");
  }
  return json;
}

// The string member `name`: "" when absent; nullopt when present but not a string.
std::optional<std::string> OptionalString(const Json& object, const char* name) {
  auto found = object.find(name);
  if (found == object.end()) return std::string();
  if (!found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

Status CheckHeader(const Json& header, std::string& alg, JwtRefusal& refusal) {
  auto named = OptionalString(header, "alg");
  if (!named || named->empty()) {
    return Refuse(refusal, JwtRefusal::kMalformed, "the header has no \"alg\"");
  }
  alg = *named;
  if (!IsSupportedJwsAlgorithm(alg)) {
    return Refuse(refusal, JwtRefusal::kBadAlgorithm,
                  "algorithm \"" + alg +
                      "\" is not accepted (RS256, RS384, RS512, ES256, "
                      "ES384, ES512)");
  }
  auto typ = OptionalString(header, "typ");
  if (!typ || (!typ->empty() && strcasecmp(typ->c_str(), "JWT") != 0)) {
    return Refuse(refusal, JwtRefusal::kMalformed, "header \"typ\" must be \"JWT\"");
  }
  if (header.contains("crit")) {
    return Refuse(refusal, JwtRefusal::kMalformed, "header \"crit\" extensions are not supported");
  }
  return Status();
}

// A NumericDate claim (seconds since the epoch), required.
StatusOr<Clock::time_point> TimeClaim(const Json& payload, const char* name, JwtRefusal& refusal) {
  auto found = payload.find(name);
  if (found == payload.end() || !found->is_number() || !std::isfinite(found->get<double>()) ||
      std::fabs(found->get<double>()) > 1e11) {
    return Refuse(refusal, JwtRefusal::kMalformed,
                  std::string("claim \"") + name + "\" must be a number of seconds");
  }
  auto seconds = static_cast<int64_t>(std::floor(found->get<double>()));
  return Clock::time_point(std::chrono::seconds(seconds));
}

// `aud` names us: our URL itself, or a URL under it (CDS Hooks clients send the endpoint
// they call, e.g. <service_url>/cds-services/<id>; others send the base URL).
bool NamesUs(const std::string& aud, const std::string& audience) {
  if (aud == audience) return true;
  std::string base = audience.empty() || audience.back() != '/' ? audience + "/" : audience;
  return aud.size() > base.size() && aud.compare(0, base.size(), base) == 0;
}

bool AudienceHolds(const Json& payload, const std::string& audience) {
  auto found = payload.find("aud");
  if (found == payload.end()) return false;
  if (found->is_string()) return NamesUs(found->get<std::string>(), audience);
  if (!found->is_array()) return false;
  return std::any_of(found->begin(), found->end(), [&](const Json& one) {
    return one.is_string() && NamesUs(one.get<std::string>(), audience);
  });
}

}  // namespace

std::string_view JwtRefusalName(JwtRefusal refusal) {
  switch (refusal) {
    case JwtRefusal::kNone:
      return "none";
    case JwtRefusal::kMalformed:
      return "malformed";
    case JwtRefusal::kBadAlgorithm:
      return "bad_algorithm";
    case JwtRefusal::kUnknownIssuer:
      return "unknown_issuer";
    case JwtRefusal::kUnknownKey:
      return "unknown_key";
    case JwtRefusal::kKeysUnavailable:
      return "keys_unavailable";
    case JwtRefusal::kBadSignature:
      return "bad_signature";
    case JwtRefusal::kWrongAudience:
      return "wrong_audience";
    case JwtRefusal::kExpired:
      return "expired";
    case JwtRefusal::kNotYetValid:
      return "not_yet_valid";
    case JwtRefusal::kLifetimeTooLong:
      return "lifetime_too_long";
    case JwtRefusal::kReplayed:
      return "replayed";
    case JwtRefusal::kReplayCacheFull:
      return "replay_cache_full";
  }
  return "unknown";
}

JwtVerifier::JwtVerifier(JwtPolicy policy, JwksFetch fetch)
    : policy_(std::move(policy)),
      fetch_(std::move(fetch)),
      replays_(policy_.replay_cache_capacity) {}

StatusOr<VerifiedJwt> JwtVerifier::Verify(std::string_view token, Clock::time_point now,
                                          JwtRefusal* refusal) {
  JwtRefusal why = JwtRefusal::kNone;
  auto verified = VerifyOrRefuse(token, now, why);
  if (refusal != nullptr) *refusal = why;
  return verified;
}

StatusOr<VerifiedJwt> JwtVerifier::VerifyOrRefuse(std::string_view token, Clock::time_point now,
                                                  JwtRefusal& refusal) {
  if (token.size() > policy_.max_token_bytes) {
    return Refuse(refusal, JwtRefusal::kMalformed,
                  "longer than " + std::to_string(policy_.max_token_bytes) + " bytes");
  }
  size_t first_dot = token.find('.');
  size_t second_dot =
      first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos ||
      token.find('.', second_dot + 1) != std::string_view::npos) {
    return Refuse(refusal, JwtRefusal::kMalformed, "not a compact JWS (header.payload.signature)");
  }
  NW_ASSIGN_OR_RETURN(Json header, DecodeJsonPart(token.substr(0, first_dot), "header", refusal));
  std::string alg;
  NW_RETURN_IF_ERROR(CheckHeader(header, alg, refusal));
  NW_ASSIGN_OR_RETURN(
      Json payload,
      DecodeJsonPart(token.substr(first_dot + 1, second_dot - first_dot - 1), "payload", refusal));

  auto iss = OptionalString(payload, "iss");
  if (!iss || iss->empty()) return Refuse(refusal, JwtRefusal::kMalformed, "no \"iss\" claim");
  auto issuer = std::find_if(policy_.issuers.begin(), policy_.issuers.end(),
                             [&](const JwtIssuer& known) { return known.issuer == *iss; });
  if (issuer == policy_.issuers.end()) {
    return Refuse(refusal, JwtRefusal::kUnknownIssuer, "issuer \"" + *iss + "\" is not configured");
  }
  auto kid = OptionalString(header, "kid");
  auto jku = OptionalString(header, "jku");
  if (!kid || !jku) {
    return Refuse(refusal, JwtRefusal::kMalformed, "header \"kid\" and \"jku\" must be strings");
  }
  NW_ASSIGN_OR_RETURN(Jwk key, KeyFor(*issuer, *jku, *kid, alg, now, refusal));
  auto signature = DecodeBase64Url(token.substr(second_dot + 1), "signature");
  if (!signature.ok()) return Refuse(refusal, JwtRefusal::kMalformed, signature.status().message());
  if (!VerifyJwsSignature(alg, key, token.substr(0, second_dot), *signature).ok()) {
    return Refuse(refusal, JwtRefusal::kBadSignature, "the signature does not verify");
  }

  if (!AudienceHolds(payload, policy_.audience)) {
    return Refuse(refusal, JwtRefusal::kWrongAudience,
                  "\"aud\" does not name this service (" + policy_.audience + ")");
  }
  NW_ASSIGN_OR_RETURN(Clock::time_point exp, TimeClaim(payload, "exp", refusal));
  NW_ASSIGN_OR_RETURN(Clock::time_point iat, TimeClaim(payload, "iat", refusal));
  if (now >= exp + policy_.clock_skew) return Refuse(refusal, JwtRefusal::kExpired, "expired");
  if (iat > now + policy_.clock_skew) {
    return Refuse(refusal, JwtRefusal::kNotYetValid, "issued in the future (\"iat\")");
  }
  if (exp - iat > policy_.max_lifetime) {
    return Refuse(refusal, JwtRefusal::kLifetimeTooLong,
                  "\"exp\" is more than " + std::to_string(policy_.max_lifetime.count()) +
                      " s after \"iat\"");
  }
  auto jti = OptionalString(payload, "jti");
  auto sub = OptionalString(payload, "sub");
  auto tenant = OptionalString(payload, "tenant");
  if (!jti || jti->empty()) return Refuse(refusal, JwtRefusal::kMalformed, "no \"jti\" claim");
  if (!sub || !tenant) {
    return Refuse(refusal, JwtRefusal::kMalformed, "\"sub\" and \"tenant\" must be strings");
  }
  switch (replays_.Record(*iss, *jti, exp + policy_.clock_skew, now)) {
    case ReplayCache::Outcome::kReplayed:
      return Refuse(refusal, JwtRefusal::kReplayed, "\"jti\" was used before");
    case ReplayCache::Outcome::kFull:
      return Refuse(refusal, JwtRefusal::kReplayCacheFull,
                    "too many live tokens to remember; try again shortly");
    case ReplayCache::Outcome::kFirstUse:
      break;
  }
  return VerifiedJwt{*iss, *sub, *tenant, *jti, iat, exp};
}

StatusOr<Jwk> JwtVerifier::KeyFor(const JwtIssuer& issuer, const std::string& jku,
                                  const std::string& kid, const std::string& alg,
                                  Clock::time_point now, JwtRefusal& refusal) {
  if (!jku.empty() &&
      std::find(issuer.jku_allow.begin(), issuer.jku_allow.end(), jku) == issuer.jku_allow.end()) {
    return Refuse(refusal, JwtRefusal::kUnknownKey,
                  "\"jku\" " + jku + " is not allowed for issuer " + issuer.issuer);
  }
  auto pick = [&](const std::vector<Jwk>& keys) -> std::optional<Jwk> {
    std::vector<const Jwk*> fitting;
    for (const Jwk& key : keys) {
      if ((kid.empty() || key.kid == kid) && KeyFitsAlgorithm(key, alg)) fitting.push_back(&key);
    }
    if (fitting.size() != 1) return std::nullopt;
    return *fitting.front();
  };
  std::optional<Jwk> key;
  if (jku.empty()) {
    key = pick(issuer.keys);
  } else {
    NW_ASSIGN_OR_RETURN(std::vector<Jwk> keys, KeysAt(jku, /*refetch=*/false, now, refusal));
    key = pick(keys);
    if (!key) {
      NW_ASSIGN_OR_RETURN(keys, KeysAt(jku, /*refetch=*/true, now, refusal));
      key = pick(keys);
    }
  }
  if (!key) {
    return Refuse(refusal, JwtRefusal::kUnknownKey,
                  kid.empty() ? "no \"kid\", and not exactly one " + alg + " key of the issuer"
                              : "no " + alg + " key \"" + kid + "\" for issuer " + issuer.issuer);
  }
  return *key;
}

StatusOr<std::vector<Jwk>> JwtVerifier::KeysAt(const std::string& jku, bool refetch,
                                               Clock::time_point now, JwtRefusal& refusal) {
  {
    std::lock_guard lock(jku_mutex_);
    auto cached = jku_sets_.find(jku);
    if (cached != jku_sets_.end()) {
      auto age = now - cached->second.fetched_at;
      bool fresh = refetch ? age < policy_.jku_refetch_gap : age < policy_.jku_cache_ttl;
      if (fresh) return cached->second.keys;
    }
  }
  if (!fetch_) return Refuse(refusal, JwtRefusal::kKeysUnavailable, "cannot fetch " + jku);
  auto text = fetch_(jku);
  if (!text.ok()) {
    return Refuse(refusal, JwtRefusal::kKeysUnavailable,
                  "cannot fetch " + jku + ": " + text.status().message());
  }
  auto keys = ParseJwks(*text, jku);
  if (!keys.ok()) return Refuse(refusal, JwtRefusal::kKeysUnavailable, keys.status().message());
  std::lock_guard lock(jku_mutex_);
  jku_sets_[jku] = CachedSet{*keys, now};
  return *keys;
}

}  // namespace needlework::host
