// The host's metrics in a prometheus-cpp registry, served as Prometheus text at
// GET /metrics. Implements HostMetrics (what plugins, runners and the store report) and
// counts RPCs (RpcMetricsInterceptor). The README's "Monitoring" section lists every metric.
#ifndef NEEDLEWORK_HOST_METRICS_PROMETHEUS_METRICS_H_
#define NEEDLEWORK_HOST_METRICS_PROMETHEUS_METRICS_H_

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "host/common/host_metrics.h"

namespace needlework::host {

class PrometheusMetrics : public HostMetrics {
 public:
  PrometheusMetrics();

  void PluginCall(std::string_view plugin_id, std::string_view hook, std::string_view outcome,
                  double seconds) override;
  void PluginQuarantined(std::string_view plugin_id) override;
  void RunnerCrashed(std::string_view plugin_id) override;
  void RunnerRestarted(std::string_view plugin_id) override;
  void StoreCommit(int batch, double seconds) override;
  void AuditAppended() override;

  // One finished RPC: `method` a name of our API ("/needlework.v1.ScreeningService/Screen"),
  // or "unknown"; `code` gRPC's code name ("OK", "UNAUTHENTICATED", ...). An UNAUTHENTICATED
  // or PERMISSION_DENIED one also counts as a refused token.
  void RpcCall(const std::string& method, const std::string& code, double seconds);

  // One finished CDS Hooks request: `endpoint` is "discovery", a service id of ours, that id
  // + "/feedback", or "unknown" (never the raw path); `status` the HTTP status.
  void CdsHooksCall(const std::string& endpoint, int status, double seconds);
  // A CDS Hooks JWT refused, by reason (JwtRefusalName: "bad_signature", "expired", ...).
  void JwtRefused(std::string_view reason);

  // One plugin's counts since start, read back from the registry (GetHostStatus).
  struct PluginTotals {
    int64_t calls = 0, errors = 0, timeouts = 0, quarantined = 0;
    int64_t quarantines = 0, crashes = 0, restarts = 0;
  };
  std::map<std::string, PluginTotals> PluginTotalsById() const;
  int64_t started_at_unix() const { return started_at_unix_; }

  // Every metric, in the Prometheus text exposition format (version 0.0.4).
  std::string Scrape() const;

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& rpc_calls_;
  prometheus::Family<prometheus::Histogram>& rpc_seconds_;
  prometheus::Family<prometheus::Counter>& tokens_refused_;
  prometheus::Family<prometheus::Counter>& plugin_calls_;
  prometheus::Family<prometheus::Histogram>& plugin_seconds_;
  prometheus::Family<prometheus::Counter>& quarantines_;
  prometheus::Family<prometheus::Counter>& crashes_;
  prometheus::Family<prometheus::Counter>& restarts_;
  prometheus::Histogram& commit_seconds_;
  prometheus::Histogram& commit_batch_;
  prometheus::Counter& audit_appends_;
  prometheus::Family<prometheus::Counter>& cds_calls_;
  prometheus::Family<prometheus::Histogram>& cds_seconds_;
  prometheus::Family<prometheus::Counter>& jwt_refused_;
  int64_t started_at_unix_ = 0;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_METRICS_PROMETHEUS_METRICS_H_
