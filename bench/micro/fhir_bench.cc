// FHIR normalisation of one patient: the example Bundle (examples/patients/active-acne.json)
// parsed into facts, with RxNorm ingredients filled, as Screen does for FHIR input.
#include <benchmark/benchmark.h>

#include "bench/common/sample_patient.h"
#include "host/fhir/normalize.h"
#include "host/fhir/rxnorm_map.h"

namespace needlework::bench {
namespace {

void BM_FhirNormalize(benchmark::State& state) {
  std::vector<std::string> resources = {ExampleBundle(NEEDLEWORK_SOURCE_DIR)};
  auto rxnorm = fhir::RxNormIngredientMap::BuiltIn();
  if (resources.front().empty() || !rxnorm.ok()) return state.SkipWithError("no input");
  for (auto _ : state) {
    auto facts = fhir::NormalizeFhir(resources);
    if (!facts.ok()) return state.SkipWithError(facts.status().ToString().c_str());
    rxnorm->FillIngredients(&*facts);
    benchmark::DoNotOptimize(facts);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * resources.front().size()));
}
BENCHMARK(BM_FhirNormalize);

}  // namespace
}  // namespace needlework::bench
