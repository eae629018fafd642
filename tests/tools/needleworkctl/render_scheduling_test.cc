// Rendering of the planning and scheduling responses: plans, slots, appointments, calendar.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "commands/planning.h"
#include "commands/scheduling.h"
#include "needlework/code_systems.h"
#include "render.h"
#include "render_helpers.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::Slot* AddSlot(v1::FindSlotsResponse* response, const std::string& start, const std::string& end,
                  const std::string& practitioner, const std::string& room) {
  v1::Slot* slot = response->add_slots();
  slot->set_start(start);
  slot->set_end(end);
  slot->set_practitioner_id(practitioner);
  slot->set_room_id(room);
  return slot;
}

TEST(RenderSlotsTest, LocalTimesAndTheWindow) {
  v1::FindSlotsResponse response;
  response.set_time_zone("Europe/London");
  response.set_window_start("2026-03-09");
  response.set_window_end("2026-03-30");
  AddSlot(&response, "2026-03-09T09:00:00+00:00", "2026-03-09T10:00:00+00:00", "dr-lee", "room-1")
      ->add_device_ids("pen-1");
  v1::Slot* late = AddSlot(&response, "2026-03-29T23:30:00+01:00", "2026-03-30T00:30:00+01:00",
                           "dr-kim", "room-12");
  late->add_device_ids("pen-2");
  late->add_device_ids("rf-1");
  AddSlot(&response, "2026-03-30T09:00:00+01:00", "2026-03-30T09:45:00+01:00", "dr-lee", "room-1");
  EXPECT_EQ(Rendered(response, RenderSlots),
            "3 free slots (times in Europe/London).\n"
            "The plan's spacing allows Mon 2026-03-09 to Mon 2026-03-30.\n"
            "\n"
            "DAY  START                   END                   PRACTITIONER  ROOM     DEVICES\n"
            "Mon  2026-03-09T09:00+00:00  10:00                 dr-lee        room-1   pen-1\n"
            "Sun  2026-03-29T23:30+01:00  Mon 2026-03-30 00:30  dr-kim        room-12  "
            "pen-2,rf-1\n"
            "Mon  2026-03-30T09:00+01:00  09:45                 dr-lee        room-1   -\n");
}

TEST(RenderSlotsTest, AListTheHostCutSaysSoAndWhereMoreFollow) {
  v1::FindSlotsResponse response;
  response.set_time_zone("Europe/London");
  response.set_truncated(true);
  AddSlot(&response, "2026-03-09T09:00:00+00:00", "2026-03-09T10:00:00+00:00", "dr-lee", "room-1");
  AddSlot(&response, "2026-03-09T09:15:00+00:00", "2026-03-09T10:15:00+00:00", "dr-lee", "room-1");
  EXPECT_THAT(Rendered(response, RenderSlots),
              ::testing::StartsWith("First 2 free slots (times in Europe/London); more after Mon "
                                    "2026-03-09 09:15: use --max or a later --from.\n"));
  response.clear_slots();
  EXPECT_THAT(Rendered(response, RenderSlots),
              ::testing::StartsWith("No free slots (times in Europe/London).\n"));
}

TEST(RenderSlotsTest, OneSlotWithoutWindowOrZone) {
  v1::FindSlotsResponse response;
  AddSlot(&response, "2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z", "dr-lee", "room-1");
  EXPECT_EQ(Rendered(response, RenderSlots),
            "1 free slot.\n"
            "\n"
            "DAY  START              END    PRACTITIONER  ROOM    DEVICES\n"
            "Mon  2026-03-09T09:00Z  10:00  dr-lee        room-1  -\n");
}

TEST(RenderSlotsTest, NoneSaysWhatToTry) {
  v1::FindSlotsResponse response;
  response.set_time_zone("Europe/London");
  response.set_window_start("2026-03-09");
  response.set_window_end("2026-03-30");
  EXPECT_EQ(Rendered(response, RenderSlots),
            "No free slots (times in Europe/London).\n"
            "The plan's spacing allows Mon 2026-03-09 to Mon 2026-03-30.\n"
            "Try wider dates or another --practitioner; check the opening hours and resources.\n");
}

