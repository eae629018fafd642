// The fail-closed table of README.md, one row per hook: a plugin that hangs in the hook
// never holds its caller past the hook's deadline, and the answer fails closed, naming it.
// (screen, create_instance and catalog: fail_closed_test.cc.)
#include <gmock/gmock.h>

#include <functional>
#include <thread>

#include "integration/scheduling_helpers.h"
#include "needlework/v1/aftercare.grpc.pb.h"

namespace needlework::testing {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;
using Clock = std::chrono::steady_clock;

constexpr char kHang[] = "org.needlework.test.hang";
constexpr auto kMargin = std::chrono::seconds(5);  // the deadline is 300 ms; the hang 6 s

class HangTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HostOptions options;
    options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/hang", NEEDLEWORK_PLUGIN_DIR};
    options.hook_deadlines_ms = {
        {"plan", 300}, {"check_booking", 300}, {"aftercare", 300}, {"triage", 300}};
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    aftercare_ = v1::AftercareService::NewStub(host_->channel());
    Api(*host_).Disable(host_->admin_token(), "demo", kHang);  // until the test enables it
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    plan_id_ = CreateFacePlan(*api_, host_->emr_token(), "Patient/hang-1");
    ASSERT_FALSE(plan_id_.empty());
  }

  void HangIn(const std::string& hook) {
    std::string config = R"({"hang":")" + hook + R"(","sleep_ms":6000})";
    auto enabled = Api(*host_).Enable(host_->admin_token(), "demo", kHang, config.c_str());
    ASSERT_TRUE(enabled.status.ok()) << enabled.status.error_message();
  }

  // Runs `hanging` on another thread; meanwhile a second clinic's calls, several in a row,
  // all succeed.
  void WhileOtherClinicIsServed(const std::function<void()>& hanging) {
    Api api(*host_);
    auto harbour = api.CreateClinic(host_->admin_token(), "harbour");
    ASSERT_TRUE(harbour.status.ok()) << harbour.status.error_message();
    ASSERT_TRUE(api.Enable(host_->admin_token(), "harbour", kScreeningPlugin).status.ok());
    std::thread caller(hanging);
    for (int i = 0; i < 5; ++i) {
      auto screened = api.Screen(harbour.response.emr_token(), FactsWithConditions({}));
      EXPECT_TRUE(screened.status.ok()) << screened.status.error_message();
    }
    caller.join();
  }

  v1::Slot FirstSlot() {
    v1::FindSlotsRequest find;
    find.set_plan_id(plan_id_);
    find.set_session_index(0);
    find.set_from_date(LondonDate(7, true));
    find.set_to_date(LondonDate(7, true));
    auto slots = api_->FindSlots(host_->emr_token(), find);
    EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
    if (!slots.status.ok() || slots.response.slots().empty()) return {};
    return slots.response.slots(0);
  }

  std::string BookFirst() {
    auto booked = api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, FirstSlot()));
    EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();
    return booked.response.appointment_id();
  }

  Reply<v1::Appointment> Complete(const std::string& appointment_id) {
    v1::CompleteSessionRequest request;
    request.set_appointment_id(appointment_id);
    request.mutable_completion()->add_treatment_areas("face");
    request.mutable_completion()->set_needle_depth_mm(0.5);
    return api_->CompleteSession(host_->emr_token(), request);
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::unique_ptr<v1::AftercareService::Stub> aftercare_;
  std::string plan_id_;
};

TEST_F(HangTest, PlanSaysWhichPluginDidNotAnswer) {
  HangIn("plan");
  auto propose = FacePlanRequest("Patient/hang-2");
  Reply<v1::ProposePlanResponse> proposed;
  WhileOtherClinicIsServed([&] {
    auto start = Clock::now();
    proposed = api_->ProposePlan(host_->emr_token(), propose);
    EXPECT_LT(Clock::now() - start, kMargin);
  });
  EXPECT_EQ(proposed.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(proposed.status.error_message(), HasSubstr(kHang));
  EXPECT_THAT(proposed.status.error_message(), HasSubstr("300 ms deadline"));
}

TEST_F(HangTest, CheckBookingRefusesTheBookingNamingThePlugin) {
  auto slot = FirstSlot();
  HangIn("check_booking");
  Reply<v1::Appointment> booked;
  WhileOtherClinicIsServed([&] {
    auto start = Clock::now();
    booked = api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, slot));
    EXPECT_LT(Clock::now() - start, kMargin);
  });
  EXPECT_FALSE(booked.status.ok());
  EXPECT_THAT(booked.status.error_message(), HasSubstr(kHang));
}

TEST_F(HangTest, AftercareKeepsTheOtherLinesAndMarksThePlugin) {
  auto appointment = BookFirst();
  HangIn("aftercare");
  Reply<v1::Appointment> completed;
  WhileOtherClinicIsServed([&] {
    auto start = Clock::now();
    completed = Complete(appointment);
    EXPECT_LT(Clock::now() - start, kMargin);
  });
  ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
  v1::GetAftercarePlanRequest request;
  request.set_appointment_id(appointment);
  v1::AftercarePlan plan;
  ASSERT_TRUE(
      aftercare_->GetAftercarePlan(AuthorizedContext(host_->emr_token()).get(), request, &plan)
          .ok());
  EXPECT_GT(plan.instructions_size(), 0);  // the built-in aftercare plugin's lines
  const v1::PluginRun* hang = nullptr;
  for (const auto& run : plan.plugin_runs()) {
    if (run.plugin_id() == kHang) hang = &run;
  }
  ASSERT_NE(hang, nullptr);
  EXPECT_THAT(hang->state(),
              AnyOf(v1::PluginRun::STATE_TIMED_OUT, v1::PluginRun::STATE_QUARANTINED));
}

TEST_F(HangTest, TriageIsAtLeastContactClinic) {
  auto appointment = BookFirst();
  ASSERT_TRUE(Complete(appointment).status.ok());
  HangIn("triage");
  v1::ReportSymptomRequest request;
  request.set_appointment_id(appointment);
  request.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
  request.mutable_symptom()->set_code("redness");
  request.set_severity(types::SYMPTOM_SEVERITY_MILD);
  v1::SymptomReport report;
  grpc::Status status;
  WhileOtherClinicIsServed([&] {
    auto start = Clock::now();
    status =
        aftercare_->ReportSymptom(AuthorizedContext(host_->emr_token()).get(), request, &report);
    EXPECT_LT(Clock::now() - start, kMargin);
  });
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.level(), types::TRIAGE_LEVEL_CONTACT_CLINIC);  // redness alone: EXPECTED
}

}  // namespace
}  // namespace needlework::testing
