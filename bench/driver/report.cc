#include "bench/driver/report.h"

#include <absl/strings/str_format.h>

#include <algorithm>
#include <functional>

#include "bench/load/load_json.h"

namespace needlework::bench {
namespace {

using Metric = std::function<double(const LoadResult&)>;

struct MetricRow {
  const char* label;
  Metric value;
};

const MetricRow kRows[] = {
    {"calls/s", [](const LoadResult& r) { return r.calls_per_second; }},
    {"p50 us", [](const LoadResult& r) { return r.p50_us; }},
    {"p99 us", [](const LoadResult& r) { return r.p99_us; }},
    {"p99.9 us", [](const LoadResult& r) { return r.p999_us; }},
    {"errors", [](const LoadResult& r) { return static_cast<double>(r.errors); }},
};

std::vector<double> Values(const std::vector<LoadResult>& runs, const Metric& metric) {
  std::vector<double> values;
  for (const auto& run : runs) values.push_back(metric(run));
  return values;
}

std::vector<double> Ratios(const ScenarioResults& s, const Metric& metric) {
  std::vector<double> ratios;
  for (size_t i = 0; i < s.product.size() && i < s.baseline.size(); ++i) {
    double base = metric(s.baseline[i]);
    if (base > 0) ratios.push_back(metric(s.product[i]) / base);
  }
  return ratios;
}

std::string Show(const Spread& s, int decimals) {
  return absl::StrFormat("%.*f [%.*f-%.*f]", decimals, s.median, decimals, s.min, decimals, s.max);
}

const ScenarioResults* Find(const BenchReport& report, const std::string& name) {
  for (const auto& s : report.scenarios) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

void PrintScenario(const ScenarioResults& s, std::ostream& out) {
  bool first = true;
  for (const auto& row : kRows) {
    auto ratios = Ratios(s, row.value);
    bool is_errors = std::string(row.label) == "errors";
    out << absl::StrFormat("%-22s %-9s %-30s %-30s %s\n", first ? s.name : "", row.label,
                           Show(SpreadOf(Values(s.product, row.value)), 0),
                           Show(SpreadOf(Values(s.baseline, row.value)), 0),
                           is_errors || ratios.empty() ? "" : Show(SpreadOf(ratios), 2));
    first = false;
  }
}

// The microbenchmark entry's CPU time per iteration in microseconds.
double Micros(const nlohmann::json& entry) {
  double t = entry.value("cpu_time", 0.0);
  std::string unit = entry.value("time_unit", "ns");
  return unit == "ns" ? t / 1000 : unit == "us" ? t : unit == "ms" ? t * 1000 : t * 1e6;
}

// The median over repetitions (or the single run) of microbenchmark `name`, in us; -1
// when it was not run.
double MicroMicros(const nlohmann::json& micro, const std::string& name) {
  if (!micro.is_object() || !micro.contains("benchmarks")) return -1;
  double single = -1;
  for (const auto& b : micro["benchmarks"]) {
    if (b.value("name", "") == name + "_median") return Micros(b);
    if (b.value("name", "") == name) single = Micros(b);
  }
  return single;
}

// Counter `counter` of microbenchmark `name` (the median over repetitions, or the single
// run); -1 when it was not run or has no such counter.
double MicroCounter(const nlohmann::json& micro, const std::string& name,
                    const std::string& counter) {
  if (!micro.is_object() || !micro.contains("benchmarks")) return -1;
  double single = -1;
  for (const auto& b : micro["benchmarks"]) {
    if (b.value("name", "") == name + "_median") return b.value(counter, -1.0);
    if (b.value("name", "") == name) single = b.value(counter, -1.0);
  }
  return single;
}

void PrintMicro(const nlohmann::json& micro, std::ostream& out) {
  if (!micro.is_object()) return;
  for (const auto& b : micro.value("benchmarks", nlohmann::json::array())) {
    std::string aggregate = b.value("aggregate_name", "");
    if (!aggregate.empty() && aggregate != "median") continue;
    std::string name = b.value("run_name", b.value("name", ""));
    double p50 = MicroCounter(micro, name, "p50_us");
    std::string wall = p50 < 0 ? ""
                               : absl::StrFormat(", wall p50 %.1f us, p99 %.1f us", p50,
                                                 MicroCounter(micro, name, "p99_us"));
    out << absl::StrFormat("micro  %-28s %9.3f us CPU per call%s%s\n", name,
                           MicroMicros(micro, name), wall,
                           aggregate.empty() ? "" : " (median of repetitions)");
  }
}

struct Target {
  std::string what;
  double measured;  // -1: not measured
  bool met;
  std::string shown;
};

void AddScreenTargets(const BenchReport& r, const std::string& name, std::vector<Target>& out) {
  const ScenarioResults* s = Find(r, name);
  if (s == nullptr) return;
  auto rate = SpreadOf(Ratios(*s, kRows[0].value));
  auto p99 = SpreadOf(Ratios(*s, kRows[2].value));
  out.push_back(
      {name + ": calls/s >= 0.8 x baseline", rate.median, rate.median >= 0.8, Show(rate, 2)});
  out.push_back({name + ": p99 <= 1.5 x baseline", p99.median, p99.median <= 1.5, Show(p99, 2)});
}

// Issue 14's target for process mode: the runner's round trip may cost, but not half the rate.
void AddIsolatedScreenTarget(const BenchReport& r, std::vector<Target>& out) {
  const ScenarioResults* s = Find(r, "Screen isolated x64");
  if (s == nullptr) return;
  auto rate = SpreadOf(Ratios(*s, kRows[0].value));
  out.push_back({"Screen isolated x64: calls/s >= 0.5 x baseline", rate.median, rate.median >= 0.5,
                 Show(rate, 2)});
}

void AddBookTargets(const BenchReport& r, std::vector<Target>& out) {
  const ScenarioResults* s = Find(r, "Book x32");
  if (s == nullptr) return;
  auto rate = SpreadOf(Values(s->product, kRows[0].value));
  out.push_back({"Book: >= 1000 calls/s", rate.median, rate.median >= 1000, Show(rate, 0)});
  std::vector<double> ratios;
  for (size_t i = 0; i < s->product.size() && i < r.raw_commits_per_second.size(); ++i) {
    ratios.push_back(s->product[i].calls_per_second / r.raw_commits_per_second[i]);
  }
  auto raw = SpreadOf(ratios);
  out.push_back(
      {"Book: >= 0.4 x raw durable commits/s", raw.median, raw.median >= 0.4, Show(raw, 2)});
  out.push_back({"Book: no overlapping appointments", 0, r.overlap_error.empty(),
                 r.overlap_error.empty() ? absl::StrFormat("none in %d", r.appointments_checked)
                                         : r.overlap_error});
}

std::vector<Target> Targets(const BenchReport& r) {
  std::vector<Target> targets;
  AddScreenTargets(r, "Screen facts x64", targets);
  AddScreenTargets(r, "Screen FHIR x64", targets);
  AddIsolatedScreenTarget(r, targets);
  double hook = MicroMicros(r.micro, "BM_HookCall");
  targets.push_back({"hook call (in process) < 5 us", hook, hook >= 0 && hook < 5,
                     hook < 0 ? "not measured" : absl::StrFormat("%.2f us", hook)});
  double isolated = MicroCounter(r.micro, "BM_IsolatedHookCall/real_time", "p50_us");
  targets.push_back({"hook round trip (process mode) p50 <= 50 us", isolated,
                     isolated >= 0 && isolated <= 50,
                     isolated < 0 ? "not measured" : absl::StrFormat("%.1f us", isolated)});
  if (const ScenarioResults* s = Find(r, "FindSlots x1")) {
    auto p99 = SpreadOf(Values(s->product, kRows[2].value));
    targets.push_back(
        {"FindSlots: p99 < 5 ms", p99.median, p99.median < 5000, Show(p99, 0) + " us"});
  }
  AddBookTargets(r, targets);
  double idle_mib = r.rss_idle_kib / 1024.0;
  targets.push_back(
      {"host idle RSS < 40 MiB", idle_mib, idle_mib < 40, absl::StrFormat("%.1f MiB", idle_mib)});
  return targets;
}

}  // namespace

Spread SpreadOf(std::vector<double> values) {
  if (values.empty()) return {};
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  return {median, values.front(), values.back()};
}

void PrintTable(const BenchReport& r, std::ostream& out) {
  out << absl::StrFormat("%-22s %-9s %-30s %-30s %s\n", "scenario", "metric",
                         "host median [min-max]", "baseline median [min-max]", "host/baseline");
  for (const auto& s : r.scenarios) PrintScenario(s, out);
  out << absl::StrFormat("%-22s %-9s %-30s\n", "raw durable commit", "commits/s",
                         Show(SpreadOf(r.raw_commits_per_second), 0));
  out << absl::StrFormat(
      "\nhost RSS: idle %.1f MiB, idle after seeding %.1f MiB, under load "
      "(peak) %.1f MiB; %d appointments seeded\n",
      r.rss_idle_kib / 1024.0, r.rss_seeded_kib / 1024.0, r.rss_load_kib / 1024.0,
      r.appointments_seeded);
  PrintMicro(r.micro, out);
  out << "\ntargets:\n";
  for (const auto& t : Targets(r)) {
    out << absl::StrFormat("  %-48s %-28s %s\n", t.what, t.shown, t.met ? "met" : "MISSED");
  }
}

nlohmann::json ReportJson(const BenchReport& r) {
  nlohmann::json scenarios = nlohmann::json::array();
  for (const auto& s : r.scenarios) {
    nlohmann::json product = nlohmann::json::array(), baseline = nlohmann::json::array();
    for (const auto& run : s.product) product.push_back(LoadResultJson(run));
    for (const auto& run : s.baseline) baseline.push_back(LoadResultJson(run));
    scenarios.push_back(
        {{"name", s.name}, {"in_flight", s.in_flight}, {"host", product}, {"baseline", baseline}});
  }
  nlohmann::json targets = nlohmann::json::array();
  for (const auto& t : Targets(r)) {
    targets.push_back(
        {{"target", t.what}, {"measured", t.measured}, {"shown", t.shown}, {"met", t.met}});
  }
  return {{"scenarios", scenarios},
          {"raw_commits_per_second", r.raw_commits_per_second},
          {"rss_kib",
           {{"idle", r.rss_idle_kib},
            {"idle_seeded", r.rss_seeded_kib},
            {"load_peak", r.rss_load_kib}}},
          {"appointments",
           {{"seeded", r.appointments_seeded},
            {"checked", r.appointments_checked},
            {"overlap", r.overlap_error}}},
          {"micro", r.micro},
          {"machine", r.machine},
          {"targets", targets}};
}

}  // namespace needlework::bench
