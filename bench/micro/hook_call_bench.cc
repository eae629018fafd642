// The hook call, as the host makes it for Screen: serialize the plugin request, call the
// built-in screening plugin (which parses it, runs its rules and serializes its answer), and
// parse the answer. In process: across the C ABI. Isolated (process mode): over the runner
// protocol to needlework-plugin-runner and back, timed per call (p50 and p99 in us).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "bench/common/sample_patient.h"
#include "host/isolation/isolated_code.h"
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

// The screening plugin in a runner process; never destroyed (the runners end with the
// process: they are tied to it by PR_SET_PDEATHSIG).
host::PluginCodeFactory& RunnerFactory() {
  static host::PluginCodeFactory* factory = [] {
    host::isolation::RunnerSettings settings;
    settings.isolation.by_plugin["org.needlework.screening"] = host::IsolationMode::kProcess;
    settings.isolation.runner = NEEDLEWORK_RUNNER;
    settings.trust.mode = host::TrustMode::kDevelopment;
    auto made = host::isolation::IsolatingCodeFactory::New(settings);
    if (!made.ok()) std::abort();
    return made->release();
  }();
  return *factory;
}

std::shared_ptr<host::PluginInstance> ScreeningInstance(
    host::PluginCodeFactory& code = host::InProcessCodeFactory()) {
  const host::LoadedPlugin* plugin = Catalog().Find("org.needlework.screening");
  if (plugin == nullptr) return nullptr;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  auto instance = host::PluginInstance::Create(*plugin, "bench", "{}", code, deadline);
  return instance.ok() ? *instance : nullptr;
}

// Sets p50_us and p99_us from the calls' wall times.
void SetPercentiles(benchmark::State& state, std::vector<double> micros) {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
}

// One call of `hook` with `request` per iteration, timed; false when a call failed.
template <typename Check>
bool TimedCalls(benchmark::State& state, const host::PluginInstance& instance,
                needlework::plugin::v1::Hook hook, const std::string& request, Check check) {
  std::vector<double> micros;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    if (!check(instance.Invoke(hook, request))) return false;
    std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    micros.push_back(took.count());
  }
  SetPercentiles(state, std::move(micros));
  return true;
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

// BM_HookCall with the plugin in a runner: the serialized request crosses a socket to the
// runner's connection thread, the plugin runs there, and the answer comes back. Wall time:
// the calling thread sleeps while the runner works.
void BM_IsolatedHookCall(benchmark::State& state) {
  auto instance = ScreeningInstance(RunnerFactory());
  if (instance == nullptr) return state.SkipWithError("cannot start org.needlework.screening");
  std::string request = TypicalPluginRequest().SerializeAsString();
  bool ok = TimedCalls(state, *instance, HOOK_SCREEN, request, [](const auto& answer) {
    needlework::plugin::v1::ScreenResponse response;
    return answer.ok() && response.ParseFromString(*answer);
  });
  if (!ok) state.SkipWithError("the screen hook failed in the runner");
}
BENCHMARK(BM_IsolatedHookCall)->UseRealTime();

// The runner protocol's round trip alone: a hook the plugin does not serve.
void BM_IsolatedHookCallUnserved(benchmark::State& state) {
  auto instance = ScreeningInstance(RunnerFactory());
  if (instance == nullptr) return state.SkipWithError("cannot start org.needlework.screening");
  TimedCalls(state, *instance, needlework::plugin::v1::HOOK_TRIAGE, "",
             [](const auto& answer) { return !answer.ok(); });
}
BENCHMARK(BM_IsolatedHookCallUnserved)->UseRealTime();

}  // namespace
}  // namespace needlework::bench