v1::Appointment Booked() {
  v1::Appointment appointment;
  appointment.set_appointment_id("ap-1");
  appointment.set_plan_id("pl-1");
  appointment.set_session_index(2);
  appointment.set_patient_ref("Patient/123");
  appointment.set_status(types::v1::APPOINTMENT_STATUS_BOOKED);
  appointment.set_start("2026-03-02T09:00:00+01:00");
  appointment.set_end("2026-03-02T09:45:00+01:00");
  appointment.set_practitioner_id("dr-lee");
  appointment.set_room_id("room-1");
  appointment.add_device_ids("pen-1");
  appointment.add_device_ids("rf-1");
  *appointment.add_add_ons() = Procedure("rf-microneedling", "RF microneedling");
  *appointment.add_add_ons() = Procedure("ha-serum");
  return appointment;
}

TEST(RenderAppointmentsTest, Table) {
  v1::ListAppointmentsResponse response;
  *response.add_appointments() = Booked();
  v1::Appointment* cancelled = response.add_appointments();
  cancelled->set_appointment_id("ap-22");
  cancelled->set_session_index(0);
  cancelled->set_status(types::v1::APPOINTMENT_STATUS_CANCELLED);
  cancelled->set_start("2026-02-27T23:30:00Z");
  cancelled->set_end("2026-02-28T00:15:00Z");
  cancelled->set_patient_ref("Patient/7");
  EXPECT_EQ(Rendered(response, RenderAppointments),
            "ID     SESSION  STATUS     START                 END                   PRACTITIONER  "
            "ROOM    DEVICES     ADD-ONS                    PATIENT\n"
            "ap-1   3        booked     Mon 2026-03-02 09:00  09:45                 dr-lee        "
            "room-1  pen-1,rf-1  rf-microneedling,ha-serum  Patient/123\n"
            "ap-22  1        cancelled  Fri 2026-02-27 23:30  Sat 2026-02-28 00:15  -             "
            "-       -           -                          Patient/7\n");
}

TEST(RenderAppointmentsTest, None) {
  EXPECT_EQ(Rendered(v1::ListAppointmentsResponse(), RenderAppointments), "No appointments.\n");
}

TEST(RenderAppointmentTest, Booked) {
  EXPECT_EQ(Rendered(Booked(), RenderAppointment),
            "Appointment ap-1: booked\n"
            "  plan          pl-1, session 3\n"
            "  patient       Patient/123\n"
            "  start         Mon 2026-03-02 09:00 +01:00\n"
            "  end           Mon 2026-03-02 09:45 +01:00\n"
            "  practitioner  dr-lee\n"
            "  room          room-1\n"
            "  devices       pen-1,rf-1\n"
            "  add-ons       rf-microneedling (RF microneedling), ha-serum\n");
}

TEST(RenderAppointmentTest, WithoutAddOnsNoAddOnRow) {
  v1::Appointment appointment = Booked();
  appointment.clear_add_ons();
  EXPECT_THAT(Rendered(appointment, RenderAppointment), Not(HasSubstr("add-ons")));
}

TEST(RenderAppointmentTest, CancelledShowsTheReason) {
  v1::Appointment appointment = Booked();
  appointment.set_status(types::v1::APPOINTMENT_STATUS_CANCELLED);
  appointment.set_cancel_reason("patient unwell");
  std::string text = Rendered(appointment, RenderAppointment);
  EXPECT_THAT(text, HasSubstr("Appointment ap-1: cancelled\n"));
  EXPECT_THAT(text, HasSubstr("\n  cancel reason  patient unwell\n"));
  EXPECT_THAT(text, Not(HasSubstr("completed")));
}

