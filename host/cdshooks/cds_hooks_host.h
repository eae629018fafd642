// The CDS Hooks service as the host runs it: JWT authentication and FHIR reads over HTTP,
// bounded by the `cds_hooks` config. The composition root (host/server) builds it and gives
// the HTTP listener its routes.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CDS_HOOKS_HOST_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CDS_HOOKS_HOST_H_

#include <memory>

#include "host/cdshooks/cds_jwt_auth.h"
#include "host/cdshooks/cds_service.h"
#include "host/config/cds_hooks_config.h"

namespace needlework::host {

// The service for `config` (which must be enabled()), with JwtCdsAuthenticate (refusals
// told to `on_refusal`, which may be empty) and HttpFhirRead bounded by fetch_timeout_ms and
// fetch_max_bytes (the chart's reads together get fetch_timeout_ms too). `store`, `plugins`'
// parts and `rxnorm` are not owned and must outlive it. Errors: JwtCdsAuthenticate's.
StatusOr<std::unique_ptr<CdsHooksService>> MakeCdsHooksService(
    const CdsHooksConfig& config, Store& store, PluginCalls plugins,
    const fhir::RxNormIngredientMap& rxnorm, JwtRefusalSink on_refusal = {});

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CDS_HOOKS_HOST_H_
