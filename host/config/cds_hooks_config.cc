#include "host/config/cds_hooks_config.h"

#include <yaml-cpp/yaml.h>

#include <set>
#include <utility>

#include "host/config/config_keys.h"
#include "host/http/http_client.h"

namespace needlework::host {
namespace {

constexpr int64_t kMaxFetchTimeoutMs = 60'000;
constexpr int64_t kMaxFetchBytes = 64 * 1024 * 1024;

StatusOr<std::string> UrlKey(const YAML::Node& node, const std::string& key) {
  NW_ASSIGN_OR_RETURN(std::string url, ScalarString(node, key));
  if (!UrlAllowed(url)) {
    return KeyError(key, "'" + url + "' is not an https URL (http only for a loopback host)");
  }
  return url;
}

Status ReadJkuAllow(const YAML::Node& node, const std::string& key, CdsIssuer& issuer) {
  if (!node.IsSequence()) return KeyError(key, "expected a list of https URLs");
  for (const auto& item : node) {
    NW_ASSIGN_OR_RETURN(std::string url, UrlKey(item, key));
    issuer.jku_allow.push_back(std::move(url));
  }
  return OkStatus();
}

StatusOr<CdsIssuer> ReadIssuer(const YAML::Node& node, const std::string& key,
                               const std::string& base_dir) {
  if (!node.IsMap())
    return KeyError(key, "expected a map with iss, clinic and jwks_file or jku_allow");
  NW_RETURN_IF_ERROR(
      CheckKnownKeys(node, key, {"iss", "tenant", "clinic", "jwks_file", "jku_allow"}));
  CdsIssuer issuer;
  if (!node["iss"] || !node["clinic"]) return KeyError(key, "needs both iss and clinic");
  NW_ASSIGN_OR_RETURN(issuer.iss, ScalarString(node["iss"], key + ".iss"));
  NW_ASSIGN_OR_RETURN(issuer.clinic, ScalarString(node["clinic"], key + ".clinic"));
  if (issuer.iss.empty() || issuer.clinic.empty())
    return KeyError(key, "iss and clinic must not be empty");
  if (node["tenant"]) {
    NW_ASSIGN_OR_RETURN(issuer.tenant, ScalarString(node["tenant"], key + ".tenant"));
  }
  if (node["jwks_file"]) {
    NW_ASSIGN_OR_RETURN(std::string file, ScalarString(node["jwks_file"], key + ".jwks_file"));
    issuer.jwks_file = ResolvePath(file, base_dir);
  }
  if (node["jku_allow"])
    NW_RETURN_IF_ERROR(ReadJkuAllow(node["jku_allow"], key + ".jku_allow", issuer));
  if (issuer.jwks_file.empty() && issuer.jku_allow.empty()) {
    return KeyError(key, "needs jwks_file or jku_allow: where the issuer's public keys are");
  }
  return issuer;
}

Status ReadIssuers(const YAML::Node& node, const std::string& base_dir, CdsHooksConfig& config) {
  if (!node.IsSequence()) return KeyError("cds_hooks.issuers", "expected a list of issuers");
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < node.size(); ++i) {
    std::string key = "cds_hooks.issuers[" + std::to_string(i) + "]";
    NW_ASSIGN_OR_RETURN(CdsIssuer issuer, ReadIssuer(node[i], key, base_dir));
    if (!seen.insert({issuer.iss, issuer.tenant}).second) {
      return KeyError(
          key, "iss '" + issuer.iss + "' with tenant '" + issuer.tenant + "' is configured twice");
    }
    config.issuers.push_back(std::move(issuer));
  }
  return OkStatus();
}

}  // namespace

const CdsIssuer* CdsHooksConfig::Find(const std::string& iss, const std::string& tenant) const {
  for (const auto& issuer : issuers) {
    if (issuer.iss == iss && issuer.tenant == tenant) return &issuer;
  }
  return nullptr;
}

Status ReadCdsHooks(const YAML::Node& node, const std::string& base_dir, CdsHooksConfig& config) {
  if (!node.IsMap()) return KeyError("cds_hooks", "expected a map with service_url and issuers");
  NW_RETURN_IF_ERROR(CheckKnownKeys(
      node, "cds_hooks", {"service_url", "issuers", "fetch_timeout_ms", "fetch_max_bytes"}));
  if (!node["service_url"]) return KeyError("cds_hooks.service_url", "missing; the URL EMRs call");
  NW_ASSIGN_OR_RETURN(config.service_url, UrlKey(node["service_url"], "cds_hooks.service_url"));
  while (!config.service_url.empty() && config.service_url.back() == '/')
    config.service_url.pop_back();
  if (node["issuers"]) NW_RETURN_IF_ERROR(ReadIssuers(node["issuers"], base_dir, config));
  if (node["fetch_timeout_ms"]) {
    NW_ASSIGN_OR_RETURN(config.fetch_timeout_ms,
                        PositiveInteger(node["fetch_timeout_ms"], "cds_hooks.fetch_timeout_ms",
                                        kMaxFetchTimeoutMs));
  }
  if (node["fetch_max_bytes"]) {
    NW_ASSIGN_OR_RETURN(
        config.fetch_max_bytes,
        PositiveInteger(node["fetch_max_bytes"], "cds_hooks.fetch_max_bytes", kMaxFetchBytes));
  }
  return OkStatus();
}

}  // namespace needlework::host