TEST(RenderAppointmentTest, FulfilledShowsWhatWasDone) {
  v1::Appointment appointment = Booked();
  appointment.set_status(types::v1::APPOINTMENT_STATUS_FULFILLED);
  v1::SessionCompletion* completion = appointment.mutable_completion();
  completion->add_treatment_areas("face");
  completion->add_treatment_areas("neck");
  completion->set_needle_depth_mm(1.25);
  v1::ProductUse* serum = completion->add_products();
  serum->set_product("HA serum");
  serum->set_lot_number("L2024-117");
  v1::ProductUse* numbing = completion->add_products();
  numbing->set_product("Lidocaine 5%");
  numbing->set_lot_number("N-9");
  completion->set_practitioner_id("dr-lee");
  completion->set_notes("mild erythema,\nresolved before leaving");
  completion->set_completed_at("2026-03-02T09:50:00+01:00");
  EXPECT_EQ(Rendered(appointment, RenderAppointment),
            "Appointment ap-1: fulfilled\n"
            "  plan           pl-1, session 3\n"
            "  patient        Patient/123\n"
            "  start          Mon 2026-03-02 09:00 +01:00\n"
            "  end            Mon 2026-03-02 09:45 +01:00\n"
            "  practitioner   dr-lee\n"
            "  room           room-1\n"
            "  devices        pen-1,rf-1\n"
            "  add-ons        rf-microneedling (RF microneedling), ha-serum\n"
            "  completed      Mon 2026-03-02 09:50 +01:00\n"
            "  areas          face, neck\n"
            "  needle depth   1.25 mm\n"
            "  products       HA serum, lot L2024-117\n"
            "                 Lidocaine 5%, lot N-9\n"
            "  add-ons given  every one booked\n"
            "  treated by     dr-lee\n"
            "  notes          mild erythema, resolved before leaving\n");
}

TEST(RenderAppointmentTest, FulfilledNamesTheAddOnsGiven) {
  v1::Appointment appointment = Booked();
  appointment.set_status(types::v1::APPOINTMENT_STATUS_FULFILLED);
  *appointment.mutable_completion()->add_add_ons() = Procedure("ha-serum");
  EXPECT_THAT(Rendered(appointment, RenderAppointment), HasSubstr("\n  add-ons given  ha-serum\n"));
  appointment.clear_add_ons();
  appointment.mutable_completion()->clear_add_ons();
  EXPECT_THAT(Rendered(appointment, RenderAppointment), Not(HasSubstr("add-ons")));
}

types::v1::SeriesPlan Series() {
  types::v1::SeriesPlan plan;
  plan.mutable_therapy()->set_system(std::string(code_systems::kProcedure));
  plan.mutable_therapy()->set_code("microneedling");
  plan.set_session_count(6);
  plan.set_min_days_between(28);
  plan.set_max_days_between(42);
  plan.set_session_minutes(60);
  plan.set_numbing_minutes(20);
  plan.add_requirements()->set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  plan.add_requirements()->set_type(types::v1::RESOURCE_TYPE_ROOM);
  types::v1::ResourceRequirement* pen = plan.add_requirements();
  pen->set_type(types::v1::RESOURCE_TYPE_DEVICE);
  pen->set_device_kind("microneedling-pen");
  plan.set_maintenance_min_months(6);
  plan.set_maintenance_max_months(12);
  plan.add_rationale("Atrophic acne scars: 6 sessions");
  plan.add_rationale("Fitzpatrick V: 28 days at least, to limit PIH");
  return plan;
}

types::v1::SessionRecord* AddSession(v1::Plan* plan, int index, int64_t start, int minutes,
                                     types::v1::AppointmentStatus status) {
  types::v1::SessionRecord* session = plan->add_sessions();
  session->set_appointment_id("ap-" + std::to_string(index));
  session->set_session_index(index);
  session->set_start_unix_seconds(start);
  session->set_end_unix_seconds(start + minutes * 60);
  session->set_status(status);
  return session;
}

constexpr int64_t kMonday9Utc = 1772442000;  // 2026-03-02T09:00:00Z

