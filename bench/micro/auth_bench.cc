// What authentication costs per call: hashing the bearer token (SHA-256, hex) that is then
// looked up in the in-memory token snapshot.
#include <benchmark/benchmark.h>

#include "host/auth/token_authority.h"

namespace needlework::bench {
namespace {

void BM_TokenHash(benchmark::State& state) {
  std::string token = "nw_emr_" + std::string(64, 'a');
  for (auto _ : state) benchmark::DoNotOptimize(host::Sha256Hex(token));
}
BENCHMARK(BM_TokenHash);

}  // namespace
}  // namespace needlework::bench
