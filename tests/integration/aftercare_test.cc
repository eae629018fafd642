// Aftercare through the real host: completing a session makes its plan and messages; due
// messages are handed out until marked sent; reminders follow the next session; triage.
#include <gmock/gmock.h>

#include <atomic>
#include <thread>

#include "integration/scheduling_helpers.h"
#include "needlework/v1/aftercare.grpc.pb.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AftercareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    aftercare_ = v1::AftercareService::NewStub(host_->channel());
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    plan_id_ = CreateFacePlan(*api_, host_->emr_token(), "Patient/after-1");
    ASSERT_FALSE(plan_id_.empty());
    first_ = Book(0, LondonDate(7, true));
    ASSERT_FALSE(first_.appointment_id().empty());
  }

  v1::Appointment Book(int session, const std::string& day) {
    v1::FindSlotsRequest find;
    find.set_plan_id(plan_id_);
    find.set_session_index(session);
    find.set_from_date(day);
    find.set_to_date(day);
    auto slots = api_->FindSlots(host_->emr_token(), find);
    EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
    if (!slots.status.ok() || slots.response.slots().empty()) return {};
    auto booked =
        api_->Book(host_->emr_token(), BookingFor(plan_id_, session, slots.response.slots(0)));
    EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();
    return booked.response;
  }

  Reply<v1::Appointment> Complete(const std::string& appointment_id,
                                  const std::string& language = "") {
    v1::CompleteSessionRequest request;
    request.set_appointment_id(appointment_id);
    request.mutable_completion()->add_treatment_areas("face");
    request.mutable_completion()->set_needle_depth_mm(0.5);
    request.mutable_completion()->set_language(language);
    return api_->CompleteSession(host_->emr_token(), request);
  }

  Reply<v1::AftercarePlan> Plan(const std::string& appointment_id, const std::string& token = "") {
    v1::GetAftercarePlanRequest request;
    request.set_appointment_id(appointment_id);
    Reply<v1::AftercarePlan> reply;
    reply.status = aftercare_->GetAftercarePlan(
        AuthorizedContext(token.empty() ? host_->emr_token() : token).get(), request,
        &reply.response);
    return reply;
  }

  Reply<v1::ListDueMessagesResponse> Due(const std::string& up_to) {
    v1::ListDueMessagesRequest request;
    request.set_up_to(up_to);
    Reply<v1::ListDueMessagesResponse> reply;
    reply.status = aftercare_->ListDueMessages(AuthorizedContext(host_->emr_token()).get(), request,
                                               &reply.response);
    return reply;
  }

  Reply<v1::MarkMessagesSentResponse> Mark(const std::vector<std::string>& ids,
                                           const std::string& token = "") {
    v1::MarkMessagesSentRequest request;
    for (const auto& id : ids) request.add_message_ids(id);
    Reply<v1::MarkMessagesSentResponse> reply;
    reply.status = aftercare_->MarkMessagesSent(
        AuthorizedContext(token.empty() ? host_->emr_token() : token).get(), request,
        &reply.response);
    return reply;
  }

  Reply<v1::SymptomReport> Report(const std::string& symptom, types::SymptomSeverity severity) {
    v1::ReportSymptomRequest request;
    request.set_appointment_id(first_.appointment_id());
    request.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
    request.mutable_symptom()->set_code(symptom);
    request.set_severity(severity);
    Reply<v1::SymptomReport> reply;
    reply.status = aftercare_->ReportSymptom(AuthorizedContext(host_->emr_token()).get(), request,
                                             &reply.response);
    return reply;
  }

  static const v1::Message* MessageOfKind(const v1::AftercarePlan& plan, const std::string& kind) {
    for (const auto& m : plan.messages()) {
      if (m.kind() == kind) return &m;
    }
    return nullptr;
  }

  std::string FarFuture() const { return LondonDate(400) + "T00:00:00Z"; }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::unique_ptr<v1::AftercareService::Stub> aftercare_;
  std::string plan_id_;
  v1::Appointment first_;
};

