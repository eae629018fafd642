// Planning a series and booking its sessions through the real host.
#include <gmock/gmock.h>

#include <map>

#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

class SchedulingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    plan_id_ = CreateFacePlan(*api_, host_->emr_token(), "Patient/sched-1");
    ASSERT_FALSE(plan_id_.empty());
  }

  Reply<v1::FindSlotsResponse> Slots(int session, const std::string& from, const std::string& to,
                                     const std::string& plan = "") {
    v1::FindSlotsRequest request;
    request.set_plan_id(plan.empty() ? plan_id_ : plan);
    request.set_session_index(session);
    request.set_from_date(from);
    request.set_to_date(to);
    request.set_max_results(500);
    return api_->FindSlots(host_->emr_token(), request);
  }

  std::vector<v1::Appointment> AppointmentsOf(const std::string& patient) {
    v1::ListAppointmentsRequest request;
    request.set_patient_ref(patient);
    auto reply = api_->ListAppointments(host_->emr_token(), request);
    EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
    return {reply.response.appointments().begin(), reply.response.appointments().end()};
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::string plan_id_;
};

TEST_F(SchedulingTest, ProposedPlanFollowsTheDomainDefaults) {
  v1::GetPlanRequest get;
  get.set_plan_id(plan_id_);
  auto plan = api_->GetPlan(host_->emr_token(), get);
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
  EXPECT_EQ(plan.response.status(), types::PLAN_STATUS_ACTIVE);
  EXPECT_GE(plan.response.plan().session_count(), 2);
  EXPECT_EQ(plan.response.plan().min_days_between(), 28);
  EXPECT_EQ(plan.response.plan().max_days_between(), 42);
  EXPECT_EQ(plan.response.plan().maintenance_min_months(), 6);
  EXPECT_EQ(plan.response.plan().maintenance_max_months(), 12);
}

TEST_F(SchedulingTest, SlotsRespectOpeningHoursInTheClinicsZone) {
  std::string monday = LondonDate(7, /*monday=*/true);
  auto reply = Slots(0, monday, monday);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  ASSERT_FALSE(reply.response.slots().empty());
  EXPECT_EQ(reply.response.time_zone(), kZone);
  const auto& first = reply.response.slots(0);
  EXPECT_THAT(first.start(), ::testing::StartsWith(monday + "T09:00:00"));
  EXPECT_EQ(first.device_ids_size(), 1);
  for (const auto& slot : reply.response.slots()) {
    EXPECT_GE(slot.start().substr(11, 5), "09:00");
    EXPECT_LE(slot.end().substr(11, 5), "17:00");
  }
}

// London's next clock change, whenever the test runs: opening hours are wall-clock hours, so
// the first slot is 09:00 local on both sides, at a different UTC offset.
TEST_F(SchedulingTest, SlotsFollowTheNextDaylightSavingChange) {
  absl::TimeZone london;
  ASSERT_TRUE(absl::LoadTimeZone(kZone, &london));
  absl::TimeZone::CivilTransition change;
  ASSERT_TRUE(london.NextTransition(absl::Now() + absl::Hours(24 * 8), &change));
  absl::CivilDay day = absl::CivilDay(change.to);
  std::string before = absl::FormatCivilTime(day - 2);  // Friday before a Sunday change
  std::string after = absl::FormatCivilTime(day + 1);   // the Monday after
  auto reply = Slots(0, before, after);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  std::map<std::string, std::string> first_by_day;
  for (const auto& slot : reply.response.slots())
    first_by_day.emplace(slot.start().substr(0, 10), slot.start());
  ASSERT_TRUE(first_by_day.count(before) && first_by_day.count(after));
  EXPECT_EQ(first_by_day[before].substr(10, 9), "T09:00:00");
  EXPECT_EQ(first_by_day[after].substr(10, 9), "T09:00:00");
  EXPECT_NE(first_by_day[before].substr(19), first_by_day[after].substr(19));  // offsets differ
}

