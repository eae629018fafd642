// One screening rule pass: the built-in screening plugin's rules (default config) over the
// typical patient, without the ABI or any serialization.
#include <benchmark/benchmark.h>

#include "bench/common/sample_patient.h"
#include "plugins/screening/config.h"
#include "plugins/screening/embedded_config.h"
#include "plugins/screening/screen.h"

namespace needlework::bench {
namespace {

void BM_ScreeningRulePass(benchmark::State& state) {
  auto rules = screening::CompileConfig(screening::kDefaultConfigJson);
  if (!rules.ok()) return state.SkipWithError(rules.status().ToString().c_str());
  auto request = TypicalPluginRequest();
  for (auto _ : state) {
    needlework::plugin::v1::ScreenResponse response;
    auto status = screening::ScreenPatient(*rules, request, &response);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(response);
  }
  state.counters["rules"] = static_cast<double>(rules->rules.size());
}
BENCHMARK(BM_ScreeningRulePass);

}  // namespace
}  // namespace needlework::bench
