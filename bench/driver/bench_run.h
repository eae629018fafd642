// One `make bench` run: start the host and the baseline, seed the year clinic, then run
// every scenario `repetitions` times, alternating host and baseline runs.
#ifndef NEEDLEWORK_BENCH_DRIVER_BENCH_RUN_H_
#define NEEDLEWORK_BENCH_DRIVER_BENCH_RUN_H_

#include <string>
#include <vector>

#include "bench/driver/bench_host.h"
#include "bench/driver/report.h"

namespace needlework::bench {

struct BenchSettings {
  BenchPaths paths;
  int repetitions = 5;
  double duration_seconds = 3;         // measured, per run
  double warmup_seconds = 1;           // per run, before measuring
  int book_calls = 4000;               // Book requests prepared per run (each sent once)
  int channels = 1;                    // client connections per run
  std::vector<int> server_cpus = {1};  // the host and the baseline run here...
  std::vector<int> client_cpus = {0};  // ...and the load generator here
  int year_blocks = 0;  // > 0: seed a shorter year (quick experiments, not for figures)
  std::string only;     // run only scenarios whose name contains this
};

// Runs everything; errors name what failed (a host that would not start, a seeding call).
StatusOr<BenchReport> RunBench(const BenchSettings& settings);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_BENCH_RUN_H_