TEST_F(AftercareTest, CompletingASessionMakesItsTimedPlan) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto plan = Plan(first_.appointment_id());
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
  std::map<std::string, v1::TimedInstruction> instructions;
  for (const auto& i : plan.response.instructions()) instructions[i.id()] = i;
  ASSERT_TRUE(instructions.count("avoid-sun"));
  EXPECT_EQ(instructions["avoid-sun"].from(), first_.end());
  EXPECT_FALSE(instructions["avoid-sun"].until().empty());
  EXPECT_TRUE(instructions.count("no-actives"));
  EXPECT_FALSE(plan.response.expected_effects().empty());
  const v1::Message* evening = MessageOfKind(plan.response, "evening");
  ASSERT_NE(evening, nullptr);
  EXPECT_EQ(evening->occurrence().substr(0, 10), first_.start().substr(0, 10));
  EXPECT_EQ(evening->occurrence().substr(10, 9), "T19:00:00");  // wall clock in London
  EXPECT_EQ(evening->recipient(), "Patient/after-1");
  EXPECT_EQ(evening->about(), "Appointment/" + first_.appointment_id());
  const v1::Message* reminder = MessageOfKind(plan.response, "next-session");
  ASSERT_NE(reminder, nullptr);
  EXPECT_EQ(reminder->status(), v1::Message::STATUS_WAITING);  // no next session yet
}

TEST_F(AftercareTest, DueMessagesAreHandedOutUntilMarkedSent) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto due = Due(FarFuture());
  ASSERT_TRUE(due.status.ok()) << due.status.error_message();
  ASSERT_GE(due.response.messages_size(), 3);
  std::string id = due.response.messages(0).message_id();
  auto marked = Mark({id});
  ASSERT_TRUE(marked.status.ok()) << marked.status.error_message();
  EXPECT_THAT(marked.response.marked(), ::testing::ElementsAre(id));
  auto again = Mark({id});
  EXPECT_THAT(again.response.already_sent(), ::testing::ElementsAre(id));
  auto later = Due(FarFuture());
  for (const auto& m : later.response.messages()) EXPECT_NE(m.message_id(), id);
  EXPECT_EQ(later.response.messages_size(), due.response.messages_size() - 1);
}

TEST_F(AftercareTest, RacingMarkersMarkEachMessageOnce) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto due = Due(FarFuture());
  ASSERT_TRUE(due.status.ok());
  std::vector<std::string> ids;
  for (const auto& m : due.response.messages()) ids.push_back(m.message_id());
  std::atomic<int> marked{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto reply = Mark(ids);
      EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
      marked += reply.response.marked_size();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(marked.load(), static_cast<int>(ids.size()));
  EXPECT_EQ(Due(FarFuture()).response.messages_size(), 0);
}

TEST_F(AftercareTest, NextSessionReminderFollowsBookingMovesAndCancellation) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto second = Book(1, LondonDate(7 + 30, true));
  ASSERT_FALSE(second.appointment_id().empty());
  auto plan = Plan(first_.appointment_id());
  const v1::Message* reminder = MessageOfKind(plan.response, "next-session");
  ASSERT_NE(reminder, nullptr);
  EXPECT_EQ(reminder->status(), v1::Message::STATUS_PENDING);
  std::string booked_at = reminder->occurrence();
  EXPECT_LT(booked_at, second.start());

  v1::RescheduleRequest move;
  move.set_appointment_id(second.appointment_id());
  absl::CivilDay day;
  ASSERT_TRUE(absl::ParseCivilTime(second.start().substr(0, 10), &day));
  move.set_start(absl::FormatCivilTime(day + 1) + second.start().substr(10));  // a day later
  ASSERT_TRUE(api_->Reschedule(host_->emr_token(), move).status.ok());
  auto moved = Plan(first_.appointment_id());
  EXPECT_NE(MessageOfKind(moved.response, "next-session")->occurrence(), booked_at);

  v1::CancelAppointmentRequest cancel;
  cancel.set_appointment_id(second.appointment_id());
  cancel.set_reason("patient is travelling");
  ASSERT_TRUE(api_->Cancel(host_->emr_token(), cancel).status.ok());
  auto cancelled = Plan(first_.appointment_id());
  EXPECT_EQ(MessageOfKind(cancelled.response, "next-session")->status(),
            v1::Message::STATUS_WAITING);
}

