// needlework-bench: the whole `make bench` run. Prints the table on stdout and writes
// <out-dir>/bench-<UTC time>.json (and latest.json). See BENCHMARKS.md.
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "bench/driver/bench_run.h"

namespace needlework::bench {
namespace {

constexpr char kUsage[] =
    "usage: needlework-bench --build-dir DIR --source-dir DIR [--out-dir DIR]\n"
    "    [--repetitions N] [--duration S] [--warmup S] [--book-calls N] [--channels N]\n"
    "    [--server-cpus 1] [--client-cpus 0] [--micro-json FILE]\n"
    "    [--only NAME-PART] [--year-blocks N]  (quick experiments only)\n"
    "CPU lists are comma-separated; 'all' leaves a process unpinned.\n";

std::vector<int> CpuList(const std::string& text) {
  std::vector<int> cpus;
  if (text == "all") return cpus;
  std::stringstream in(text);
  for (std::string cpu; std::getline(in, cpu, ',');) cpus.push_back(std::stoi(cpu));
  return cpus;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

std::string UtcStamp() {
  std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof(text), "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  return text;
}

struct Flags {
  BenchSettings settings;
  std::string out_dir = "bench/results";
  std::string micro_json;
};

bool Parse(Flags& f, const std::string& flag, const std::string& value) {
  auto& s = f.settings;
  if (flag == "--build-dir")
    s.paths.build_dir = value;
  else if (flag == "--source-dir")
    s.paths.source_dir = value;
  else if (flag == "--out-dir")
    f.out_dir = value;
  else if (flag == "--micro-json")
    f.micro_json = value;
  else if (flag == "--repetitions")
    s.repetitions = std::stoi(value);
  else if (flag == "--duration")
    s.duration_seconds = std::stod(value);
  else if (flag == "--warmup")
    s.warmup_seconds = std::stod(value);
  else if (flag == "--book-calls")
    s.book_calls = std::stoi(value);
  else if (flag == "--channels")
    s.channels = std::stoi(value);
  else if (flag == "--year-blocks")
    s.year_blocks = std::stoi(value);
  else if (flag == "--only")
    s.only = value;
  else if (flag == "--server-cpus")
    s.server_cpus = CpuList(value);
  else if (flag == "--client-cpus")
    s.client_cpus = CpuList(value);
  else
    return false;
  return true;
}

nlohmann::json ReadJson(const std::string& path) {
  if (path.empty()) return nullptr;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str(), nullptr, false);
}

int Finish(const Flags& flags, BenchReport& report, const std::string& load_before) {
  report.micro = ReadJson(flags.micro_json);
  report.machine = {{"cores", std::thread::hardware_concurrency()},
                    {"load_average_before", load_before},
                    {"load_average_after", LoadAverage()},
                    {"repetitions", flags.settings.repetitions},
                    {"duration_seconds", flags.settings.duration_seconds},
                    {"warmup_seconds", flags.settings.warmup_seconds},
                    {"server_cpus", flags.settings.server_cpus},
                    {"client_cpus", flags.settings.client_cpus}};
  PrintTable(report, std::cout);
  std::cout << "load average before " << load_before << ", after " << LoadAverage() << "\n";
  std::filesystem::create_directories(flags.out_dir);
  std::string path = flags.out_dir + "/bench-" + UtcStamp() + ".json";
  std::string json = ReportJson(report).dump(2);
  std::ofstream(path) << json << "\n";
  std::ofstream(flags.out_dir + "/latest.json") << json << "\n";
  std::cout << "results: " << path << std::endl;
  return 0;
}

int Main(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i < argc; i += 2) {
    if (i + 1 >= argc || !Parse(flags, argv[i], argv[i + 1])) {
      std::cerr << "needlework-bench: bad argument " << argv[i] << "\n" << kUsage;
      return 2;
    }
  }
  auto& paths = flags.settings.paths;
  if (paths.build_dir.empty() || paths.source_dir.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  if (std::thread::hardware_concurrency() < 2) flags.settings.server_cpus.clear();
  if (std::thread::hardware_concurrency() < 2) flags.settings.client_cpus.clear();
  paths.build_dir = std::filesystem::absolute(paths.build_dir).lexically_normal();
  paths.source_dir = std::filesystem::absolute(paths.source_dir).lexically_normal();
  std::string work = paths.build_dir + "/bench-work-XXXXXX";
  if (::mkdtemp(work.data()) == nullptr) return 1;
  paths.work_dir = work;
  std::string load_before = LoadAverage();
  auto report = RunBench(flags.settings);
  if (!report.ok()) {
    std::cerr << "needlework-bench: " << report.status().ToString() << " (logs kept in " << work
              << ")\n";
    return 1;
  }
  if (std::getenv("NEEDLEWORK_BENCH_KEEP") == nullptr) std::filesystem::remove_all(work);
  return Finish(flags, *report, load_before);
}

}  // namespace
}  // namespace needlework::bench

int main(int argc, char** argv) { return needlework::bench::Main(argc, argv); }