TEST_F(SchedulingTest, BookedPenIsNotOfferedAgainAtThatTime) {
  std::string monday = LondonDate(7, true);
  auto before = Slots(0, monday, monday);
  ASSERT_TRUE(before.status.ok()) << before.status.error_message();
  auto booked = api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, before.response.slots(0)));
  ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
  EXPECT_EQ(booked.response.status(), types::APPOINTMENT_STATUS_BOOKED);
  std::vector<std::string> refs;
  for (const auto& p : booked.response.participants()) refs.push_back(p.reference());
  EXPECT_THAT(refs, ::testing::IsSupersetOf({"Patient/sched-1", "Device/pen-1"}));

  // Only one pen: another patient cannot have the same start, with either practitioner.
  std::string other = CreateFacePlan(*api_, host_->emr_token(), "Patient/sched-2");
  auto after = Slots(0, monday, monday, other);
  ASSERT_TRUE(after.status.ok()) << after.status.error_message();
  for (const auto& slot : after.response.slots()) {
    EXPECT_GE(slot.start(), booked.response.end()) << "overlaps the pen's booking";
  }
}

TEST_F(SchedulingTest, SecondSessionHonoursTheSpacing) {
  std::string monday = LondonDate(7, true);
  auto first = Slots(0, monday, monday);
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  ASSERT_TRUE(
      api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, first.response.slots(0))).status.ok());

  auto too_soon = Slots(1, LondonDate(8), LondonDate(20));
  EXPECT_EQ(too_soon.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(too_soon.status.error_message(), HasSubstr("spacing"));

  auto window = Slots(1, LondonDate(30), LondonDate(60));
  ASSERT_TRUE(window.status.ok()) << window.status.error_message();
  ASSERT_FALSE(window.response.slots().empty());
  // The earliest offered start is 28 days after the first session's day.
  EXPECT_GE(window.response.slots(0).start().substr(0, 10), LondonDate(7 + 28, true).substr(0, 10));

  // Booking it too soon by hand is refused with the plugin's reason, and nothing is written.
  auto early = BookingFor(plan_id_, 1, first.response.slots(0));
  auto later_same_week = Slots(0, LondonDate(8, true), LondonDate(8, true),
                               CreateFacePlan(*api_, host_->emr_token(), "Patient/x"));
  ASSERT_TRUE(later_same_week.status.ok());
  early.set_start(later_same_week.response.slots(0).start());
  auto refused = api_->Book(host_->emr_token(), early);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("too-soon"));
  EXPECT_EQ(AppointmentsOf("Patient/sched-1").size(), 1u);
}

