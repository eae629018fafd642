// The in-process hook call, as the host makes it for Screen: serialize the plugin request,
// cross the C ABI into the built-in screening plugin (which parses it, runs its rules and
// serializes its answer), and parse the answer.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "bench/common/sample_patient.h"
#include "host/plugins/plugin_catalog.h"
#include "host/plugins/plugin_instance.h"

namespace needlework::bench {
namespace {

using needlework::plugin::v1::HOOK_SCREEN;

// The built-in plugins, loaded once for the process (never unloaded, as in the host).
const host::PluginCatalog& Catalog() {
  static const host::PluginCatalog catalog = [] {
    host::PluginTrustConfig trust;
    trust.mode = host::TrustMode::kDevelopment;  // the built tree's plugins are unsigned
    auto scanned = host::PluginCatalog::Scan({NEEDLEWORK_PLUGIN_DIR}, trust);
    if (!scanned.ok()) std::abort();
    return std::move(scanned).value();
  }();
  return catalog;
}

std::shared_ptr<host::PluginInstance> ScreeningInstance() {
  const host::LoadedPlugin* plugin = Catalog().Find("org.needlework.screening");
  if (plugin == nullptr) return nullptr;
  auto instance = host::PluginInstance::Create(*plugin, "bench", "{}");
  return instance.ok() ? *instance : nullptr;
}

void BM_HookCall(benchmark::State& state) {
  auto instance = ScreeningInstance();
  if (instance == nullptr) return state.SkipWithError("cannot load org.needlework.screening");
  auto request = TypicalPluginRequest();
  size_t findings = 0;
  for (auto _ : state) {
    auto answer = instance->Invoke(HOOK_SCREEN, request.SerializeAsString());
    needlework::plugin::v1::ScreenResponse response;
    if (!answer.ok() || !response.ParseFromString(*answer)) {
      return state.SkipWithError("the screen hook failed");
    }
    findings = static_cast<size_t>(response.findings_size());
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_HookCall);

// The C ABI crossing alone: a hook the plugin does not serve answers at once.
void BM_HookCallUnserved(benchmark::State& state) {
  auto instance = ScreeningInstance();
  if (instance == nullptr) return state.SkipWithError("cannot load org.needlework.screening");
  std::string empty;
  for (auto _ : state) {
    benchmark::DoNotOptimize(instance->Invoke(needlework::plugin::v1::HOOK_TRIAGE, empty));
  }
}
BENCHMARK(BM_HookCallUnserved);

}  // namespace
}  // namespace needlework::bench
