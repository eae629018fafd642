// GET /metrics through the real host: scraped over HTTP and parsed by the reference
// Prometheus parser (python3-prometheus-client, tests/integration/parse_metrics.py); the
// counters move as calls are made, and a hanging plugin's timeouts, quarantines and runner
// crashes show under its id.
#include <gmock/gmock.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "integration/api_helpers.h"
#include "support/eventually.h"

namespace needlework::testing {
namespace {

constexpr char kFault[] = "org.needlework.test.fault";
constexpr char kScreen[] = "/needlework.v1.ScreeningService/Screen";

class MetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HostOptions options;
    options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/fault", NEEDLEWORK_PLUGIN_DIR};
    options.hook_deadlines_ms = {{"default", 1000}};
    options.http_listen = "127.0.0.1:0";
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<Api>(*host_);
  }

  // Every sample of a scrape, as the reference parser read it; fails the test when the text
  // does not parse.
  nlohmann::json Scrape() {
    httplib::Client client("http://" + host_->http_address());
    auto reply = client.Get("/metrics");
    if (!reply || reply->status != 200) {
      ADD_FAILURE() << "GET /metrics failed";
      return nlohmann::json::array();
    }
    EXPECT_THAT(reply->get_header_value("Content-Type"), ::testing::HasSubstr("version=0.0.4"));
    EXPECT_THAT(reply->body, ::testing::Not(::testing::HasSubstr(host_->emr_token())));
    TempDir dir;
    std::ofstream(dir.File("metrics.txt")) << reply->body;
    std::string out, err;
    int rc = RunProcess({"/usr/bin/python3", NEEDLEWORK_SOURCE_DIR "/tests/integration/parse_metrics.py",
                         dir.File("metrics.txt")},
                        std::chrono::seconds(60), &out, &err);
    if (rc != 0) {
      ADD_FAILURE() << "the Prometheus parser refused the scrape: " << err;
      return nlohmann::json::array();
    }
    return nlohmann::json::parse(out);
  }

  // The value of sample `name` whose labels include `labels`; 0 when there is none.
  static double Value(const nlohmann::json& samples, const std::string& name,
                      const std::map<std::string, std::string>& labels = {}) {
    double sum = 0;
    for (const auto& sample : samples) {
      if (sample["name"] != name) continue;
      bool match = true;
      for (const auto& [key, value] : labels)
        match = match && sample["labels"].value(key, "") == value;
      if (match) sum += sample["value"].get<double>();
    }
    return sum;
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<Api> api_;
};

TEST_F(MetricsTest, RpcCountersMoveAsCallsAreMade) {
  auto before = Scrape();
  ASSERT_TRUE(api_->Screen(host_->emr_token(), FactsWithConditions({})).status.ok());
  EXPECT_EQ(api_->Screen("nw_emr_not-a-token", FactsWithConditions({})).status.error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  auto after = Scrape();
  auto ok = std::map<std::string, std::string>{{"method", kScreen}, {"code", "OK"}};
  EXPECT_EQ(Value(after, "needlework_rpc_calls_total", ok),
            Value(before, "needlework_rpc_calls_total", ok) + 1);
  EXPECT_EQ(Value(after, "needlework_rpc_calls_total",
                  {{"method", kScreen}, {"code", "UNAUTHENTICATED"}}),
            1);
  EXPECT_EQ(Value(after, "needlework_tokens_refused_total", {{"reason", "unauthenticated"}}), 1);
  EXPECT_GE(Value(after, "needlework_rpc_duration_seconds_count", {{"method", kScreen}}), 2);
  auto screening = std::map<std::string, std::string>{
      {"plugin", "org.needlework.screening"}, {"hook", "screen"}, {"outcome", "ok"}};
  EXPECT_EQ(Value(after, "needlework_plugin_calls_total", screening),
            Value(before, "needlework_plugin_calls_total", screening) + 1);
  EXPECT_GT(Value(after, "needlework_store_commit_batch_size_count"),
            Value(before, "needlework_store_commit_batch_size_count"));
  EXPECT_GT(Value(after, "needlework_audit_appends_total"),
            Value(before, "needlework_audit_appends_total"));
  EXPECT_GT(Value(after, "needlework_start_time_seconds"), 0);
}

TEST_F(MetricsTest, AHangingPluginsTimeoutsShowUnderItsId) {
  auto enabled = api_->Enable(host_->admin_token(), "demo", kFault,
                              R"({"faults":{"screen":"hang"},"sleep_ms":5000})");
  ASSERT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  ASSERT_TRUE(api_->Screen(host_->emr_token(), FactsWithConditions({})).status.ok());
  auto fault = std::map<std::string, std::string>{{"plugin", kFault}};
  nlohmann::json samples;
  // The runner's death (process mode: killed at the deadline) is noticed by its supervisor.
  EXPECT_TRUE(Eventually([&] {
    samples = Scrape();
    return Value(samples, "needlework_plugin_runner_restarts_total", fault) >= 1;
  })) << samples.dump();
  EXPECT_EQ(Value(samples, "needlework_plugin_calls_total",
                  {{"plugin", kFault}, {"hook", "screen"}, {"outcome", "timed_out"}}),
            1);
  EXPECT_EQ(Value(samples, "needlework_plugin_quarantines_total", fault), 1);
  EXPECT_GE(Value(samples, "needlework_plugin_runner_crashes_total", fault), 1);
  EXPECT_EQ(Value(samples, "needlework_plugin_call_duration_seconds_count",
                  {{"plugin", kFault}, {"hook", "screen"}}),
            1);
}

}  // namespace
}  // namespace needlework::testing
