// Whose data an audit record names, through the real host: every clinical call that
// touched a patient is found by a query for that patient (from the API and from
// `needleworkctl audit --object`), even when its request names only a plan, an appointment,
// a screening or message ids; no call is recorded under a patient it did not touch; and a
// revocation of a clinic's token is recorded under that clinic.
#include <gmock/gmock.h>

#include <set>

#include "integration/audit_helpers.h"
#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsSupersetOf;

constexpr char kPatient[] = "Patient/audit-walk";
constexpr char kOther[] = "Patient/audit-bystander";

// The short name of the RPC of each record that names `patient_ref`.
std::multiset<std::string> RpcsRecordedFor(const HostProcess& host,
                                           const std::string& patient_ref) {
  std::multiset<std::string> rpcs;
  for (const auto& record : Records(host, "", "", patient_ref)) {
    rpcs.insert(record.rpc().substr(record.rpc().rfind('/') + 1));
  }
  return rpcs;
}

class AuditPatientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    aftercare_ = v1::AftercareService::NewStub(host_->channel());
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
  }

  const std::string& emr() const { return host_->emr_token(); }

  // Plans `patient_ref`'s series and books its first two sessions, each in the first free
  // slot the plan's spacing allows; the appointments.
  std::vector<v1::Appointment> BookTwo(const std::string& patient_ref) {
    std::string plan = CreateFacePlan(*api_, emr(), patient_ref);
    EXPECT_FALSE(plan.empty());
    std::vector<v1::Appointment> booked;
    for (int session = 0; session < 2; ++session) {
      v1::FindSlotsRequest find;
      find.set_plan_id(plan);
      find.set_session_index(session);
      find.set_from_date(LondonDate(7));
      find.set_to_date(LondonDate(90));
      auto slots = api_->FindSlots(emr(), find);
      EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
      if (slots.response.slots().empty()) return booked;
      auto reply = api_->Book(emr(), BookingFor(plan, session, slots.response.slots(0)));
      EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
      booked.push_back(reply.response);
    }
    return booked;
  }

  // The aftercare calls on a completed `appointment`; its patient's due messages are marked
  // sent.
  void TakeAftercare(const v1::Appointment& appointment) {
    v1::CompleteSessionRequest complete;
    complete.set_appointment_id(appointment.appointment_id());
    complete.mutable_completion()->add_treatment_areas("face");
    complete.mutable_completion()->set_needle_depth_mm(0.5);
    auto completed = api_->CompleteSession(emr(), complete);
    ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
    v1::GetAftercarePlanRequest get;
    get.set_appointment_id(appointment.appointment_id());
    auto plan = api_->GetAftercarePlan(emr(), get);
    ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
    v1::ListDueMessagesRequest due;
    due.set_up_to(LondonDate(400) + "T00:00:00Z");
    v1::ListDueMessagesResponse listed;
    ASSERT_TRUE(aftercare_->ListDueMessages(AuthorizedContext(emr()).get(), due, &listed).ok());
    v1::MarkMessagesSentRequest mark;
    for (const auto& message : listed.messages()) {
      if (message.recipient() == appointment.patient_ref()) {
        mark.add_message_ids(message.message_id());
      }
    }
    ASSERT_GT(mark.message_ids_size(), 0);
    v1::MarkMessagesSentResponse marked;
    auto status = aftercare_->MarkMessagesSent(AuthorizedContext(emr()).get(), mark, &marked);
    ASSERT_TRUE(status.ok()) << status.error_message();
    v1::ReportSymptomRequest report;
    report.set_appointment_id(appointment.appointment_id());
    report.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
    report.mutable_symptom()->set_code("redness");
    report.set_severity(types::SYMPTOM_SEVERITY_MILD);
    ASSERT_TRUE(api_->ReportSymptom(emr(), report).status.ok());
    v1::ListSymptomReportsRequest reports;
    reports.set_appointment_id(appointment.appointment_id());
    v1::ListSymptomReportsResponse found;
    ASSERT_TRUE(
        aftercare_->ListSymptomReports(AuthorizedContext(emr()).get(), reports, &found).ok());
  }

  // The screening calls that name only a screening_id: a read and a review (which may be
  // refused for an ELIGIBLE record; its record still names the patient).
  void ReadScreening(const std::string& screening_id) {
    v1::GetScreeningRequest get;
    get.set_screening_id(screening_id);
    ASSERT_TRUE(api_->GetScreening(emr(), get).status.ok());
    v1::RecordReviewRequest review;
    review.set_screening_id(screening_id);
    review.set_decision(v1::REVIEW_DECISION_REVIEWED_PROCEED);
    review.set_reviewer("Dr Lee");
    review.set_reason("checked in clinic");
    api_->RecordReview(emr(), review);
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::unique_ptr<v1::AftercareService::Stub> aftercare_;
};

