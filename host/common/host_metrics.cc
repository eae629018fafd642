#include "host/common/host_metrics.h"

#include <atomic>

namespace needlework::host {
namespace {

class DroppedMetrics : public HostMetrics {
 public:
  void PluginCall(std::string_view, std::string_view, std::string_view, double) override {}
  void PluginQuarantined(std::string_view) override {}
  void RunnerCrashed(std::string_view) override {}
  void RunnerRestarted(std::string_view) override {}
  void StoreCommit(int, double) override {}
  void AuditAppended() override {}
};

DroppedMetrics dropped;
std::atomic<HostMetrics*> current{&dropped};

}  // namespace

HostMetrics& Metrics() { return *current.load(std::memory_order_acquire); }

void SetHostMetrics(HostMetrics* metrics) {
  current.store(metrics ? metrics : &dropped, std::memory_order_release);
}

}  // namespace needlework::host
