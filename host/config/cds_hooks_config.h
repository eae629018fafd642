// The host config's `cds_hooks` map: who may call the CDS Hooks service (each EMR's JWT
// issuer and the clinic it speaks for) and how the service fetches what an EMR did not
// prefetch. Part of ParseHostConfig.
#ifndef NEEDLEWORK_HOST_CONFIG_CDS_HOOKS_CONFIG_H_
#define NEEDLEWORK_HOST_CONFIG_CDS_HOOKS_CONFIG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "needlework/status.h"

namespace YAML {
class Node;
}  // namespace YAML

namespace needlework::host {

// One EMR allowed to call: its JWTs' `iss` (and `tenant`, when it sends one) name `clinic`.
struct CdsIssuer {
  std::string iss;        // the JWT's iss, exactly
  std::string tenant;     // the JWT's tenant claim; "" matches a token without one
  std::string clinic;     // the clinic every call of this issuer (and tenant) is for
  std::string jwks_file;  // the issuer's public keys (JWKS, JSON); "" when fetched from jku
  std::vector<std::string> jku_allow;  // https URLs the token's jku may name
};

struct CdsHooksConfig {
  // The service's base URL as EMRs call it, e.g. "https://needlework.clinic.example"; the
  // JWT's aud must be it (or it with "/cds-services"). Empty: CDS Hooks is off.
  std::string service_url;
  std::vector<CdsIssuer> issuers;
  int64_t fetch_timeout_ms = 5000;            // one FHIR read when prefetch is missing
  int64_t fetch_max_bytes = 8 * 1024 * 1024;  // the largest FHIR answer read

  bool enabled() const { return !service_url.empty(); }
  // The clinic of `iss` with `tenant`, or nullptr when the pair is not configured.
  const CdsIssuer* Find(const std::string& iss, const std::string& tenant) const;
};

// Reads `node` (the YAML map under `cds_hooks`) into `config`; jwks_file resolved against
// `base_dir`. INVALID_ARGUMENT naming the key: an unknown key, a service_url or jku that is
// not https (http is allowed for loopback hosts only), an issuer without iss or clinic, one
// with neither jwks_file nor jku_allow, the same iss and tenant twice, a limit out of range
// (fetch_timeout_ms 1 to 60000, fetch_max_bytes 1 to 64 MiB).
Status ReadCdsHooks(const YAML::Node& node, const std::string& base_dir, CdsHooksConfig& config);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_CDS_HOOKS_CONFIG_H_
