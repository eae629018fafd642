#include "host/server/host_context.h"

#include "host/isolation/isolated_code.h"
#include "host/storage/sqlite_store.h"

namespace needlework::host {
namespace {

// Durable writes that may wait on the disk at once; each waiting one joins the next group
// commit, so more threads mean more bookings per fsync. They sleep when idle.
constexpr int kBlockingThreads = 32;
// Writes queued for those threads at most; past it a write is RESOURCE_EXHAUSTED at once.
constexpr int kMaxWaitingWrites = 1024;
// Threads that run plugin hooks; a thread stuck past its deadline is replaced, not counted.
constexpr int kPluginCallThreads = 8;

StatusOr<std::unique_ptr<fhir::RxNormIngredientMap>> LoadRxNormMap(const std::string& extra_file) {
  NW_ASSIGN_OR_RETURN(auto map, fhir::RxNormIngredientMap::BuiltIn());
  if (!extra_file.empty()) NW_RETURN_IF_ERROR(map.AddTsvFile(extra_file));
  return std::make_unique<fhir::RxNormIngredientMap>(std::move(map));
}

StatusOr<std::unique_ptr<PluginCodeFactory>> MakePluginCode(const HostConfig& config) {
  isolation::RunnerSettings settings;
  settings.isolation = config.plugin_isolation;
  settings.trust = config.plugin_trust;
  settings.max_message_bytes = static_cast<size_t>(config.max_message_bytes);
  settings.restart_deadline = config.DeadlineFor("create_instance");
  settings.limits = config.runner_limits;
  NW_ASSIGN_OR_RETURN(auto factory, isolation::IsolatingCodeFactory::New(std::move(settings)));
  return std::unique_ptr<PluginCodeFactory>(std::move(factory));
}

// Made once per process and never freed: Metrics() may be called on any thread until exit.
PrometheusMetrics* ProcessMetrics() {
  static PrometheusMetrics* metrics = [] {
    auto* made = new PrometheusMetrics();
    SetHostMetrics(made);
    return made;
  }();
  return metrics;
}

}  // namespace

StatusOr<std::unique_ptr<HostContext>> BuildHostContext(const HostConfig& config) {
  auto context = std::make_unique<HostContext>();
  context->config = config;
  context->metrics = ProcessMetrics();
  NW_ASSIGN_OR_RETURN(context->store, SqliteStore::Open(config.data_dir, config.max_store_kib));
  context->tokens = std::make_unique<TokenAuthority>(context->store.get());
  NW_RETURN_IF_ERROR(context->tokens->Reload());
  NW_ASSIGN_OR_RETURN(context->rxnorm, LoadRxNormMap(config.rxnorm_map_file));
  NW_ASSIGN_OR_RETURN(PluginCatalog catalog,
                      PluginCatalog::Scan(config.plugin_dirs, config.plugin_trust));
  context->catalog = std::make_unique<PluginCatalog>(std::move(catalog));
  NW_ASSIGN_OR_RETURN(context->plugin_code, MakePluginCode(config));
  context->registry = std::make_unique<ClinicRegistry>();
  context->plugin_pool = std::make_unique<PluginCallPool>(kPluginCallThreads);
  context->clinic_plugins = std::make_unique<ClinicPluginManager>(
      context->store.get(), context->catalog.get(), context->registry.get(),
      context->plugin_pool.get(), config.DeadlineFor("create_instance"),
      context->plugin_code.get());
  NW_RETURN_IF_ERROR(context->clinic_plugins->LoadAll());
  context->watchdog = std::make_unique<Watchdog>();
  context->blocking = std::make_unique<BlockingPool>(kBlockingThreads, kMaxWaitingWrites);
  if (config.audit_retention_days > 0) {
    context->audit_retention =
        std::make_unique<AuditRetention>(*context->store, config.audit_retention_days);
  }
  return context;
}

}  // namespace needlework::host
