// Load limits through the real host: a flood of bad-token calls is cut off by the refusal
// limit (RESOURCE_EXHAUSTED with a retry hint) while another clinic keeps booking, and the
// flood reaches the audit log as a few aggregated records; the concurrent-stream cap makes
// calls beyond it wait.
#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "integration/scheduling_helpers.h"
#include "needlework/v1/catalog.grpc.pb.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

constexpr int kPeerLimit = 20;
constexpr int kFloodThreads = 4;
constexpr auto kPhase = std::chrono::seconds(3);

class FloodTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HostOptions options;
    options.load_limits = "  refusals_per_peer: " + std::to_string(kPeerLimit) + "\n" +
                          "  refusal_window_seconds: 600\n";
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    plan_ = CreateFacePlan(*api_, host_->emr_token(), "Patient/flood-1");
    ASSERT_FALSE(plan_.empty());
    v1::FindSlotsRequest find;
    find.set_plan_id(plan_);
    find.set_from_date(LondonDate(7, true));
    find.set_to_date(LondonDate(7, true));
    auto slots = api_->FindSlots(host_->emr_token(), find);
    ASSERT_TRUE(slots.status.ok() && !slots.response.slots().empty());
    slot_ = slots.response.slots(0);
  }

  // Books and cancels the plan's first session for kPhase; returns the cycles per second.
  // Every call must succeed.
  double BookingRate() {
    int cycles = 0;
    auto start = Clock::now();
    while (Clock::now() - start < kPhase) {
      auto booked = api_->Book(host_->emr_token(), BookingFor(plan_, 0, slot_));
      EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();
      if (!booked.status.ok()) break;
      v1::CancelAppointmentRequest cancel;
      cancel.set_appointment_id(booked.response.appointment_id());
      cancel.set_reason("load test");
      auto cancelled = api_->Cancel(host_->emr_token(), cancel);
      EXPECT_TRUE(cancelled.status.ok()) << cancelled.status.error_message();
      if (!cancelled.status.ok()) break;
      ++cycles;
    }
    std::chrono::duration<double> took = Clock::now() - start;
    return cycles / took.count();
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::string plan_;
  v1::Slot slot_;
};

// What the flood saw: calls per status code, and one RESOURCE_EXHAUSTED answer.
struct FloodResult {
  std::mutex mutex;
  std::map<grpc::StatusCode, int> codes;
  std::string exhausted_message;
  std::string pushback_ms;
};

// Calls ListPlans (an audited RPC) with a bad token until `stop`.
void Flood(const HostProcess& host, const std::atomic<bool>& stop, FloodResult& result) {
  auto planning = v1::PlanningService::NewStub(host.channel());
  v1::ListPlansRequest request;
  request.set_patient_ref("Patient/flood-1");
  while (!stop) {
    auto context = AuthorizedContext("nw_emr_not-a-real-token");
    v1::ListPlansResponse response;
    grpc::Status status = planning->ListPlans(context.get(), request, &response);
    std::lock_guard<std::mutex> lock(result.mutex);
    ++result.codes[status.error_code()];
    if (status.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED) continue;
    result.exhausted_message = status.error_message();
    auto trailers = context->GetServerTrailingMetadata();
    auto pushback = trailers.find("grpc-retry-pushback-ms");
    if (pushback != trailers.end()) {
      result.pushback_ms = std::string(pushback->second.data(), pushback->second.size());
    }
  }
}

// How many calls `record` stands for (aggregated refusals carry their count in detail).
int CallsOf(const v1::AuditRecord& record) {
  auto detail = nlohmann::json::parse(record.detail_json(), nullptr, false);
  if (!detail.is_object() || !detail.value("aggregated", false)) return 1;
  return detail.value("count", 0);
}