// "Monday, 11 January at 10:00" (English) or "lundi 11 janvier à 10:00" (French) for a
// London wall time such as "2027-01-11T10:00:00+00:00": the test's own oracle, not ICU's.
std::string SpokenLondonTime(const std::string& rfc3339, bool french, bool with_time = true) {
  static const char* const kEnDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
  static const char* const kFrDays[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                        "vendredi", "samedi", "dimanche"};
  static const char* const kEnMonths[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
  static const char* const kFrMonths[] = {"janvier",   "février", "mars",     "avril",
                                          "mai",       "juin",    "juillet",  "août",
                                          "septembre", "octobre", "novembre", "décembre"};
  absl::CivilDay day;
  EXPECT_TRUE(absl::ParseCivilTime(rfc3339.substr(0, 10), &day)) << rfc3339;
  const int weekday = static_cast<int>(absl::GetWeekday(day));  // monday = 0
  const std::string number = std::to_string(day.day());
  const std::string time = rfc3339.substr(11, 5);
  if (french) {
    std::string date =
        std::string(kFrDays[weekday]) + " " + number + " " + kFrMonths[day.month() - 1];
    return with_time ? date + " à " + time : date;
  }
  std::string date =
      std::string(kEnDays[weekday]) + ", " + number + " " + kEnMonths[day.month() - 1];
  return with_time ? date + " at " + time : date;
}

TEST_F(AftercareTest, DatesInMessagesReadAsAPatientReadsThem) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto second = Book(1, LondonDate(7 + 30, true));
  ASSERT_FALSE(second.appointment_id().empty());
  auto plan = Plan(first_.appointment_id());
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
  const v1::Message* reminder = MessageOfKind(plan.response, "next-session");
  ASSERT_NE(reminder, nullptr);
  EXPECT_THAT(reminder->payload_text(),
              HasSubstr("session 2 of 3 at Demo Aesthetics is on " +
                        SpokenLondonTime(second.start(), false) + ". Please come"));
  const v1::Message* day_2 = MessageOfKind(plan.response, "day-2");
  ASSERT_NE(day_2, nullptr);
  EXPECT_THAT(day_2->payload_text(),
              HasSubstr("your session on " + SpokenLondonTime(first_.start(), false, false) + ","));
  for (const auto& message : plan.response.messages()) {
    EXPECT_THAT(message.payload_text(), Not(HasSubstr(first_.start().substr(0, 10))));
    EXPECT_THAT(message.payload_text(), Not(HasSubstr(second.start().substr(0, 10))));
  }
}

TEST_F(AftercareTest, FrenchMessagesSpellTheirDatesInFrench) {
  ASSERT_TRUE(Complete(first_.appointment_id(), "fr").status.ok());
  auto second = Book(1, LondonDate(7 + 30, true));
  ASSERT_FALSE(second.appointment_id().empty());
  auto plan = Plan(first_.appointment_id());
  ASSERT_TRUE(plan.status.ok()) << plan.status.error_message();
  EXPECT_THAT(MessageOfKind(plan.response, "next-session")->payload_text(),
              HasSubstr("votre séance 2 sur 3 chez Demo Aesthetics a lieu le " +
                        SpokenLondonTime(second.start(), true) + "."));
  EXPECT_THAT(MessageOfKind(plan.response, "day-2")->payload_text(),
              HasSubstr("votre séance du " + SpokenLondonTime(first_.start(), true, false) + ","));
}

