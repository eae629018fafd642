// Requests of the clinic-setup, planning and scheduling commands, built from parsed command
// lines, and the proposal and calendar files they read and write.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "commands/clinic_setup.h"
#include "commands/clinics.h"
#include "commands/planning.h"
#include "commands/scheduling.h"
#include "inputs.h"
#include "needlework/code_systems.h"
#include "parse_helpers.h"
#include "session.h"
#include "temp_files.h"

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kPatient[] = R"({"resourceType": "Patient", "id": "p1"})";

TEST(BuildAdminRequestTest, CreateClinicCarriesTheTimeZone) {
  v1::CreateClinicRequest request = BuildCreateClinicRequest(Parse<ClinicArgs>(
      {"clinic", "create", "aurora", "--name", "Aurora", "--time-zone", "Europe/London"}));
  EXPECT_EQ(request.clinic_id(), "aurora");
  EXPECT_EQ(request.display_name(), "Aurora");
  EXPECT_EQ(request.time_zone(), "Europe/London");
}

TEST(BuildAdminRequestTest, SetClinicTimeZone) {
  v1::SetClinicTimeZoneRequest request = BuildSetClinicTimeZoneRequest(
      Parse<ClinicSetupArgs>({"clinic", "time-zone", "aurora", "Asia/Tokyo"}));
  EXPECT_EQ(request.clinic_id(), "aurora");
  EXPECT_EQ(request.time_zone(), "Asia/Tokyo");
}

TEST(BuildAdminRequestTest, UpsertDeviceInactive) {
  v1::UpsertResourceRequest request = BuildUpsertResourceRequest(
      Parse<ClinicSetupArgs>({"resource", "add", "aurora", "pen-1", "--type", "device", "--kind",
                              "microneedling-pen", "--name", "Pen 1", "--inactive"}));
  EXPECT_EQ(request.clinic_id(), "aurora");
  EXPECT_EQ(request.resource().resource_id(), "pen-1");
  EXPECT_EQ(request.resource().type(), types::v1::RESOURCE_TYPE_DEVICE);
  EXPECT_EQ(request.resource().device_kind(), "microneedling-pen");
  EXPECT_EQ(request.resource().display_name(), "Pen 1");
  EXPECT_FALSE(request.resource().active());
}

TEST(BuildAdminRequestTest, UpsertIsActiveByDefault) {
  v1::UpsertResourceRequest request = BuildUpsertResourceRequest(
      Parse<ClinicSetupArgs>({"resource", "add", "a", "room-1", "--type", "room"}));
  EXPECT_EQ(request.resource().type(), types::v1::RESOURCE_TYPE_ROOM);
  EXPECT_TRUE(request.resource().active());
  EXPECT_EQ(request.resource().device_kind(), "");
}

TEST(BuildAdminRequestTest, ListResourcesAndGetHours) {
  EXPECT_EQ(BuildListResourcesRequest(Parse<ClinicSetupArgs>({"resources", "aurora"})).clinic_id(),
            "aurora");
  EXPECT_EQ(BuildGetOpeningHoursRequest(Parse<ClinicSetupArgs>({"hours", "aurora"})).clinic_id(),
            "aurora");
}

TEST(BuildAdminRequestTest, SetOpeningHours) {
  v1::SetOpeningHoursRequest request = BuildSetOpeningHoursRequest(Parse<ClinicSetupArgs>(
      {"hours", "set", "aurora", "mon 09:00-12:30,13:30-18:00", "sun", "closed"}));
  EXPECT_EQ(request.hours().clinic_id(), "aurora");
  ASSERT_EQ(request.hours().spans_size(), 2);
  EXPECT_EQ(request.hours().spans(0).weekday(), 1);
  EXPECT_EQ(request.hours().spans(0).open(), "09:00");
  EXPECT_EQ(request.hours().spans(0).close(), "12:30");
  EXPECT_EQ(request.hours().spans(1).open(), "13:30");
  EXPECT_EQ(request.hours().spans(1).close(), "18:00");
}

using BuildPlanningRequestTest = TempFilesTest;

