// Smoke test of bench/: the baseline server starts and answers the load generator, and the
// microbenchmarks run and write Google Benchmark JSON. Nothing here checks a timing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "bench/common/sample_patient.h"
#include "bench/driver/bench_host.h"
#include "bench/load/load_json.h"
#include "support/temp_dir.h"

namespace needlework::bench {
namespace {

using ::needlework::testing::ReadWholeFile;
using ::needlework::testing::RunProcess;
using ::needlework::testing::TempDir;

constexpr char kBinaryDir[] = NEEDLEWORK_BINARY_DIR;

TEST(BenchSmokeTest, LoadGeneratorDrivesTheBaselineAndReportsJson) {
  TempDir temp;
  const std::string& dir = temp.path();
  ASSERT_FALSE(dir.empty());
  auto baseline =
      StartServer({std::string(kBinaryDir) + "/bench/needlework-bench-baseline", "--listen",
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
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::string out = dir.File("micro.json");
  std::string err;
  ASSERT_EQ(
      RunProcess({std::string(kBinaryDir) + "/bench/needlework-micro-bench",
                  "--benchmark_min_time=0.01", "--benchmark_format=json", "--benchmark_out=" + out},
                 std::chrono::seconds(100), nullptr, &err),
      0)
      << err;
  auto json = nlohmann::json::parse(ReadWholeFile(out), nullptr, false);
  ASSERT_TRUE(json.is_object());
  ASSERT_TRUE(json.contains("benchmarks"));
  EXPECT_GE(json["benchmarks"].size(), 3u);
}

}  // namespace
}  // namespace needlework::bench