// While the next session is not booked the reminder asks the patient to book it; it names
// the session again once booked, and asks again when that booking is cancelled.
TEST_F(AftercareTest, AReminderForAnUnbookedSessionAsksToBookIt) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto waiting = Plan(first_.appointment_id());
  const v1::Message* reminder = MessageOfKind(waiting.response, "next-session");
  ASSERT_NE(reminder, nullptr);
  ASSERT_EQ(reminder->status(), v1::Message::STATUS_WAITING);
  EXPECT_THAT(reminder->payload_text(),
              HasSubstr("Reminder: please book session 2 of 3 at Demo Aesthetics;"));
  EXPECT_THAT(reminder->payload_text(), Not(HasSubstr("your next session")));

  auto second = Book(1, LondonDate(7 + 30, true));
  ASSERT_FALSE(second.appointment_id().empty());
  EXPECT_THAT(MessageOfKind(Plan(first_.appointment_id()).response, "next-session")->payload_text(),
              HasSubstr("session 2 of 3 at Demo Aesthetics is on "));

  v1::CancelAppointmentRequest cancel;
  cancel.set_appointment_id(second.appointment_id());
  cancel.set_reason("patient is travelling");
  ASSERT_TRUE(api_->Cancel(host_->emr_token(), cancel).status.ok());
  EXPECT_THAT(MessageOfKind(Plan(first_.appointment_id()).response, "next-session")->payload_text(),
              HasSubstr("please book session 2 of 3"));
}

TEST_F(AftercareTest, AFrenchReminderForAnUnbookedSessionAsksToBookIt) {
  ASSERT_TRUE(Complete(first_.appointment_id(), "fr").status.ok());
  auto plan = Plan(first_.appointment_id());
  const v1::Message* reminder = MessageOfKind(plan.response, "next-session");
  ASSERT_NE(reminder, nullptr);
  EXPECT_THAT(reminder->payload_text(),
              HasSubstr("pensez à réserver votre séance 2 sur 3 chez Demo Aesthetics"));
  EXPECT_THAT(reminder->payload_text(), Not(HasSubstr("your next session")));
}

TEST_F(AftercareTest, MessagesInTheRequestedLanguage) {
  ASSERT_TRUE(Complete(first_.appointment_id(), "fr").status.ok());
  auto plan = Plan(first_.appointment_id());
  ASSERT_TRUE(plan.status.ok());
  const v1::Message* evening = MessageOfKind(plan.response, "evening");
  ASSERT_NE(evening, nullptr);
  EXPECT_EQ(evening->language(), "fr");
}

TEST_F(AftercareTest, TriageSaysExpectedOrUrgent) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto redness = Report("redness", types::SYMPTOM_SEVERITY_MILD);
  ASSERT_TRUE(redness.status.ok()) << redness.status.error_message();
  EXPECT_EQ(redness.response.level(), types::TRIAGE_LEVEL_EXPECTED);
  EXPECT_EQ(redness.response.indicator(), types::INDICATOR_INFO);
  auto pus = Report("pus", types::SYMPTOM_SEVERITY_MODERATE);
  ASSERT_TRUE(pus.status.ok()) << pus.status.error_message();
  EXPECT_EQ(pus.response.level(), types::TRIAGE_LEVEL_URGENT);
  EXPECT_EQ(pus.response.indicator(), types::INDICATOR_CRITICAL);
  // The advice names the clinic; no placeholder reaches the patient.
  EXPECT_THAT(pus.response.advice(), HasSubstr("Contact Demo Aesthetics today"));
  EXPECT_THAT(pus.response.advice(), Not(HasSubstr("{")));

  v1::ListSymptomReportsRequest list;
  list.set_patient_ref("Patient/after-1");
  v1::ListSymptomReportsResponse reports;
  ASSERT_TRUE(
      aftercare_->ListSymptomReports(AuthorizedContext(host_->emr_token()).get(), list, &reports)
          .ok());
  EXPECT_EQ(reports.reports_size(), 2);

  // An explicitly empty filter is refused rather than listing the whole clinic.
  list.set_patient_ref("");
  reports.Clear();
  EXPECT_EQ(
      aftercare_->ListSymptomReports(AuthorizedContext(host_->emr_token()).get(), list, &reports)
          .error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(reports.reports_size(), 0);
}

