// The host's CdsAuthenticate: the EMR's JWT (Authorization: Bearer) verified by JwtVerifier
// against the `cds_hooks` config, and its iss (+ tenant) mapped to a clinic.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CDS_JWT_AUTH_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CDS_JWT_AUTH_H_

#include <functional>

#include "host/cdshooks/cds_caller.h"
#include "host/config/cds_hooks_config.h"
#include "host/jwt/jwt_verifier.h"

namespace needlework::host {

// Told the reason of every refusal (for metrics); may be empty.
using JwtRefusalSink = std::function<void(JwtRefusal)>;

// A CdsAuthenticate for `config`: the audience is config.service_url; each issuer's keys
// come from its jwks_file (read now) or its allow-listed jku URLs (fetched with HttpGet,
// bounded by fetch_timeout_ms and kMaxJwksBytes). A verified token whose (iss, tenant) pair
// is not configured is refused too: UNAUTHENTICATED, naming neither the token nor its
// claims' values beyond the issuer. INVALID_ARGUMENT naming the file when a jwks_file cannot
// be read or is not a usable JWK Set.
StatusOr<CdsAuthenticate> JwtCdsAuthenticate(const CdsHooksConfig& config,
                                             JwtRefusalSink on_refusal = {});

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CDS_JWT_AUTH_H_