TEST_F(AuditPatientTest, EveryClinicalCallIsFoundByThePatientItTouched) {
  auto sessions = BookTwo(kPatient);
  ASSERT_EQ(sessions.size(), 2u);
  auto bystander = BookTwo(kOther);  // the same days: the day's list names both patients
  ASSERT_EQ(bystander.size(), 2u);
  ASSERT_EQ(bystander[0].start().substr(0, 10), sessions[0].start().substr(0, 10));
  std::string plan = sessions[0].plan_id();
  v1::GetPlanRequest get_plan;
  get_plan.set_plan_id(plan);
  auto got = api_->GetPlan(emr(), get_plan);
  ASSERT_TRUE(got.status.ok());
  ASSERT_NO_FATAL_FAILURE(ReadScreening(got.response.screening_id()));
  v1::ListAppointmentsRequest day;
  day.set_day(sessions[0].start().substr(0, 10));
  ASSERT_TRUE(api_->ListAppointments(emr(), day).status.ok());
  absl::Time second;
  ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full, sessions[1].start(), &second, nullptr));
  v1::RescheduleRequest move;  // a week later, same weekday and time: within the spacing
  move.set_appointment_id(sessions[1].appointment_id());
  move.set_start(
      absl::FormatTime(absl::RFC3339_sec, second + absl::Hours(24 * 7), absl::UTCTimeZone()));
  auto moved = api_->Reschedule(emr(), move);
  ASSERT_TRUE(moved.status.ok()) << move.start() << ": " << moved.status.error_message();
  v1::CancelAppointmentRequest cancel;
  cancel.set_appointment_id(moved.response.appointment_id());
  cancel.set_reason("patient asked");
  ASSERT_TRUE(api_->Cancel(emr(), cancel).status.ok());
  ASSERT_NO_FATAL_FAILURE(TakeAftercare(sessions[0]));
  v1::ExportCalendarRequest calendar;
  calendar.set_patient_ref(kPatient);
  ASSERT_TRUE(api_->ExportCalendar(emr(), calendar).status.ok());
  v1::CancelPlanRequest cancel_plan;
  cancel_plan.set_plan_id(plan);
  cancel_plan.set_reason("patient moved away");
  auto cancelled = api_->CancelPlan(emr(), cancel_plan);
  ASSERT_TRUE(cancelled.status.ok()) << cancelled.status.error_message();

  std::multiset<std::string> rpcs = RpcsRecordedFor(*host_, kPatient);
  EXPECT_THAT(rpcs, IsSupersetOf({"Screen", "ProposePlan", "CreatePlan", "FindSlots", "Book",
                                  "GetPlan", "GetScreening", "RecordReview", "ListAppointments",
                                  "Reschedule", "Cancel", "CompleteSession", "GetAftercarePlan",
                                  "ListDueMessages", "MarkMessagesSent", "ReportSymptom",
                                  "ListSymptomReports", "ExportCalendar", "CancelPlan"}));
  EXPECT_EQ(rpcs.count("Book"), 2u);
  // The bystander's records: its own calls and the day's list that showed it, nothing of
  // the other patient's plan, booking, aftercare or screening.
  std::multiset<std::string> other = RpcsRecordedFor(*host_, kOther);
  EXPECT_EQ(std::set<std::string>(other.begin(), other.end()),
            (std::set<std::string>{"Screen", "ProposePlan", "CreatePlan", "FindSlots", "Book",
                                   "ListAppointments"}));

  std::string out, err;
  ASSERT_EQ(RunCtlBinary({"--address", host_->address(), "--token", host_->admin_token(), "audit",
                          "--object", kPatient, "--limit", "1000"},
                         &out, &err),
            0)
      << err;
  EXPECT_THAT(out, HasSubstr("FindSlots"));
  EXPECT_THAT(out, HasSubstr("MarkMessagesSent"));
}

// A FHIR screening request names its patient only inside a resource.
TEST_F(AuditPatientTest, AScreeningOfFhirResourcesNamesItsPatient) {
  v1::ScreenRequest screen = FaceScreenRequest("");
  screen.clear_facts();
  screen.mutable_fhir()->add_resources(R"({"resourceType": "Patient", "id": "audit-fhir"})");
  auto screened = api_->Screen(emr(), screen);
  ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
  ASSERT_EQ(screened.response.patient_ref(), "Patient/audit-fhir");
  EXPECT_EQ(RpcsRecordedFor(*host_, "Patient/audit-fhir"), std::multiset<std::string>{"Screen"});
}

TEST_F(AuditPatientTest, ARevocationIsRecordedUnderTheTokensClinic) {
  v1::IssueTokenRequest issue;
  issue.set_role("emr");
  issue.set_clinic_id("demo");
  v1::IssueTokenResponse issued;
  ASSERT_TRUE(Admin(*host_)
                  ->IssueToken(AuthorizedContext(host_->admin_token()).get(), issue, &issued)
                  .ok());
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(issued.token().token_id());
  v1::TokenInfo revoked;
  ASSERT_TRUE(Admin(*host_)
                  ->RevokeToken(AuthorizedContext(host_->admin_token()).get(), revoke, &revoked)
                  .ok());
  auto records = Records(*host_, "RevokeToken", "demo");
  ASSERT_EQ(records.size(), 1u) << "a host-wide admin's revocation, under the token's clinic";
  EXPECT_EQ(records[0].clinic_id(), "demo");
  EXPECT_EQ(records[0].object_ref(), "token_id=" + issued.token().token_id());
  EXPECT_EQ(records[0].outcome(), "OK");
}

}  // namespace
}  // namespace needlework::testing
