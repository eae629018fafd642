// What the host counts for operators (GET /metrics), as an interface: the folders that
// observe (plugins, isolation, storage) report through it without depending on the
// metrics library; host/metrics implements it with prometheus-cpp. No label may carry
// patient data or a token: plugin ids, hook names, RPC method names and codes only.
#ifndef NEEDLEWORK_HOST_COMMON_HOST_METRICS_H_
#define NEEDLEWORK_HOST_COMMON_HOST_METRICS_H_

#include <string_view>

namespace needlework::host {

class HostMetrics {
 public:
  virtual ~HostMetrics() = default;

  // One plugin's part in one hook call: `outcome` is "ok", "error", "timed_out",
  // "quarantined" (not called: an earlier call is stuck) or "not_run"; `seconds` how long
  // it ran (0 when it was not called).
  virtual void PluginCall(std::string_view plugin_id, std::string_view hook,
                          std::string_view outcome, double seconds) = 0;
  // A plugin instance entered quarantine (a call passed its deadline).
  virtual void PluginQuarantined(std::string_view plugin_id) = 0;
  // A plugin's runner process (process mode) died, or was started again after dying.
  virtual void RunnerCrashed(std::string_view plugin_id) = 0;
  virtual void RunnerRestarted(std::string_view plugin_id) = 0;
  // The store committed one transaction carrying `batch` writes, in `seconds`.
  virtual void StoreCommit(int batch, double seconds) = 0;
  // An audit record was appended (durably).
  virtual void AuditAppended() = 0;
};

// The process's metrics: a sink that drops everything until SetHostMetrics is called.
HostMetrics& Metrics();
// Makes `metrics` (not owned; it must outlive every later call of Metrics(), so set it once
// at start-up and never free it before exit) the process's metrics. nullptr: drop again.
void SetHostMetrics(HostMetrics* metrics);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_HOST_METRICS_H_
