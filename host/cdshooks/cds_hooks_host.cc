#include "host/cdshooks/cds_hooks_host.h"

namespace needlework::host {

StatusOr<std::unique_ptr<CdsHooksService>> MakeCdsHooksService(
    const CdsHooksConfig& config, Store& store, PluginCalls plugins,
    const fhir::RxNormIngredientMap& rxnorm, JwtRefusalSink on_refusal) {
  NW_ASSIGN_OR_RETURN(CdsAuthenticate authenticate,
                      JwtCdsAuthenticate(config, std::move(on_refusal)));
  size_t max_bytes = static_cast<size_t>(config.fetch_max_bytes);
  ChartLimits limits{max_bytes, std::chrono::milliseconds(config.fetch_timeout_ms)};
  return std::make_unique<CdsHooksService>(
      CdsHookDeps{store, plugins, rxnorm, HttpFhirRead(config.fetch_timeout_ms, max_bytes), limits,
                  config.service_url},
      std::move(authenticate));
}

}  // namespace needlework::host
