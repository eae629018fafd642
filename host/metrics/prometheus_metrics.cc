#include "host/metrics/prometheus_metrics.h"

#include <prometheus/text_serializer.h>

#include <chrono>

namespace needlework::host {
namespace {

using prometheus::Histogram;

// Seconds, from 1 ms (a screening call) to 10 s (a stuck plugin's deadline is far less).
const Histogram::BucketBoundaries kLatency = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                              0.1,   0.25,   0.5,   1,    2.5,   10};
const Histogram::BucketBoundaries kBatch = {1, 2, 4, 8, 16, 32, 64, 128};

prometheus::Family<prometheus::Counter>& Counter(prometheus::Registry& registry,
                                                 const std::string& name, const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry);
}

prometheus::Family<Histogram>& Histo(prometheus::Registry& registry, const std::string& name,
                                     const std::string& help) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(registry);
}

std::string Text(std::string_view text) { return std::string(text); }

}  // namespace

PrometheusMetrics::PrometheusMetrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      rpc_calls_(Counter(*registry_, "needlework_rpc_calls_total",
                         "Finished gRPC calls, by method and status code.")),
      rpc_seconds_(Histo(*registry_, "needlework_rpc_duration_seconds",
                         "gRPC call latency, from the call's start to its status.")),
      tokens_refused_(Counter(*registry_, "needlework_tokens_refused_total",
                              "Calls refused for their token: unauthenticated (missing, "
                              "unknown, revoked, expired) or permission_denied.")),
      plugin_calls_(Counter(*registry_, "needlework_plugin_calls_total",
                            "Plugin hook calls, by plugin, hook and outcome (ok, error, "
                            "timed_out, quarantined, not_run).")),
      plugin_seconds_(Histo(*registry_, "needlework_plugin_call_duration_seconds",
                            "How long a plugin took on a hook call it was given.")),
      quarantines_(Counter(*registry_, "needlework_plugin_quarantines_total",
                           "Times a plugin instance was quarantined: a call passed its "
                           "deadline.")),
      crashes_(Counter(*registry_, "needlework_plugin_runner_crashes_total",
                       "Deaths of a plugin's runner process (process mode).")),
      restarts_(Counter(*registry_, "needlework_plugin_runner_restarts_total",
                        "Restarts of a plugin's runner process after it died.")),
      commit_seconds_(Histo(*registry_, "needlework_store_commit_duration_seconds",
                            "Store transactions: time to commit (fsync included).")
                          .Add({}, kLatency)),
      commit_batch_(Histo(*registry_, "needlework_store_commit_batch_size",
                          "Writes carried by one group commit.")
                        .Add({}, kBatch)),
      audit_appends_(Counter(*registry_, "needlework_audit_appends_total",
                             "Audit records appended to the hash chain.")
                         .Add({})),
      cds_calls_(Counter(*registry_, "needlework_cds_hooks_requests_total",
                         "CDS Hooks requests, by endpoint (discovery, a service id, "
                         "<id>/feedback, unknown) and HTTP status.")),
      cds_seconds_(Histo(*registry_, "needlework_cds_hooks_request_duration_seconds",
                         "CDS Hooks request latency, chart reads from the EMR included.")),
      jwt_refused_(Counter(*registry_, "needlework_cds_hooks_jwt_refused_total",
                           "CDS Hooks calls refused for their JWT, by reason.")) {
  double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  started_at_unix_ = static_cast<int64_t>(now);
  prometheus::BuildGauge()
      .Name("needlework_start_time_seconds")
      .Help("When the host started, in Unix seconds.")
      .Register(*registry_)
      .Add({})
      .Set(now);
}

void PrometheusMetrics::PluginCall(std::string_view plugin_id, std::string_view hook,
                                   std::string_view outcome, double seconds) {
  plugin_calls_.Add({{"plugin", Text(plugin_id)}, {"hook", Text(hook)}, {"outcome", Text(outcome)}})
      .Increment();
  if (outcome == "quarantined" || outcome == "not_run") return;
  plugin_seconds_.Add({{"plugin", Text(plugin_id)}, {"hook", Text(hook)}}, kLatency)
      .Observe(seconds);
}

void PrometheusMetrics::PluginQuarantined(std::string_view plugin_id) {
  quarantines_.Add({{"plugin", Text(plugin_id)}}).Increment();
}

void PrometheusMetrics::RunnerCrashed(std::string_view plugin_id) {
  crashes_.Add({{"plugin", Text(plugin_id)}}).Increment();
}

void PrometheusMetrics::RunnerRestarted(std::string_view plugin_id) {
  restarts_.Add({{"plugin", Text(plugin_id)}}).Increment();
}

void PrometheusMetrics::StoreCommit(int batch, double seconds) {
  commit_seconds_.Observe(seconds);
  commit_batch_.Observe(batch);
}

void PrometheusMetrics::AuditAppended() { audit_appends_.Increment(); }

void PrometheusMetrics::RpcCall(const std::string& method, const std::string& code,
                                double seconds) {
  rpc_calls_.Add({{"method", method}, {"code", code}}).Increment();
  rpc_seconds_.Add({{"method", method}}, kLatency).Observe(seconds);
  if (code == "UNAUTHENTICATED") tokens_refused_.Add({{"reason", "unauthenticated"}}).Increment();
  if (code == "PERMISSION_DENIED") {
    tokens_refused_.Add({{"reason", "permission_denied"}}).Increment();
  }
}

void PrometheusMetrics::CdsHooksCall(const std::string& endpoint, int status, double seconds) {
  cds_calls_.Add({{"endpoint", endpoint}, {"status", std::to_string(status)}}).Increment();
  cds_seconds_.Add({{"endpoint", endpoint}}, kLatency).Observe(seconds);
}

void PrometheusMetrics::JwtRefused(std::string_view reason) {
  jwt_refused_.Add({{"reason", Text(reason)}}).Increment();
}

namespace {

std::string LabelOf(const prometheus::ClientMetric& metric, const std::string& name) {
  for (const auto& label : metric.label) {
    if (label.name == name) return label.value;
  }
  return "";
}

}  // namespace

std::map<std::string, PrometheusMetrics::PluginTotals> PrometheusMetrics::PluginTotalsById() const {
  std::map<std::string, PluginTotals> totals;
  for (const prometheus::MetricFamily& family : registry_->Collect()) {
    for (const prometheus::ClientMetric& metric : family.metric) {
      auto count = static_cast<int64_t>(metric.counter.value);
      PluginTotals& plugin = totals[LabelOf(metric, "plugin")];
      if (family.name == "needlework_plugin_calls_total") {
        plugin.calls += count;
        std::string outcome = LabelOf(metric, "outcome");
        if (outcome == "error") plugin.errors += count;
        if (outcome == "timed_out") plugin.timeouts += count;
        if (outcome == "quarantined") plugin.quarantined += count;
      } else if (family.name == "needlework_plugin_quarantines_total") {
        plugin.quarantines += count;
      } else if (family.name == "needlework_plugin_runner_crashes_total") {
        plugin.crashes += count;
      } else if (family.name == "needlework_plugin_runner_restarts_total") {
        plugin.restarts += count;
      }
    }
  }
  totals.erase("");  // families without a plugin label
  return totals;
}

std::string PrometheusMetrics::Scrape() const {
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace needlework::host