TEST_F(BuildPlanningRequestTest, ProposePlan) {
  std::string patient = Write("p.json", kPatient);
  StatusOr<v1::ProposePlanRequest> request = BuildProposePlanRequest(
      Parse<PlanArgs>({"plan", "propose", "--fhir", patient, "--concern", "acne-scars", "--area",
                       "face", "--severity", "mild"}));
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  EXPECT_THAT(request->fhir().resources(), ElementsAre(kPatient));
  ASSERT_EQ(request->concerns_size(), 1);
  EXPECT_EQ(request->concerns(0).system(), code_systems::kConcern);
  ASSERT_EQ(request->treatment_areas_size(), 1);
  EXPECT_EQ(request->treatment_areas(0).code(), "face");
  EXPECT_EQ(request->severity(), types::v1::SEVERITY_MILD);
}

TEST_F(BuildPlanningRequestTest, ProposePlanWithMissingFileFails) {
  std::string absent = PathOf("absent.json");
  StatusOr<v1::ProposePlanRequest> request =
      BuildProposePlanRequest(Parse<PlanArgs>({"plan", "propose", "--fhir", absent}));
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.status().message(), "cannot read '" + absent + "': No such file or directory");
}

TEST(BuildPlanningRequestPlainTest, CreatePlanWithTheGivenSeries) {
  types::v1::SeriesPlan series;
  series.set_session_count(4);
  v1::CreatePlanRequest request = BuildCreatePlanRequest(
      Parse<PlanArgs>({"plan", "create", "--patient", "Patient/9", "--from-proposal", "f.json",
                       "--screening", "scr_1", "--screening-outcome", "eligible"}),
      series);
  EXPECT_EQ(request.patient_ref(), "Patient/9");
  EXPECT_EQ(request.plan().session_count(), 4);
  EXPECT_EQ(request.screening_outcome(), types::v1::OUTCOME_ELIGIBLE);
  EXPECT_EQ(request.screening_id(), "scr_1");
}

TEST(BuildPlanningRequestPlainTest, GetListCancel) {
  EXPECT_EQ(BuildGetPlanRequest(Parse<PlanArgs>({"plan", "show", "pl-1"})).plan_id(), "pl-1");
  EXPECT_EQ(
      BuildListPlansRequest(Parse<PlanArgs>({"plans", "--patient", "Patient/9"})).patient_ref(),
      "Patient/9");
  v1::CancelPlanRequest cancel =
      BuildCancelPlanRequest(Parse<PlanArgs>({"plan", "cancel", "pl-1", "--reason", "pregnancy"}));
  EXPECT_EQ(cancel.plan_id(), "pl-1");
  EXPECT_EQ(cancel.reason(), "pregnancy");
}

TEST(BuildSchedulingRequestTest, FindSlots) {
  v1::FindSlotsRequest request = BuildFindSlotsRequest(
      Parse<SchedulingArgs>({"slots", "pl-1", "4", "--from", "2026-03-01", "--to", "2026-03-31",
                             "--practitioner", "dr-lee", "--max", "20"}));
  EXPECT_EQ(request.plan_id(), "pl-1");
  EXPECT_EQ(request.session_index(), 3);
  EXPECT_EQ(request.from_date(), "2026-03-01");
  EXPECT_EQ(request.to_date(), "2026-03-31");
  EXPECT_EQ(request.practitioner_id(), "dr-lee");
  EXPECT_EQ(request.max_results(), 20);
  v1::FindSlotsRequest plain = BuildFindSlotsRequest(
      Parse<SchedulingArgs>({"slots", "pl-1", "1", "--from", "2026-03-01", "--to", "2026-03-02"}));
  EXPECT_EQ(plain.max_results(), 0);
  EXPECT_EQ(plain.practitioner_id(), "");
}

TEST(BuildSchedulingRequestTest, Book) {
  v1::BookRequest request = BuildBookRequest(Parse<SchedulingArgs>(
      {"book", "pl-1", "2", "--start", "2026-03-02T09:00+01:00", "--practitioner", "dr-lee",
       "--room", "room-1", "--device", "pen-1", "--device", "rf-1"}));
  EXPECT_EQ(request.plan_id(), "pl-1");
  EXPECT_EQ(request.session_index(), 1);
  EXPECT_EQ(request.start(), "2026-03-02T09:00:00+01:00");
  EXPECT_EQ(request.practitioner_id(), "dr-lee");
  EXPECT_EQ(request.room_id(), "room-1");
  EXPECT_THAT(request.device_ids(), ElementsAre("pen-1", "rf-1"));
}

