// GetHostStatus: one screen's numbers for an operator, from the same registry as /metrics.
#include <chrono>
#include <map>

#include "host/admin/admin_service.h"

namespace needlework::host {

namespace v1 = needlework::v1;

namespace {

// Every installed plugin (by id) with its state and its totals from the metrics.
void AddPlugins(const PluginCatalog& catalog, const PrometheusMetrics& metrics,
                v1::HostStatus& status) {
  std::map<std::string, v1::PluginCallCounts> plugins;
  for (const auto& entry : catalog.entries()) {
    const std::string& id = entry.plugin.manifest.id();
    if (id.empty()) continue;  // refused before its manifest was read
    v1::PluginCallCounts& plugin = plugins[id];
    plugin.set_plugin_id(id);
    const std::string& version = entry.plugin.manifest.version();
    plugin.set_versions(plugin.versions().empty() ? version : plugin.versions() + "," + version);
    if (entry.loaded || plugin.state().empty())
      plugin.set_state(entry.loaded ? "loaded" : "refused");
  }
  for (const auto& [plugin_id, totals] : metrics.PluginTotalsById()) {
    v1::PluginCallCounts& counts = plugins[plugin_id];
    counts.set_plugin_id(plugin_id);
    counts.set_calls(totals.calls);
    counts.set_errors(totals.errors);
    counts.set_timeouts(totals.timeouts);
    counts.set_quarantined(totals.quarantined);
    counts.set_quarantines(totals.quarantines);
    counts.set_crashes(totals.crashes);
    counts.set_restarts(totals.restarts);
  }
  for (auto& [id, plugin] : plugins) *status.add_plugin_calls() = std::move(plugin);
}

// Every clinic with its enabled plugins; the store's problem when it cannot be read.
Status AddClinics(Store& store, v1::HostStatus& status) {
  NW_ASSIGN_OR_RETURN(std::vector<ClinicRecord> clinics, store.ListClinics());
  NW_ASSIGN_OR_RETURN(std::vector<PluginSetting> settings, store.ListPluginSettings(""));
  for (const ClinicRecord& clinic : clinics) {
    v1::ClinicEnabledPlugins* entry = status.add_clinics();
    entry->set_clinic_id(clinic.clinic_id);
    for (const PluginSetting& setting : settings) {  // ordered by clinic, then plugin
      if (setting.clinic_id == clinic.clinic_id && setting.enabled) {
        entry->add_plugin_ids(setting.plugin_id);
      }
    }
  }
  return OkStatus();
}

}  // namespace

grpc::ServerUnaryReactor* AdminServiceImpl::GetHostStatus(Ctx* context,
                                                          const v1::GetHostStatusRequest*,
                                                          v1::HostStatus* response) {
  return AsAdmin(context, nullptr, [&]() -> Status {
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    response->set_started_at_unix(metrics_.started_at_unix());
    response->set_uptime_seconds(now - metrics_.started_at_unix());
    response->set_store("sqlite");
    response->set_store_commits(store_.CommitCount());
    Status read = AddClinics(store_, *response);
    response->set_store_ready(read.ok());
    if (!read.ok()) response->set_store_problem(read.ToString());
    AddPlugins(catalog_, metrics_, *response);
    return OkStatus();
  });
}

}  // namespace needlework::host