// The emergency advice names the clinic's own numbers once its admin configures them; warmth
// on the session's evening is the expected course the evening message describes.
TEST_F(AftercareTest, EmergencyAdviceNamesTheClinicsNumbersAndWarmthIsExpected) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto by_default = Report("breathing-difficulty", types::SYMPTOM_SEVERITY_SEVERE);
  ASSERT_TRUE(by_default.status.ok()) << by_default.status.error_message();
  EXPECT_THAT(by_default.response.advice(), HasSubstr("Call emergency services now on 112."));
  auto configured = Api(*host_).Configure(host_->admin_token(), "demo", "org.needlework.aftercare",
                                          R"({"triage":{"emergency_numbers":["911"]}})");
  ASSERT_TRUE(configured.status.ok()) << configured.status.error_message();
  auto us = Report("breathing-difficulty", types::SYMPTOM_SEVERITY_SEVERE);
  ASSERT_TRUE(us.status.ok()) << us.status.error_message();
  EXPECT_EQ(us.response.level(), types::TRIAGE_LEVEL_URGENT);
  EXPECT_THAT(us.response.advice(), HasSubstr("Call emergency services now on 911."));
  auto warmth = Report("warmth", types::SYMPTOM_SEVERITY_MILD);
  ASSERT_TRUE(warmth.status.ok()) << warmth.status.error_message();
  EXPECT_EQ(warmth.response.level(), types::TRIAGE_LEVEL_EXPECTED);
}