TEST_F(FloodTest, ABadTokenFloodIsCutOffWhileAnotherClinicBooks) {
  double quiet = BookingRate();
  std::atomic<bool> stop{false};
  FloodResult flood;
  std::vector<std::thread> threads;
  for (int i = 0; i < kFloodThreads; ++i) {
    threads.emplace_back([&] { Flood(*host_, stop, flood); });
  }
  double flooded = BookingRate();
  stop = true;
  for (auto& thread : threads) thread.join();
  int refused = flood.codes[grpc::StatusCode::UNAUTHENTICATED];
  int exhausted = flood.codes[grpc::StatusCode::RESOURCE_EXHAUSTED];
  std::printf(
      "booking rate (book + cancel cycles/s): %.1f quiet, %.1f during a flood of %d "
      "bad-token calls (%d UNAUTHENTICATED, %d RESOURCE_EXHAUSTED): %.2fx\n",
      quiet, flooded, refused + exhausted, refused, exhausted, flooded / quiet);
  EXPECT_EQ(flood.codes.size(), 2u) << "only refusals and the limit's answer";
  // The limit is checked as a call starts and counted as it ends: calls already in flight
  // when the count reaches it still get their UNAUTHENTICATED.
  EXPECT_GE(refused, kPeerLimit);
  EXPECT_LE(refused, kPeerLimit + kFloodThreads);
  EXPECT_GT(exhausted, 0);
  EXPECT_THAT(flood.exhausted_message, HasSubstr("too many refused calls"));
  EXPECT_THAT(flood.exhausted_message, HasSubstr("retry in"));
  EXPECT_FALSE(flood.pushback_ms.empty()) << "grpc-retry-pushback-ms";

  // Refusals reach the log aggregated, at the latest when the host stops.
  ASSERT_TRUE(host_->Restart());
  v1::QueryAuditRequest query;
  query.set_rpc("ListPlans");
  query.set_limit(1000);
  v1::QueryAuditResponse records;
  auto admin = v1::AdminService::NewStub(host_->channel());
  ASSERT_TRUE(
      admin->QueryAudit(AuthorizedContext(host_->admin_token()).get(), query, &records).ok());
  int calls = 0;
  for (const auto& record : records.records()) calls += CallsOf(record);
  EXPECT_EQ(calls, refused + exhausted);
  // One record per minute and outcome; the flood may straddle a minute boundary.
  EXPECT_LE(records.records_size(), 4) << "not one record per refused call";
}

TEST(StreamCapTest, CallsBeyondTheCapWaitForAStream) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/behaviour", NEEDLEWORK_PLUGIN_DIR};
  options.hook_deadlines_ms = {{"screen", 10'000}};
  options.extra_config = "plugin_isolation: {default: in_process}\n";
  options.load_limits = "  max_concurrent_streams: 1\n";
  auto host = HostProcess::Start(options);
  ASSERT_NE(host, nullptr);
  Api api(*host);
  auto configured = api.Configure(host->admin_token(), "demo", "org.needlework.test.alpha",
                                  R"({"sleep_ms": 3000})");
  ASSERT_TRUE(configured.status.ok()) << configured.status.error_message();
  // The channel has the server's settings (the cap) before the slow call starts.
  ASSERT_TRUE(api.ListPlugins(host->admin_token()).status.ok());
  // Started (asynchronously) before the quick call on the same connection, the slow call
  // holds the one stream for three seconds.
  auto screening = v1::ScreeningService::NewStub(host->channel());
  auto slow_context = AuthorizedContext(host->emr_token());
  v1::ScreenRequest slow_request = FactsWithConditions({});
  v1::ScreenResponse slow_response;
  std::promise<grpc::Status> slow_done;
  screening->async()->Screen(slow_context.get(), &slow_request, &slow_response,
                             [&](grpc::Status status) { slow_done.set_value(status); });
  auto catalog = v1::CatalogService::NewStub(host->channel());
  auto quick_context = AuthorizedContext(host->emr_token());
  quick_context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(1000));
  v1::ListTherapiesResponse therapies;
  grpc::Status quick = catalog->ListTherapies(quick_context.get(), {}, &therapies);
  grpc::Status slow = slow_done.get_future().get();
  EXPECT_TRUE(slow.ok()) << slow.error_message();
  EXPECT_EQ(quick.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << quick.error_message();
  EXPECT_TRUE(api.ListPlugins(host->admin_token()).status.ok()) << "the stream is free again";
}

}  // namespace
}  // namespace needlework::testing
