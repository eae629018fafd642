#include "host/cdshooks/cds_jwt_auth.h"

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "host/http/http_client.h"

namespace needlework::host {
namespace {

StatusOr<std::vector<Jwk>> ReadJwksFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return InvalidArgumentError("cannot read the JWK Set file " + path);
  std::stringstream text;
  text << in.rdbuf();
  return ParseJwks(text.str(), path);
}

// One JwtIssuer per iss: the keys and jku URLs of all its tenants, each file read once.
StatusOr<JwtPolicy> PolicyOf(const CdsHooksConfig& config) {
  std::map<std::string, JwtIssuer> by_iss;
  std::set<std::pair<std::string, std::string>> files_read;  // (iss, jwks_file)
  for (const auto& issuer : config.issuers) {
    JwtIssuer& merged = by_iss[issuer.iss];
    merged.issuer = issuer.iss;
    if (!issuer.jwks_file.empty() && files_read.insert({issuer.iss, issuer.jwks_file}).second) {
      NW_ASSIGN_OR_RETURN(auto keys, ReadJwksFile(issuer.jwks_file));
      merged.keys.insert(merged.keys.end(), keys.begin(), keys.end());
    }
    merged.jku_allow.insert(merged.jku_allow.end(), issuer.jku_allow.begin(),
                            issuer.jku_allow.end());
  }
  JwtPolicy policy;
  policy.audience = config.service_url;
  for (auto& [iss, issuer] : by_iss) policy.issuers.push_back(std::move(issuer));
  return policy;
}

JwksFetch HttpJwksFetch(int64_t timeout_ms) {
  HttpGetLimits limits{std::chrono::milliseconds(timeout_ms), kMaxJwksBytes};
  return [limits](const std::string& url) -> StatusOr<std::string> {
    NW_ASSIGN_OR_RETURN(HttpGetReply reply, HttpGet(url, {"Accept: application/json"}, limits));
    if (reply.status != 200) {
      return UnavailableError(url + " answered HTTP " + std::to_string(reply.status));
    }
    return std::move(reply.body);
  };
}

// The token of "Authorization: Bearer <token>"; "" when there is none.
std::string BearerToken(const HttpRequest& request) {
  const std::string& header = request.Header("authorization");
  static const std::string kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) return "";
  return header.substr(kBearer.size());
}

}  // namespace

StatusOr<CdsAuthenticate> JwtCdsAuthenticate(const CdsHooksConfig& config,
                                             JwtRefusalSink on_refusal) {
  NW_ASSIGN_OR_RETURN(JwtPolicy policy, PolicyOf(config));
  auto verifier =
      std::make_shared<JwtVerifier>(std::move(policy), HttpJwksFetch(config.fetch_timeout_ms));
  return CdsAuthenticate(
      [verifier, config, on_refusal](const HttpRequest& request) -> StatusOr<CdsCaller> {
        std::string token = BearerToken(request);
        if (token.empty()) {
          if (on_refusal) on_refusal(JwtRefusal::kMalformed);
          return UnauthenticatedError("a CDS Hooks call needs Authorization: Bearer <JWT>");
        }
        JwtRefusal refusal = JwtRefusal::kNone;
        auto jwt = verifier->Verify(token, JwtVerifier::Clock::now(), &refusal);
        if (!jwt.ok()) {
          if (on_refusal) on_refusal(refusal);
          return jwt.status();
        }
        const CdsIssuer* issuer = config.Find(jwt->issuer, jwt->tenant);
        if (issuer == nullptr) {
          if (on_refusal) on_refusal(JwtRefusal::kUnknownIssuer);
          return UnauthenticatedError("issuer " + jwt->issuer +
                                      " is not configured for this tenant (cds_hooks.issuers)");
        }
        return CdsCaller{issuer->clinic, jwt->issuer, jwt->tenant, jwt->subject, jwt->jti};
      });
}

}  // namespace needlework::host