TEST(BuildSchedulingRequestTest, RescheduleKeepsWhatIsNotGiven) {
  v1::RescheduleRequest request = BuildRescheduleRequest(
      Parse<SchedulingArgs>({"reschedule", "ap-1", "--start", "2026-03-09T10:00:00Z"}));
  EXPECT_EQ(request.appointment_id(), "ap-1");
  EXPECT_EQ(request.start(), "2026-03-09T10:00:00Z");
  EXPECT_EQ(request.practitioner_id(), "");
  EXPECT_EQ(request.room_id(), "");
  EXPECT_TRUE(request.device_ids().empty());
  v1::RescheduleRequest moved = BuildRescheduleRequest(
      Parse<SchedulingArgs>({"reschedule", "ap-1", "--start", "2026-03-09T10:00:00Z", "--room",
                             "room-2", "--device", "pen-2"}));
  EXPECT_EQ(moved.room_id(), "room-2");
  EXPECT_THAT(moved.device_ids(), ElementsAre("pen-2"));
}

TEST(BuildSchedulingRequestTest, Cancel) {
  v1::CancelAppointmentRequest request = BuildCancelAppointmentRequest(
      Parse<SchedulingArgs>({"cancel", "ap-1", "--reason", "unwell"}));
  EXPECT_EQ(request.appointment_id(), "ap-1");
  EXPECT_EQ(request.reason(), "unwell");
}

TEST(BuildSchedulingRequestTest, ListAppointmentsSetsTheOneFilterGiven) {
  v1::ListAppointmentsRequest patient = BuildListAppointmentsRequest(
      Parse<SchedulingArgs>({"appointments", "--patient", "Patient/9", "--include-cancelled"}));
  EXPECT_EQ(patient.filter_case(), v1::ListAppointmentsRequest::kPatientRef);
  EXPECT_EQ(patient.patient_ref(), "Patient/9");
  EXPECT_TRUE(patient.include_cancelled());
  v1::ListAppointmentsRequest day =
      BuildListAppointmentsRequest(Parse<SchedulingArgs>({"appointments", "--day", "2026-03-02"}));
  EXPECT_EQ(day.filter_case(), v1::ListAppointmentsRequest::kDay);
  EXPECT_EQ(day.day(), "2026-03-02");
  EXPECT_FALSE(day.include_cancelled());
  v1::ListAppointmentsRequest resource =
      BuildListAppointmentsRequest(Parse<SchedulingArgs>({"appointments", "--resource", "room-1"}));
  EXPECT_EQ(resource.filter_case(), v1::ListAppointmentsRequest::kResourceId);
  EXPECT_EQ(resource.resource_id(), "room-1");
}

TEST(BuildSchedulingRequestTest, CompleteSession) {
  v1::CompleteSessionRequest request = BuildCompleteSessionRequest(Parse<SchedulingArgs>(
      {"complete", "ap-1", "--area", "face", "--area", "neck", "--depth", "1.5", "--product",
       "HA serum:L1", "--practitioner", "dr-lee", "--notes", "tolerated well"}));
  EXPECT_EQ(request.appointment_id(), "ap-1");
  const v1::SessionCompletion& completion = request.completion();
  EXPECT_THAT(completion.treatment_areas(), ElementsAre("face", "neck"));
  EXPECT_EQ(completion.needle_depth_mm(), 1.5);
  ASSERT_EQ(completion.products_size(), 1);
  EXPECT_EQ(completion.products(0).product(), "HA serum");
  EXPECT_EQ(completion.products(0).lot_number(), "L1");
  EXPECT_EQ(completion.practitioner_id(), "dr-lee");
  EXPECT_EQ(completion.notes(), "tolerated well");
  EXPECT_EQ(completion.completed_at(), "");  // the host's to set
}

TEST(BuildSchedulingRequestTest, CompleteSessionBare) {
  v1::CompleteSessionRequest request =
      BuildCompleteSessionRequest(Parse<SchedulingArgs>({"complete", "ap-1"}));
  EXPECT_EQ(request.completion().needle_depth_mm(), 0);
  EXPECT_TRUE(request.completion().treatment_areas().empty());
}

TEST(BuildSchedulingRequestTest, ExportCalendar) {
  EXPECT_EQ(
      BuildExportCalendarRequest(Parse<SchedulingArgs>({"calendar", "--patient", "Patient/9"}))
          .patient_ref(),
      "Patient/9");
}

using ReadSeriesPlanTest = TempFilesTest;