v1::Plan ActivePlan() {
  v1::Plan plan;
  plan.set_plan_id("pl-1");
  plan.set_patient_ref("Patient/123");
  *plan.mutable_plan() = Series();
  plan.set_status(types::v1::PLAN_STATUS_ACTIVE);
  plan.set_screening_outcome(types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  plan.set_created_at("2026-02-20T14:05:00+00:00");
  AddSession(&plan, 0, kMonday9Utc, 60, types::v1::APPOINTMENT_STATUS_FULFILLED);
  AddSession(&plan, 1, kMonday9Utc + 28 * 86400 + 14 * 3600 + 30 * 60, 60,
             types::v1::APPOINTMENT_STATUS_BOOKED);
  AddSession(&plan, 1, kMonday9Utc + 27 * 86400 + 14 * 3600 + 30 * 60, 60,
             types::v1::APPOINTMENT_STATUS_CANCELLED);
  return plan;
}

TEST(RenderPlanTest, SeriesThenSessionsInUtc) {
  EXPECT_EQ(Rendered(ActivePlan(), RenderPlan),
            "Plan pl-1: active\n"
            "  patient            Patient/123\n"
            "  screening outcome  eligible-with-caution\n"
            "  created            Fri 2026-02-20 14:05 +00:00\n"
            "  therapy            procedure microneedling\n"
            "  sessions           6\n"
            "  spacing            28-42 days apart\n"
            "  minutes            60 each, 20 of them numbing\n"
            "  needs              practitioner, room, device microneedling-pen\n"
            "  maintenance        every 6-12 months after the series\n"
            "  rationale          Atrophic acne scars: 6 sessions\n"
            "                     Fitzpatrick V: 28 days at least, to limit PIH\n"
            "\n"
            "Sessions (2 of 6 booked or done):\n"
            "  SESSION  STATUS     START (UTC)           END                   APPOINTMENT\n"
            "  1        fulfilled  Mon 2026-03-02 09:00  10:00                 ap-0\n"
            "  2        booked     Mon 2026-03-30 23:30  Tue 2026-03-31 00:30  ap-1\n"
            "  2        cancelled  Sun 2026-03-29 23:30  Mon 2026-03-30 00:30  ap-1\n");
}

TEST(RenderPlanTest, AddOnsAndTheBaseTreatmentsMinutes) {
  v1::Plan plan = ActivePlan();
  *plan.mutable_plan()->add_add_ons() = Procedure("rf-microneedling");
  *plan.mutable_plan()->add_add_ons() = Procedure("prp-serum", "PRP serum");
  EXPECT_THAT(Rendered(plan, RenderPlan),
              HasSubstr("  therapy            procedure microneedling\n"
                        "  add-ons            rf-microneedling, prp-serum (PRP serum)\n"
                        "  sessions           6\n"
                        "  spacing            28-42 days apart\n"
                        "  minutes            60 each, 20 of them numbing (without add-ons)\n"
                        "  needs              practitioner, room, device microneedling-pen "
                        "(without add-ons)\n"));
}

TEST(RenderPlanTest, CancelledWithoutSessionsOrExtras) {
  v1::Plan plan;
  plan.set_plan_id("pl-2");
  plan.set_status(types::v1::PLAN_STATUS_CANCELLED);
  plan.set_cancel_reason("pregnancy");
  plan.mutable_plan()->set_session_count(3);
  plan.mutable_plan()->set_min_days_between(21);
  plan.mutable_plan()->set_max_days_between(21);
  plan.mutable_plan()->set_session_minutes(45);
  EXPECT_EQ(Rendered(plan, RenderPlan),
            "Plan pl-2: cancelled\n"
            "  patient            -\n"
            "  screening outcome  unspecified\n"
            "  created            -\n"
            "  cancel reason      pregnancy\n"
            "  therapy            -\n"
            "  sessions           3\n"
            "  spacing            21 days apart\n"
            "  minutes            45 each\n"
            "  needs              -\n"
            "  maintenance        -\n"
            "\n"
            "Sessions (0 of 3 booked or done):\n"
            "  none\n");
}

TEST(RenderPlanTest, SessionEndingAfterMidnightUtcShowsItsDate) {
  v1::Plan plan = ActivePlan();
  plan.clear_sessions();
  AddSession(&plan, 0, kMonday9Utc + 14 * 3600 + 30 * 60, 60,
             types::v1::APPOINTMENT_STATUS_BOOKED);  // 23:30 to 00:30
  EXPECT_THAT(Rendered(plan, RenderPlan),
              HasSubstr("  1        booked  Mon 2026-03-02 23:30  Tue 2026-03-03 00:30  ap-0\n"));
}

TEST(RenderPlansTest, Table) {
  v1::ListPlansResponse response;
  *response.add_plans() = ActivePlan();
  v1::Plan* other = response.add_plans();
  other->set_plan_id("pl-2");
  other->set_patient_ref("Patient/123");
  other->set_status(types::v1::PLAN_STATUS_COMPLETED);
  other->mutable_plan()->set_session_count(1);
  other->mutable_plan()->set_min_days_between(0);
  other->mutable_plan()->set_max_days_between(0);
  other->mutable_plan()->set_session_minutes(90);
  AddSession(other, 0, kMonday9Utc, 90, types::v1::APPOINTMENT_STATUS_FULFILLED);
  EXPECT_EQ(Rendered(response, RenderPlans),
            "ID    PATIENT      STATUS     SESSIONS  SPACING     MINUTES\n"
            "pl-1  Patient/123  active     2/6       28-42 days  60\n"
            "pl-2  Patient/123  completed  1/1       0 days      90\n");
}

TEST(RenderPlansTest, NoneSaysHowToCreateOne) {
  EXPECT_THAT(Rendered(v1::ListPlansResponse(), RenderPlans),
              HasSubstr("needleworkctl plan create --patient REF"));
}

TEST(RenderProposalTest, SeriesRunsAndHowToKeepIt) {
  v1::ProposePlanResponse response;
  *response.mutable_plan() = Series();
  v1::PluginRun* run = response.add_plugin_runs();
  run->set_plugin_id("dev.needlework.planning");
  run->set_plugin_version("0.1.0");
  run->set_state(v1::PluginRun::STATE_OK);
  run->set_duration_micros(850);
  EXPECT_EQ(Rendered(response, RenderProposal),
            "Proposed plan:\n"
            "  therapy      procedure microneedling\n"
            "  sessions     6\n"
            "  spacing      28-42 days apart\n"
            "  minutes      60 each, 20 of them numbing\n"
            "  needs        practitioner, room, device microneedling-pen\n"
            "  maintenance  every 6-12 months after the series\n"
            "  rationale    Atrophic acne scars: 6 sessions\n"
            "               Fitzpatrick V: 28 days at least, to limit PIH\n"
            "\n"
            "Plugin runs (1):\n"
            "  PLUGIN                   VERSION  STATE  TIME    MESSAGE\n"
            "  dev.needlework.planning  0.1.0    ok     850 us  -\n"
            "\n"
            "To keep it, save it with --json > FILE, then run:\n"
            "  needleworkctl plan create --patient REF --screening SCREENING_ID --from-proposal "
            "FILE\n");
}

TEST(RenderProposalTest, NothingProposed) {
  v1::ProposePlanResponse response;
  v1::PluginRun* run = response.add_plugin_runs();
  run->set_plugin_id("com.acme.planner");
  run->set_state(v1::PluginRun::STATE_TIMED_OUT);
  run->set_message("ran past 2 s");
  run->set_duration_micros(2'000'000);
  std::string text = Rendered(response, RenderProposal);
  EXPECT_THAT(text, HasSubstr("No plan proposed.\n"));
  EXPECT_THAT(text, HasSubstr("com.acme.planner  -        timed-out  2.00 s  ran past 2 s\n"));
  EXPECT_THAT(text, Not(HasSubstr("To keep it")));
}

TEST(RenderCalendarTest, TextAsSentButForControlCharacters) {
  v1::ExportCalendarResponse response;
  response.set_icalendar("BEGIN:VCALENDAR\r\nSUMMARY:Micro\x1b[31mneedling\r\nEND:VCALENDAR\r\n");
  EXPECT_EQ(Rendered(response, RenderCalendar),
            "BEGIN:VCALENDAR\r\nSUMMARY:Micro [31mneedling\r\nEND:VCALENDAR\r\n");
  response.set_icalendar("BEGIN:VCALENDAR");
  EXPECT_EQ(Rendered(response, RenderCalendar), "BEGIN:VCALENDAR\n");
  EXPECT_EQ(Rendered(v1::ExportCalendarResponse(), RenderCalendar), "");
}

}  // namespace
}  // namespace needlework::ctl
