// Smoke test of bench/: the baseline server starts and answers the load generator, and the
// microbenchmarks run and write Google Benchmark JSON. Nothing here checks a timing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bench/common/sample_patient.h"
#include "bench/driver/child_process.h"
#include "bench/load/load_json.h"

namespace needlework::bench {
namespace {

constexpr char kBinaryDir[] = NEEDLEWORK_BINARY_DIR;

std::string TempDir() {
  std::string dir = std::filesystem::temp_directory_path() / "nw-bench-smoke-XXXXXX";
  return ::mkdtemp(dir.data()) != nullptr ? dir : "";
}

TEST(BenchSmokeTest, LoadGeneratorDrivesTheBaselineAndReportsJson) {
  std::string dir = TempDir();
  ASSERT_FALSE(dir.empty());
  auto baseline =
      ChildProcess::Start({std::string(kBinaryDir) + "/bench/needlework-bench-baseline", "--listen",
                           "127.0.0.1:0", "--ready-file", dir + "/ready", "--replies", dir},
                          dir + "/baseline.log", dir + "/ready", {});
  ASSERT_TRUE(baseline.ok()) << baseline.status().ToString();
  LoadSpec spec;
  spec.address = baseline->address();
  spec.method = "/needlework.v1.ScreeningService/Screen";
  spec.requests = {TypicalFactsRequest().SerializeAsString()};
  spec.in_flight = 4;
  spec.warmup_seconds = 0.05;
  spec.duration_seconds = 0.2;
  LoadResult result = RunLoad(spec);
  EXPECT_EQ(result.errors, 0) << result.first_error;
  EXPECT_GT(result.ok, 0);
  auto json = nlohmann::json::parse(LoadResultJson(result).dump());
  EXPECT_TRUE(json.contains("p999_us"));
  std::filesystem::remove_all(dir);
}

TEST(BenchSmokeTest, LoadGeneratorCountsFailedCallsAsErrors) {
  LoadSpec spec;
  spec.address = "127.0.0.1:1";  // nothing listens here
  spec.method = "/needlework.v1.ScreeningService/Screen";
  spec.requests = {""};
  spec.warmup_seconds = 0;
  spec.duration_seconds = 0.2;
  spec.deadline_seconds = 0.05;
  LoadResult result = RunLoad(spec);
  EXPECT_EQ(result.ok, 0);
  EXPECT_GT(result.errors, 0);
  EXPECT_EQ(result.calls_per_second, 0);
}

TEST(BenchSmokeTest, MicrobenchmarksWriteJson) {
  std::string dir = TempDir();
  ASSERT_FALSE(dir.empty());
  std::string out = dir + "/micro.json";
  std::string command = std::string(kBinaryDir) +
                        "/bench/needlework-micro-bench --benchmark_min_time=0.01 "
                        "--benchmark_format=json --benchmark_out=" +
                        out + " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  auto json = nlohmann::json::parse(text.str(), nullptr, false);
  ASSERT_TRUE(json.is_object());
  ASSERT_TRUE(json.contains("benchmarks"));
  EXPECT_GE(json["benchmarks"].size(), 3u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace needlework::bench
