#include "bench/driver/bench_run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "bench/common/sample_patient.h"
#include "bench/driver/raw_commit.h"
#include "bench/driver/scenarios.h"
#include "bench/driver/year_clinic.h"

namespace needlework::bench {
namespace {

// Polls a process's resident size every 50 ms while a run goes on; keeps the largest.
class RssSampler {
 public:
  explicit RssSampler(pid_t pid) : pid_(pid), thread_([this] { Loop(); }) {}
  ~RssSampler() {
    stop_ = true;
    thread_.join();
  }
  int64_t peak() const { return peak_; }

 private:
  void Loop() {
    while (!stop_) {
      peak_ = std::max<int64_t>(peak_, ResidentKiB(pid_));
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  pid_t pid_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> peak_{0};
  std::thread thread_;
};

void Progress(const std::string& text) { std::cerr << "bench: " << text << std::endl; }

LoadResult RunScenario(const BenchSettings& settings, const Scenario& scenario,
                       const std::string& address, const std::string& token,
                       std::vector<std::string> requests) {
  LoadSpec spec;
  spec.address = address;
  spec.method = scenario.method;
  spec.token = token;
  spec.requests = std::move(requests);
  spec.cycle = !scenario.fresh_requests;
  spec.in_flight = scenario.in_flight;
  spec.channels = settings.channels;
  // Requests sent once are all measured: a warm-up would spend some of them unmeasured.
  spec.warmup_seconds = scenario.fresh_requests ? 0 : settings.warmup_seconds;
  spec.duration_seconds = settings.duration_seconds;
  return RunLoad(spec);
}

// The host's reply to each scenario's first request, for the baseline to answer with.
Status CaptureReplies(BenchHost& host, const YearClinic& clinic,
                      const std::vector<Scenario>& scenarios, const std::string& dir) {
  std::ofstream(dir + "/Book.bin", std::ios::binary) << clinic.sample_booking;
  for (const auto& scenario : scenarios) {
    if (scenario.fresh_requests || scenario.isolated) continue;
    LoadSpec spec;
    spec.address = host.address();
    spec.method = scenario.method;
    spec.token = clinic.emr_token;
    spec.requests = {scenario.requests.front()};
    spec.cycle = false;
    spec.warmup_seconds = 0;
    spec.keep_responses = true;
    LoadResult result = RunLoad(spec);
    if (result.errors > 0 || result.responses.empty()) {
      return InternalError(scenario.name + " failed on the host: " + result.first_error);
    }
    std::ofstream(dir + "/" + scenario.reply_name + ".bin", std::ios::binary)
        << result.responses.front();
  }
  return OkStatus();
}

class Runner {
 public:
  Runner(const BenchSettings& settings, BenchHost& host, BenchHost* isolated_host,
         const YearClinic& clinic, const std::string& baseline, BenchReport& report)
      : settings_(settings),
        host_(host),
        isolated_host_(isolated_host),
        clinic_(clinic),
        baseline_(baseline),
        report_(report) {}

  Status Repetition(int rep, const std::vector<Scenario>& scenarios) {
    for (size_t i = 0; i < scenarios.size(); ++i) {
      const Scenario& scenario = scenarios[i];
      std::vector<std::string> requests = scenario.requests;
      if (scenario.fresh_requests) {
        NW_ASSIGN_OR_RETURN(requests, BookRunRequests(host_, clinic_, rep, settings_.book_calls));
      }
      Progress("run " + std::to_string(rep + 1) + ": " + scenario.name);
      auto& results = report_.scenarios[i];
      bool host_first = rep % 2 == 0;  // alternate which server goes first
      if (host_first) results.product.push_back(OnHost(scenario, requests));
      results.baseline.push_back(
          RunScenario(settings_, scenario, baseline_, clinic_.emr_token, requests));
      if (!host_first) results.product.push_back(OnHost(scenario, requests));
      if (scenario.fresh_requests) NW_RETURN_IF_ERROR(RawCommits());
    }
    return OkStatus();
  }

 private:
  LoadResult OnHost(const Scenario& scenario, const std::vector<std::string>& requests) {
    if (scenario.isolated) {
      return RunScenario(settings_, scenario, isolated_host_->address(),
                         isolated_host_->demo_emr_token(), requests);
    }
    RssSampler sampler(host_.pid());
    LoadResult result =
        RunScenario(settings_, scenario, host_.address(), clinic_.emr_token, requests);
    report_.rss_load_kib = std::max(report_.rss_load_kib, sampler.peak());
    return result;
  }

  Status RawCommits() {
    NW_ASSIGN_OR_RETURN(CommitRate rate,
                        MeasureRawCommits(settings_.paths.work_dir, settings_.duration_seconds));
    report_.raw_commits_per_second.push_back(rate.per_second);
    return OkStatus();
  }

  const BenchSettings& settings_;
  BenchHost& host_;
  BenchHost* isolated_host_;  // set when a scenario is isolated
  const YearClinic& clinic_;
  std::string baseline_;
  BenchReport& report_;
};

StatusOr<ChildProcess> StartBaseline(const BenchSettings& settings, const std::string& replies) {
  const std::string& work = settings.paths.work_dir;
  return StartServer(
      {settings.paths.build_dir + "/bench/needlework-bench-baseline", "--listen", "127.0.0.1:0",
       "--ready-file", work + "/baseline.ready", "--replies", replies},
      work + "/baseline.log", work + "/baseline.ready", settings.server_cpus);
}

// The second host, for the isolated scenarios: the same build with its screening plugin run
// in a plugin runner process. Null when no scenario needs it.
StatusOr<std::unique_ptr<BenchHost>> StartIsolatedHost(const BenchSettings& settings,
                                                       const std::vector<Scenario>& scenarios) {
  bool needed =
      std::any_of(scenarios.begin(), scenarios.end(), [](const Scenario& s) { return s.isolated; });
  if (!needed) return std::unique_ptr<BenchHost>();
  Progress("starting a second host with the screening plugin isolated");
  return BenchHost::Start(settings.paths, settings.server_cpus, "isolated-host",
                          "plugin_isolation:\n  plugins:\n    org.needlework.screening: process\n");
}

}  // namespace

StatusOr<BenchReport> RunBench(const BenchSettings& settings) {
  PinCurrentProcess(settings.client_cpus);
  BenchReport report;
  Progress("starting the host");
  NW_ASSIGN_OR_RETURN(auto host, BenchHost::Start(settings.paths, settings.server_cpus));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  report.rss_idle_kib = ResidentKiB(host->pid());
  Progress("seeding the year-long clinic (about 20,000 appointments)");
  NW_ASSIGN_OR_RETURN(YearClinic clinic, SeedYearClinic(*host, settings.year_blocks));
  report.appointments_seeded = clinic.appointments;
  std::this_thread::sleep_for(std::chrono::seconds(1));
  report.rss_seeded_kib = ResidentKiB(host->pid());
  auto scenarios = BuildScenarios(clinic, ExampleBundle(settings.paths.source_dir));
  std::erase_if(scenarios,
                [&](const Scenario& s) { return s.name.find(settings.only) == std::string::npos; });
  std::string replies = settings.paths.work_dir + "/replies";
  std::filesystem::create_directories(replies);
  NW_RETURN_IF_ERROR(CaptureReplies(*host, clinic, scenarios, replies));
  NW_ASSIGN_OR_RETURN(ChildProcess baseline, StartBaseline(settings, replies));
  NW_ASSIGN_OR_RETURN(auto isolated_host, StartIsolatedHost(settings, scenarios));
  for (const auto& s : scenarios) report.scenarios.push_back({s.name, s.in_flight, {}, {}});
  Runner runner(settings, *host, isolated_host.get(), clinic, baseline.address(), report);
  for (int rep = 0; rep < settings.repetitions; ++rep) {
    NW_RETURN_IF_ERROR(runner.Repetition(rep, scenarios));
  }
  Status overlap = CheckNoOverlap(*host, clinic, &report.appointments_checked);
  if (!overlap.ok()) report.overlap_error = overlap.ToString();
  return report;
}

}  // namespace needlework::bench