types::v1::SeriesPlan SixSessions() {
  types::v1::SeriesPlan plan;
  plan.set_session_count(6);
  plan.set_min_days_between(28);
  plan.set_max_days_between(42);
  plan.set_session_minutes(60);
  plan.add_requirements()->set_type(types::v1::RESOURCE_TYPE_PRACTITIONER);
  plan.add_rationale("acne scars respond over 4 to 6 sessions");
  return plan;
}

TEST_F(ReadSeriesPlanTest, FromPlanProposeJson) {
  v1::ProposePlanResponse proposal;
  *proposal.mutable_plan() = SixSessions();
  proposal.add_plugin_runs()->set_plugin_id("dev.needlework.planning");
  StatusOr<types::v1::SeriesPlan> plan = ReadSeriesPlan(Write("proposal.json", ToJson(proposal)));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->SerializeAsString(), SixSessions().SerializeAsString());
}

TEST_F(ReadSeriesPlanTest, FromPlanShowJson) {
  v1::Plan stored;
  stored.set_plan_id("pl-1");
  stored.set_status(types::v1::PLAN_STATUS_ACTIVE);
  *stored.mutable_plan() = SixSessions();
  stored.add_sessions()->set_appointment_id("ap-1");
  StatusOr<types::v1::SeriesPlan> plan = ReadSeriesPlan(Write("plan.json", ToJson(stored)));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->session_count(), 6);
}

TEST_F(ReadSeriesPlanTest, FromABareSeriesPlan) {
  StatusOr<types::v1::SeriesPlan> plan = ReadSeriesPlan(
      Write("series.json", R"({"sessionCount": 3, "min_days_between": 21, "maxDaysBetween": 35,
                         "requirements": [{"type": "RESOURCE_TYPE_DEVICE",
                                           "deviceKind": "rf-unit"}]})"));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->session_count(), 3);
  EXPECT_EQ(plan->min_days_between(), 21);
  ASSERT_EQ(plan->requirements_size(), 1);
  EXPECT_EQ(plan->requirements(0).device_kind(), "rf-unit");
}

TEST_F(ReadSeriesPlanTest, ErrorsNameTheFileAndTheShape) {
  std::string absent = PathOf("absent.json");
  EXPECT_EQ(ReadSeriesPlan(absent).status().message(),
            "cannot read '" + absent + "': No such file or directory");
  std::string list = Write("list.json", "[1]");
  EXPECT_THAT(ReadSeriesPlan(list).status().message(),
              StartsWith("proposal file '" + list + "' is not a JSON object: "));
  std::string typo = Write("typo.json", R"({"sessionCont": 3})");
  EXPECT_THAT(ReadSeriesPlan(typo).status().message(),
              StartsWith("proposal file '" + typo + "' is not a SeriesPlan in JSON: "));
  std::string proposal = Write("proposal.json", R"({"plan": {"sessionCount": 3}, "runs": []})");
  EXPECT_THAT(
      ReadSeriesPlan(proposal).status().message(),
      StartsWith("proposal file '" + proposal + "' is not a proposal (plan propose --json): "));
  std::string stored = Write("plan.json", R"({"planId": "p", "plan": {"sessions": 3}})");
  EXPECT_THAT(ReadSeriesPlan(stored).status().message(),
              StartsWith("proposal file '" + stored + "' is not a plan (plan show --json): "));
}

TEST_F(ReadSeriesPlanTest, NoSessionsIsNoPlan) {
  std::string empty = Write("empty.json", "{}");
  EXPECT_EQ(ReadSeriesPlan(empty).status().message(),
            "proposal file '" + empty + "' holds no plan: its sessionCount is 0");
  v1::ProposePlanResponse none;
  none.add_plugin_runs()->set_plugin_id("p");
  std::string nothing = Write("nothing.json", ToJson(none));
  EXPECT_THAT(ReadSeriesPlan(nothing).status().message(), HasSubstr("holds no plan"));
}

using WriteFileTest = TempFilesTest;

TEST_F(WriteFileTest, ReplacesTheFile) {
  std::string path = Write("cal.ics", "old content that is longer");
  ASSERT_TRUE(WriteFile(path, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
}

TEST_F(WriteFileTest, NamesThePathWhenItCannotWrite) {
  std::string path = PathOf("no-such-dir/cal.ics");
  EXPECT_EQ(WriteFile(path, "x").message(),
            "cannot write '" + path + "': No such file or directory");
  EXPECT_EQ(WriteFile(dir_.string(), "x").message(),
            "cannot write '" + dir_.string() + "': Is a directory");
}

}  // namespace
}  // namespace needlework::ctl
