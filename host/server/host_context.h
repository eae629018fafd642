// The long-lived parts of a running host: the composition root, used only inside server/.
// Built once before the server starts listening; the server hands each service only the
// parts it uses. Everything here outlives every call.
#ifndef NEEDLEWORK_HOST_SERVER_HOST_CONTEXT_H_
#define NEEDLEWORK_HOST_SERVER_HOST_CONTEXT_H_

#include <memory>

#include "host/admin/clinic_plugins.h"
#include "host/audit/audit_retention.h"
#include "host/auth/token_authority.h"
#include "host/common/blocking_pool.h"
#include "host/config/host_config.h"
#include "host/fhir/rxnorm_map.h"
#include "host/metrics/prometheus_metrics.h"
#include "host/plugins/clinic_registry.h"
#include "host/plugins/plugin_call_pool.h"
#include "host/plugins/plugin_catalog.h"
#include "host/plugins/plugin_code.h"
#include "host/plugins/watchdog.h"
#include "host/storage/store.h"

namespace needlework::host {

struct HostContext {
  HostConfig config;
  // The process's metrics (also Metrics(), host/common/host_metrics.h): not owned, never
  // freed, so every thread may report until the process exits.
  PrometheusMetrics* metrics = nullptr;
  std::unique_ptr<Store> store;
  std::unique_ptr<TokenAuthority> tokens;
  std::unique_ptr<PluginCatalog> catalog;
  // Where each plugin instance's code runs (in process, or a runner process); before the
  // registry, so every instance is gone before it stops and reaps the runners.
  std::unique_ptr<PluginCodeFactory> plugin_code;
  std::unique_ptr<ClinicRegistry> registry;
  std::unique_ptr<ClinicPluginManager> clinic_plugins;
  std::unique_ptr<fhir::RxNormIngredientMap> rxnorm;
  std::unique_ptr<Watchdog> watchdog;
  // The threads plugin hooks run on; after the watchdog, so it is joined first.
  std::unique_ptr<PluginCallPool> plugin_pool;
  // For calls that wait on the disk (durable writes); declared last, so it is joined
  // before anything its work uses is destroyed.
  std::unique_ptr<BlockingPool> blocking;
  // Prunes the audit log (when audit.retention_days is set); stopped first.
  std::unique_ptr<AuditRetention> audit_retention;
};

// Opens the store, loads plugins and every clinic's snapshot. Errors name what failed.
StatusOr<std::unique_ptr<HostContext>> BuildHostContext(const HostConfig& config);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_HOST_CONTEXT_H_