TEST_F(SchedulingTest, BadBookingsGetPreciseStatusesAndWriteNothing) {
  std::string monday = LondonDate(7, true);
  auto slots = Slots(0, monday, monday);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  auto good = BookingFor(plan_id_, 0, slots.response.slots(0));

  auto unknown = good;
  unknown.set_plan_id("plan_doesnotexist");
  EXPECT_EQ(api_->Book(host_->emr_token(), unknown).status.error_code(),
            grpc::StatusCode::NOT_FOUND);

  auto out_of_range = good;
  out_of_range.set_session_index(99);
  auto range = api_->Book(host_->emr_token(), out_of_range);
  EXPECT_EQ(range.status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
  EXPECT_THAT(range.status.error_message(), HasSubstr("session_index 99"));

  auto past = good;
  past.set_start("2020-01-06T10:00:00Z");
  auto in_past = api_->Book(host_->emr_token(), past);
  EXPECT_EQ(in_past.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(in_past.status.error_message(), HasSubstr("in the past"));

  auto night = good;
  night.set_start(monday + "T21:00:00+00:00");
  auto closed = api_->Book(host_->emr_token(), night);
  EXPECT_EQ(closed.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(closed.status.error_message(), HasSubstr("opening hours"));

  auto wrong_room = good;
  wrong_room.set_room_id("pen-1");
  EXPECT_EQ(api_->Book(host_->emr_token(), wrong_room).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  auto garbled = good;
  garbled.set_start("next tuesday");
  EXPECT_EQ(api_->Book(host_->emr_token(), garbled).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  auto backwards = Slots(0, LondonDate(10), LondonDate(3));
  EXPECT_EQ(backwards.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(backwards.status.error_message(), HasSubstr("to_date is before from_date"));

  EXPECT_TRUE(AppointmentsOf("Patient/sched-1").empty());
}

// No race: the pen is already booked, so the answer is FAILED_PRECONDITION naming the
// appointment and the resource (ABORTED, which an EMR retries, is for a lost race only).
TEST_F(SchedulingTest, BookingOverAnExistingAppointmentNamesIt) {
  std::string monday = LondonDate(7, true);
  auto slots = Slots(0, monday, monday);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  const v1::Slot& first = slots.response.slots(0);
  auto taken = api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, first));
  ASSERT_TRUE(taken.status.ok()) << taken.status.error_message();

  std::string other = CreateFacePlan(*api_, host_->emr_token(), "Patient/sched-2");
  v1::Slot clash = first;  // the other practitioner and room: the one pen still clashes
  clash.set_practitioner_id(first.practitioner_id() == "dr-lee" ? "dr-patel" : "dr-lee");
  clash.set_room_id(first.room_id() == "room-1" ? "room-2" : "room-1");
  auto refused = api_->Book(host_->emr_token(), BookingFor(other, 0, clash));
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.status.error_message(),
              HasSubstr("device 'pen-1' is already booked by appointment " +
                        taken.response.appointment_id() + " from " + first.start()));
  EXPECT_TRUE(AppointmentsOf("Patient/sched-2").empty());

  // Moving another appointment onto it is the same plain clash.
  auto later = Slots(0, monday, monday, other);
  ASSERT_TRUE(later.status.ok()) << later.status.error_message();
  ASSERT_FALSE(later.response.slots().empty());
  auto booked = api_->Book(host_->emr_token(), BookingFor(other, 0, later.response.slots(0)));
  ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
  v1::RescheduleRequest move;
  move.set_appointment_id(booked.response.appointment_id());
  move.set_start(first.start());
  auto moved = api_->Reschedule(host_->emr_token(), move);
  EXPECT_EQ(moved.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(moved.status.error_message(),
              HasSubstr("is already booked by appointment " + taken.response.appointment_id()));
  auto kept = AppointmentsOf("Patient/sched-2");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].start(), later.response.slots(0).start());
}

TEST_F(SchedulingTest, RescheduleCancelCompleteAndCalendar) {
  std::string monday = LondonDate(7, true);
  auto slots = Slots(0, monday, monday);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  auto booked = api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, slots.response.slots(0)));
  ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();

  v1::RescheduleRequest move;
  move.set_appointment_id(booked.response.appointment_id());
  move.set_start(slots.response.slots(4).start());
  auto moved = api_->Reschedule(host_->emr_token(), move);
  ASSERT_TRUE(moved.status.ok()) << moved.status.error_message();
  EXPECT_EQ(moved.response.start(), slots.response.slots(4).start());

  v1::ExportCalendarRequest export_request;
  export_request.set_patient_ref("Patient/sched-1");
  auto calendar = api_->ExportCalendar(host_->emr_token(), export_request);
  ASSERT_TRUE(calendar.status.ok()) << calendar.status.error_message();
  EXPECT_THAT(calendar.response.icalendar(), HasSubstr("BEGIN:VTIMEZONE\r\nTZID:Europe/London"));
  EXPECT_THAT(calendar.response.icalendar(), HasSubstr("DTSTART;TZID=Europe/London:"));

  v1::CompleteSessionRequest complete;
  complete.set_appointment_id(booked.response.appointment_id());
  complete.mutable_completion()->set_needle_depth_mm(0.5);
  auto* product = complete.mutable_completion()->add_products();
  product->set_product("Hyaluronic serum");
  product->set_lot_number("LOT-42");
  // Not yet: completing needs a booked appointment; this one is booked, so it works.
  auto done = api_->CompleteSession(host_->emr_token(), complete);
  ASSERT_TRUE(done.status.ok()) << done.status.error_message();
  EXPECT_EQ(done.response.status(), types::APPOINTMENT_STATUS_FULFILLED);
  EXPECT_EQ(done.response.completion().products(0).lot_number(), "LOT-42");

  v1::CancelAppointmentRequest cancel;
  cancel.set_appointment_id(booked.response.appointment_id());
  cancel.set_reason("patient asked");
  EXPECT_EQ(api_->Cancel(host_->emr_token(), cancel).status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // already fulfilled
}

TEST_F(SchedulingTest, CancellingThePlanFreesItsSessions) {
  std::string monday = LondonDate(7, true);
  auto slots = Slots(0, monday, monday);
  ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
  ASSERT_TRUE(
      api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, slots.response.slots(0))).status.ok());
  v1::CancelPlanRequest cancel;
  cancel.set_plan_id(plan_id_);
  cancel.set_reason("moved away");
  auto cancelled = api_->CancelPlan(host_->emr_token(), cancel);
  ASSERT_TRUE(cancelled.status.ok()) << cancelled.status.error_message();
  EXPECT_EQ(cancelled.response.status(), types::PLAN_STATUS_CANCELLED);
  ASSERT_EQ(cancelled.response.sessions_size(), 1);
  EXPECT_EQ(cancelled.response.sessions(0).status(), types::APPOINTMENT_STATUS_CANCELLED);
  std::string other = CreateFacePlan(*api_, host_->emr_token(), "Patient/sched-3");
  auto again = Slots(0, monday, monday, other);
  ASSERT_TRUE(again.status.ok());
  EXPECT_EQ(again.response.slots(0).start(), slots.response.slots(0).start());  // free again
}