TEST_F(AftercareTest, BadInputGetsPreciseStatuses) {
  auto not_completed = Plan(first_.appointment_id());
  EXPECT_EQ(not_completed.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Plan("apt_unknown").status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Report("redness", types::SYMPTOM_SEVERITY_MILD).status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // not completed yet
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  EXPECT_EQ(Report("redness", types::SYMPTOM_SEVERITY_UNSPECIFIED).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  auto unknown_symptom = Report("sparkles", types::SYMPTOM_SEVERITY_MILD);
  EXPECT_EQ(unknown_symptom.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(unknown_symptom.status.error_message(), HasSubstr("sparkles"));
  auto due = Due(FarFuture());
  auto mixed = Mark({due.response.messages(0).message_id(), "msg_nope"});
  EXPECT_EQ(mixed.status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Due(FarFuture()).response.messages_size(),
            due.response.messages_size());  // nothing written
  EXPECT_EQ(Due("yesterday").status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(AftercareTest, AnotherClinicSeesNothing) {
  ASSERT_TRUE(Complete(first_.appointment_id()).status.ok());
  auto other = Api(*host_).CreateClinic(host_->admin_token(), "elsewhere");
  ASSERT_TRUE(other.status.ok());
  const std::string& token_b = other.response.emr_token();
  EXPECT_EQ(Plan(first_.appointment_id(), token_b).status.error_code(),
            grpc::StatusCode::NOT_FOUND);
  auto due = Due(FarFuture());
  ASSERT_GT(due.response.messages_size(), 0);
  EXPECT_EQ(Mark({due.response.messages(0).message_id()}, token_b).status.error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::ListDueMessagesRequest request;
  request.set_up_to(FarFuture());
  v1::ListDueMessagesResponse theirs;
  ASSERT_TRUE(aftercare_->ListDueMessages(AuthorizedContext(token_b).get(), request, &theirs).ok());
  EXPECT_EQ(theirs.messages_size(), 0);
}

// A session with an add-on: the add-on's plugin adds its lines; the same instruction from two
// plugins appears once, with the longer window. Without the add-on, only the base lines.
TEST(AftercareMergeTest, AddOnLinesMergeAndTheLongerWindowWins) {
  HostOptions options;
  options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/aftercare", NEEDLEWORK_PLUGIN_DIR};
  for (int hours : {96, 24}) {
    auto host = HostProcess::Start(options);
    ASSERT_NE(host, nullptr);
    SchedulingApi api(*host);
    ASSERT_TRUE(SetUpClinic(api, host->admin_token(), "demo"));
    ASSERT_TRUE(Api(*host)
                    .Configure(host->admin_token(), "demo", "org.needlework.test.aftercare-extra",
                               "{\"avoid_sun_hours\":" + std::to_string(hours) + "}")
                    .status.ok());
    std::string plan = CreateFacePlan(api, host->emr_token(), "Patient/merge", {"test-add-on"});
    ASSERT_FALSE(plan.empty());
    v1::FindSlotsRequest find;
    find.set_plan_id(plan);
    find.set_from_date(LondonDate(7, true));
    find.set_to_date(LondonDate(7, true));
    auto slots = api.FindSlots(host->emr_token(), find);
    ASSERT_TRUE(slots.status.ok()) << slots.status.error_message();
    auto booked = api.Book(host->emr_token(), BookingFor(plan, 0, slots.response.slots(0)));
    ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
    ASSERT_EQ(booked.response.add_ons_size(), 1);
    EXPECT_EQ(booked.response.add_ons(0).code(), "test-add-on");
    v1::CompleteSessionRequest complete;
    complete.set_appointment_id(booked.response.appointment_id());  // with its booked add-on
    auto completed = api.CompleteSession(host->emr_token(), complete);
    ASSERT_TRUE(completed.status.ok()) << completed.status.error_message();
    ASSERT_EQ(completed.response.completion().add_ons_size(), 1);

    auto stub = v1::AftercareService::NewStub(host->channel());
    v1::GetAftercarePlanRequest get;
    get.set_appointment_id(booked.response.appointment_id());
    v1::AftercarePlan aftercare;
    ASSERT_TRUE(
        stub->GetAftercarePlan(AuthorizedContext(host->emr_token()).get(), get, &aftercare).ok());
    std::vector<v1::TimedInstruction> sun;
    bool has_compress = false;
    for (const auto& i : aftercare.instructions()) {
      if (i.id() == "avoid-sun") sun.push_back(i);
      has_compress |= i.id() == "cool-compress";
    }
    ASSERT_EQ(sun.size(), 1u) << "duplicates must collapse";
    EXPECT_TRUE(has_compress);
    // 96 h outlasts the built-in 48 h; 24 h does not.
    EXPECT_EQ(sun[0].source_plugin(),
              hours == 96 ? "org.needlework.test.aftercare-extra" : "org.needlework.aftercare");
    EXPECT_EQ(aftercare.plugin_runs_size(), 2);
    bool check_in = false;
    for (const auto& m : aftercare.messages()) check_in |= m.kind() == "extra-check-in";
    EXPECT_TRUE(check_in);

    // A session of a plan without the add-on: the base plan only (the add-on plugin is not
    // asked at all).
    std::string plain_plan = CreateFacePlan(api, host->emr_token(), "Patient/plain");
    auto second = api.FindSlots(host->emr_token(), [&] {
      v1::FindSlotsRequest next = find;
      next.set_plan_id(plain_plan);
      next.set_from_date(LondonDate(14, true));
      next.set_to_date(LondonDate(14, true));
      return next;
    }());
    ASSERT_TRUE(second.status.ok()) << second.status.error_message();
    auto next_booked =
        api.Book(host->emr_token(), BookingFor(plain_plan, 0, second.response.slots(0)));
    ASSERT_TRUE(next_booked.status.ok()) << next_booked.status.error_message();
    v1::CompleteSessionRequest plain;
    plain.set_appointment_id(next_booked.response.appointment_id());
    ASSERT_TRUE(api.CompleteSession(host->emr_token(), plain).status.ok());
    get.set_appointment_id(next_booked.response.appointment_id());
    v1::AftercarePlan base;
    ASSERT_TRUE(
        stub->GetAftercarePlan(AuthorizedContext(host->emr_token()).get(), get, &base).ok());
    for (const auto& i : base.instructions()) {
      EXPECT_EQ(i.source_plugin(), "org.needlework.aftercare") << i.id();
    }
    EXPECT_EQ(base.plugin_runs_size(), 1) << "the add-on plugin is asked only for its add-on";
  }
}

}  // namespace
}  // namespace needlework::testing
