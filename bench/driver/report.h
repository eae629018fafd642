// What one `make bench` run measured, printed as one table and written as JSON.
#ifndef NEEDLEWORK_BENCH_DRIVER_REPORT_H_
#define NEEDLEWORK_BENCH_DRIVER_REPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "bench/load/load_generator.h"

namespace needlework::bench {

struct ScenarioResults {
  std::string name;
  int in_flight = 1;
  std::vector<LoadResult> product, baseline;  // one per repetition, paired by index
};

struct BenchReport {
  std::vector<ScenarioResults> scenarios;
  std::vector<double> raw_commits_per_second;  // one per repetition, beside the Book runs
  int64_t rss_idle_kib = 0;    // after start-up: every built-in plugin loaded, demo seeded
  int64_t rss_seeded_kib = 0;  // idle again after the year clinic was seeded
  int64_t rss_load_kib = 0;    // the most seen while a product run was going
  int64_t appointments_seeded = 0;
  int64_t appointments_checked = 0;  // by the overlap check after the Book runs
  std::string overlap_error;         // empty: no overlap
  nlohmann::json micro;              // Google Benchmark's JSON, or null
  nlohmann::json machine;            // cores, load average before and after, settings
};

// The table: per scenario calls/s and latencies for the host, the baseline and their ratio
// (median [min-max] over the repetitions), then the targets, each met or missed.
void PrintTable(const BenchReport& report, std::ostream& out);

// Everything, including every single run.
nlohmann::json ReportJson(const BenchReport& report);

// Median, min and max of `values` (0s when empty).
struct Spread {
  double median = 0, min = 0, max = 0;
};
Spread SpreadOf(std::vector<double> values);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_REPORT_H_