TEST_F(SchedulingTest, DisablingTheSchedulingPluginIsSaidPlainly) {
  ASSERT_TRUE(
      Api(*host_).Disable(host_->admin_token(), "demo", "org.needlework.scheduling").status.ok());
  std::string monday = LondonDate(7, true);
  auto slots = Slots(0, monday, monday);
  EXPECT_EQ(slots.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(slots.status.error_message(), HasSubstr("no scheduling plugin is enabled"));
  v1::ProposePlanRequest propose;
  propose.mutable_facts()->set_patient_ref("Patient/p");
  auto* concern = propose.add_concerns();
  concern->set_system(std::string(code_systems::kConcern));
  concern->set_code("fine-lines");
  auto proposed = api_->ProposePlan(host_->emr_token(), propose);
  EXPECT_EQ(proposed.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(SchedulingTest, AnotherClinicCannotSeeBookOrCancel) {
  auto other = Api(*host_).CreateClinic(host_->admin_token(), "elsewhere");
  ASSERT_TRUE(other.status.ok());
  ASSERT_TRUE(Api(*host_)
                  .Enable(host_->admin_token(), "elsewhere", "org.needlework.scheduling")
                  .status.ok());
  const std::string& token_b = other.response.emr_token();
  std::string monday = LondonDate(7, true);
  auto slots = Slots(0, monday, monday);
  ASSERT_TRUE(slots.status.ok());
  auto booked = api_->Book(host_->emr_token(), BookingFor(plan_id_, 0, slots.response.slots(0)));
  ASSERT_TRUE(booked.status.ok());

  v1::GetPlanRequest get;
  get.set_plan_id(plan_id_);
  EXPECT_EQ(api_->GetPlan(token_b, get).status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(
      api_->Book(token_b, BookingFor(plan_id_, 1, slots.response.slots(1))).status.error_code(),
      grpc::StatusCode::NOT_FOUND);
  v1::CancelAppointmentRequest cancel;
  cancel.set_appointment_id(booked.response.appointment_id());
  cancel.set_reason("not mine");
  EXPECT_EQ(api_->Cancel(token_b, cancel).status.error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListAppointmentsRequest list;
  list.set_patient_ref("Patient/sched-1");
  auto listed = api_->ListAppointments(token_b, list);
  ASSERT_TRUE(listed.status.ok());
  EXPECT_TRUE(listed.response.appointments().empty());
}

}  // namespace
}  // namespace needlework::testing
