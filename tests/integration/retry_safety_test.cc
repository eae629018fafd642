// Writes that are safe to retry and to race, through the real host and its SQLite store:
// idempotency keys, one transaction per multi-step write, spacing re-checked at commit, and
// another clinic's ids answered NOT_FOUND.
#include <absl/time/civil_time.h>
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <atomic>
#include <iostream>
#include <map>
#include <thread>

#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

class RetrySafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    scheduling_ = v1::SchedulingService::NewStub(host_->channel());
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    probe_ = CreateFacePlan(*api_, host_->emr_token(), "Patient/probe");  // never booked
    ASSERT_FALSE(probe_.empty());
  }

  // The first free slot of `day` (any plan's first session fits it).
  v1::Slot FreeSlot(const absl::CivilDay& day) {
    v1::FindSlotsRequest find;
    find.set_plan_id(probe_);
    find.set_from_date(absl::FormatCivilTime(day));
    find.set_to_date(absl::FormatCivilTime(day));
    auto slots = api_->FindSlots(host_->emr_token(), find);
    EXPECT_TRUE(slots.status.ok()) << slots.status.error_message();
    return slots.response.slots().empty() ? v1::Slot() : slots.response.slots(0);
  }

  absl::CivilDay Monday() {
    absl::CivilDay day;
    EXPECT_TRUE(absl::ParseCivilTime(LondonDate(7, true), &day));
    return day;
  }

  v1::Appointment BookFirst(const std::string& plan, const absl::CivilDay& day) {
    auto booked = api_->Book(host_->emr_token(), BookingFor(plan, 0, FreeSlot(day)));
    EXPECT_TRUE(booked.status.ok()) << booked.status.error_message();
    return booked.response;
  }

  std::vector<v1::Appointment> AppointmentsOf(const std::string& patient,
                                              const std::string& token = "") {
    v1::ListAppointmentsRequest request;
    request.set_patient_ref(patient);
    auto reply = api_->ListAppointments(token.empty() ? host_->emr_token() : token, request);
    EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
    return {reply.response.appointments().begin(), reply.response.appointments().end()};
  }

  static v1::CompleteSessionRequest Completion(const std::string& appointment_id) {
    v1::CompleteSessionRequest request;
    request.set_appointment_id(appointment_id);
    request.mutable_completion()->add_treatment_areas("face");
    request.mutable_completion()->set_needle_depth_mm(0.5);
    return request;
  }

  // The aftercare messages stored for `appointment_id` (0 when it has no aftercare plan).
  int MessagesOf(const std::string& appointment_id) {
    v1::GetAftercarePlanRequest request;
    request.set_appointment_id(appointment_id);
    auto plan = api_->GetAftercarePlan(host_->emr_token(), request);
    return plan.status.ok() ? plan.response.messages_size() : 0;
  }

  // Runs `sql` on the host's database from another connection, as an operator could.
  void RunSql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((host_->data_dir() + "/needlework.db").c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  std::unique_ptr<v1::SchedulingService::Stub> scheduling_;
  std::string probe_;
};

// UTC days from `a` to `b` (RFC 3339 starts), as the scheduling plugin counts its spacing.
int DaysBetween(const std::string& a, const std::string& b) {
  absl::Time ta, tb;
  std::string error;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, a, &ta, &error)) << error;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, b, &tb, &error)) << error;
  return static_cast<int>(absl::ToCivilDay(tb, absl::UTCTimeZone()) -
                          absl::ToCivilDay(ta, absl::UTCTimeZone()));
}

// Session 0 is moved 14 days later while session 1 is booked 28 days after its old day:
// each is allowed alone, together they leave 14 days where the plan needs 28. Whatever the
// interleaving, no committed pair may be closer than that.
TEST_F(RetrySafetyTest, MoveRacingABookingNeverCommitsAShortGap) {
  constexpr int kRounds = 18;
  int moved = 0, booked = 0, aborted = 0;
  std::vector<std::string> patients;
  for (int round = 0; round < kRounds; ++round) {
    absl::CivilDay day = Monday() + round % 6;  // Monday to Saturday, three rounds each
    std::string patient = "Patient/race-" + std::to_string(round);
    std::string plan = CreateFacePlan(*api_, host_->emr_token(), patient);
    patients.push_back(patient);
    v1::Appointment first = BookFirst(plan, day);
    ASSERT_FALSE(first.appointment_id().empty());
    v1::Slot later = FreeSlot(day + 14);
    v1::RescheduleRequest move;
    move.set_appointment_id(first.appointment_id());
    move.set_start(later.start());
    move.set_practitioner_id(later.practitioner_id());
    move.set_room_id(later.room_id());
    *move.mutable_device_ids() = later.device_ids();
    v1::BookRequest book = BookingFor(plan, 1, FreeSlot(day + 28));

    std::atomic<int> ready{0};
    grpc::Status move_status, book_status;
    std::thread mover([&] {
      for (++ready; ready < 2;) {
      }
      move_status = api_->Reschedule(host_->emr_token(), move).status;
    });
    for (++ready; ready < 2;) {
    }
    book_status = api_->Book(host_->emr_token(), book).status;
    mover.join();
    moved += move_status.ok();
    booked += book_status.ok();
    for (const auto& s : {move_status, book_status}) {
      aborted += s.error_code() == grpc::StatusCode::ABORTED;
      if (s.error_code() == grpc::StatusCode::ABORTED) {
        EXPECT_THAT(s.error_message(), HasSubstr("changed while this booking was checked"));
      }
    }
  }
  for (const auto& patient : patients) {
    std::map<int, std::string> starts;
    for (const auto& a : AppointmentsOf(patient)) starts[a.session_index()] = a.start();
    if (starts.size() == 2) {
      EXPECT_GE(DaysBetween(starts[0], starts[1]), 28) << patient;
    }
  }
  // Every round commits at least one of the two (the first to commit cannot be stale).
  EXPECT_GE(moved + booked, kRounds);
  std::cout << "[ race ] rounds " << kRounds << ": moves committed " << moved
            << ", bookings committed " << booked << ", aborted as stale " << aborted << "\n";
}

TEST_F(RetrySafetyTest, RetriedBookWithTheSameKeyGetsTheFirstAnswerAndOneAppointment) {
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/retry");
  v1::BookRequest request = BookingFor(plan, 0, FreeSlot(Monday()));
  request.set_idempotency_key("book-7f3a");
  auto first = api_->Book(host_->emr_token(), request);
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  auto again = api_->Book(host_->emr_token(), request);
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_EQ(again.response.SerializeAsString(), first.response.SerializeAsString());

  // The key as metadata is the same key.
  v1::BookRequest bare = request;
  bare.clear_idempotency_key();
  auto context = AuthorizedContext(host_->emr_token());
  context->AddMetadata("idempotency-key", "book-7f3a");
  v1::Appointment by_metadata;
  ASSERT_TRUE(scheduling_->Book(context.get(), bare, &by_metadata).ok());
  EXPECT_EQ(by_metadata.appointment_id(), first.response.appointment_id());
  EXPECT_EQ(AppointmentsOf("Patient/retry").size(), 1u);

  // The same key for another request is refused, naming the key; nothing is booked.
  v1::BookRequest other = request;
  other.set_start(FreeSlot(Monday() + 1).start());
  auto refused = api_->Book(host_->emr_token(), other);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("book-7f3a"));

  auto disagreeing = AuthorizedContext(host_->emr_token());
  disagreeing->AddMetadata("idempotency-key", "book-other");
  v1::Appointment unused;
  grpc::Status mixed = scheduling_->Book(disagreeing.get(), request, &unused);
  EXPECT_EQ(mixed.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(mixed.error_message(), HasSubstr("differ"));
  v1::BookRequest long_key = other;
  long_key.set_idempotency_key(std::string(129, 'k'));
  auto too_long = api_->Book(host_->emr_token(), long_key);
  EXPECT_EQ(too_long.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(too_long.status.error_message(), HasSubstr("128"));
  EXPECT_EQ(AppointmentsOf("Patient/retry").size(), 1u);
}

// Retries sent while the first call is still running all get its answer.
TEST_F(RetrySafetyTest, RacingRetriesOfOneBookAllGetTheFirstAnswer) {
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/racing-retries");
  v1::BookRequest request = BookingFor(plan, 0, FreeSlot(Monday()));
  request.set_idempotency_key("book-racing");
  constexpr int kThreads = 8;
  std::vector<Reply<v1::Appointment>> replies(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { replies[i] = api_->Book(host_->emr_token(), request); });
  }
  for (auto& t : threads) t.join();
  for (const auto& reply : replies) {
    ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
    EXPECT_EQ(reply.response.SerializeAsString(), replies[0].response.SerializeAsString());
  }
  EXPECT_EQ(AppointmentsOf("Patient/racing-retries").size(), 1u);
}

// Retries racing each other: with one key all get the first answer; without one, exactly
// one completes. Either way the aftercare messages are stored once.
TEST_F(RetrySafetyTest, ConcurrentCompleteSessionRetriesStoreOneSetOfMessages) {
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/complete");
  v1::Appointment keyed = BookFirst(plan, Monday());
  v1::Appointment unkeyed =
      BookFirst(CreateFacePlan(*api_, host_->emr_token(), "Patient/c2"), Monday() + 1);
  constexpr int kThreads = 8;
  std::vector<Reply<v1::Appointment>> with_key(kThreads), without_key(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto request = Completion(keyed.appointment_id());
      request.set_idempotency_key("complete-1");
      with_key[i] = api_->CompleteSession(host_->emr_token(), request);
      without_key[i] =
          api_->CompleteSession(host_->emr_token(), Completion(unkeyed.appointment_id()));
    });
  }
  for (auto& t : threads) t.join();
  int completed_without_key = 0;
  for (int i = 0; i < kThreads; ++i) {
    ASSERT_TRUE(with_key[i].status.ok()) << with_key[i].status.error_message();
    EXPECT_EQ(with_key[i].response.SerializeAsString(), with_key[0].response.SerializeAsString());
    completed_without_key += without_key[i].status.ok();
    if (!without_key[i].status.ok()) {
      EXPECT_EQ(without_key[i].status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    }
  }
  EXPECT_EQ(completed_without_key, 1);
  int messages = MessagesOf(keyed.appointment_id());
  EXPECT_GT(messages, 0);
  EXPECT_EQ(MessagesOf(unkeyed.appointment_id()), messages);  // one set each, not eight

  v1::ListDueMessagesRequest due;
  due.set_up_to("2100-01-01T00:00:00Z");
  due.set_limit(1000);
  auto stub = v1::AftercareService::NewStub(host_->channel());
  v1::ListDueMessagesResponse listed;
  ASSERT_TRUE(
      stub->ListDueMessages(AuthorizedContext(host_->emr_token()).get(), due, &listed).ok());
  int evening = 0;
  for (const auto& m : listed.messages()) {
    evening += m.kind() == "evening" && m.about() == "Appointment/" + keyed.appointment_id();
  }
  EXPECT_EQ(evening, 1);
}

// The store refuses the aftercare step (a trigger stands in for a full disk): the call
// fails and nothing of it is written, not even FULFILLED. Once the fault is gone the retry
// completes it.
TEST_F(RetrySafetyTest, CompletionWhoseAftercareFailsWritesNothing) {
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/fail");
  v1::Appointment booked = BookFirst(plan, Monday());
  RunSql(
      "CREATE TRIGGER refuse_messages BEFORE INSERT ON messages "
      "BEGIN SELECT RAISE(ABORT, 'injected: no room for messages'); END;");
  auto failed = api_->CompleteSession(host_->emr_token(), Completion(booked.appointment_id()));
  EXPECT_FALSE(failed.status.ok());
  EXPECT_THAT(failed.status.error_message(), HasSubstr("injected"));
  auto after = AppointmentsOf("Patient/fail");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].status(), types::APPOINTMENT_STATUS_BOOKED);
  v1::GetAftercarePlanRequest get;
  get.set_appointment_id(booked.appointment_id());
  EXPECT_EQ(api_->GetAftercarePlan(host_->emr_token(), get).status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // not completed, so no plan

  RunSql("DROP TRIGGER refuse_messages");
  auto retried = api_->CompleteSession(host_->emr_token(), Completion(booked.appointment_id()));
  ASSERT_TRUE(retried.status.ok()) << retried.status.error_message();
  EXPECT_GT(MessagesOf(booked.appointment_id()), 0);
}

// Plan cancellation and its reminders commit together; a retried cancel with its key gets
// the first answer rather than "not active".
TEST_F(RetrySafetyTest, CancelPlanIsAtomicAndRetriable) {
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/cancel");
  v1::Appointment first = BookFirst(plan, Monday());
  v1::CancelPlanRequest cancel;
  cancel.set_plan_id(plan);
  cancel.set_reason("moved away");
  cancel.set_idempotency_key("cancel-plan-1");
  RunSql(
      "CREATE TRIGGER refuse_cancel BEFORE UPDATE OF status ON appointments "
      "BEGIN SELECT RAISE(ABORT, 'injected: appointments are read-only'); END;");
  EXPECT_FALSE(api_->CancelPlan(host_->emr_token(), cancel).status.ok());
  v1::GetPlanRequest get;
  get.set_plan_id(plan);
  EXPECT_EQ(api_->GetPlan(host_->emr_token(), get).response.status(), types::PLAN_STATUS_ACTIVE);
  RunSql("DROP TRIGGER refuse_cancel");

  auto cancelled = api_->CancelPlan(host_->emr_token(), cancel);
  ASSERT_TRUE(cancelled.status.ok()) << cancelled.status.error_message();
  EXPECT_EQ(cancelled.response.status(), types::PLAN_STATUS_CANCELLED);
  ASSERT_EQ(cancelled.response.sessions_size(), 1);
  EXPECT_EQ(cancelled.response.sessions(0).status(), types::APPOINTMENT_STATUS_CANCELLED);
  auto again = api_->CancelPlan(host_->emr_token(), cancel);
  ASSERT_TRUE(again.status.ok()) << again.status.error_message();
  EXPECT_EQ(again.response.SerializeAsString(), cancelled.response.SerializeAsString());
  cancel.clear_idempotency_key();
  EXPECT_EQ(api_->CancelPlan(host_->emr_token(), cancel).status.error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_FALSE(first.appointment_id().empty());
}

TEST_F(RetrySafetyTest, AnotherClinicsIdsAreNotFoundAndNothingChanges) {
  auto other = Api(*host_).CreateClinic(host_->admin_token(), "elsewhere");
  ASSERT_TRUE(other.status.ok());
  const std::string& token_b = other.response.emr_token();
  std::string plan = CreateFacePlan(*api_, host_->emr_token(), "Patient/mine");
  v1::Appointment done = BookFirst(plan, Monday());
  ASSERT_TRUE(
      api_->CompleteSession(host_->emr_token(), Completion(done.appointment_id())).status.ok());
  v1::ReportSymptomRequest symptom;
  symptom.set_appointment_id(done.appointment_id());
  symptom.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
  symptom.mutable_symptom()->set_code("redness");
  symptom.set_severity(types::SYMPTOM_SEVERITY_MILD);
  ASSERT_TRUE(api_->ReportSymptom(host_->emr_token(), symptom).status.ok());
  v1::Slot slot = FreeSlot(Monday() + 30);
  v1::BookRequest second_request = BookingFor(plan, 1, slot);
  auto second = api_->Book(host_->emr_token(), second_request);
  ASSERT_TRUE(second.status.ok()) << second.status.error_message();
  auto before = AppointmentsOf("Patient/mine");

  auto not_found = [](const grpc::Status& status, const char* rpc) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND)
        << rpc << ": " << status.error_message();
  };
  v1::RescheduleRequest move;
  move.set_appointment_id(second.response.appointment_id());
  move.set_start(FreeSlot(Monday() + 31).start());
  not_found(api_->Reschedule(token_b, move).status, "Reschedule");
  not_found(api_->CompleteSession(token_b, Completion(second.response.appointment_id())).status,
            "CompleteSession");
  v1::CancelPlanRequest cancel;
  cancel.set_plan_id(plan);
  cancel.set_reason("not mine");
  not_found(api_->CancelPlan(token_b, cancel).status, "CancelPlan");
  v1::ExportCalendarRequest calendar;
  calendar.set_patient_ref("Patient/mine");
  not_found(api_->ExportCalendar(token_b, calendar).status, "ExportCalendar");
  not_found(api_->ReportSymptom(token_b, symptom).status, "ReportSymptom");
  auto aftercare = v1::AftercareService::NewStub(host_->channel());
  v1::ListSymptomReportsRequest by_appointment, by_patient;
  by_appointment.set_appointment_id(done.appointment_id());
  by_patient.set_patient_ref("Patient/mine");
  v1::ListSymptomReportsResponse reports;
  not_found(
      aftercare->ListSymptomReports(AuthorizedContext(token_b).get(), by_appointment, &reports),
      "ListSymptomReports by appointment");
  not_found(aftercare->ListSymptomReports(AuthorizedContext(token_b).get(), by_patient, &reports),
            "ListSymptomReports by patient");

  auto after = AppointmentsOf("Patient/mine");
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].SerializeAsString(), before[i].SerializeAsString());
  }
  v1::GetPlanRequest get;
  get.set_plan_id(plan);
  EXPECT_EQ(api_->GetPlan(host_->emr_token(), get).response.status(), types::PLAN_STATUS_ACTIVE);
  ASSERT_TRUE(
      aftercare
          ->ListSymptomReports(AuthorizedContext(host_->emr_token()).get(), by_patient, &reports)
          .ok());
  EXPECT_EQ(reports.reports_size(), 1);
  EXPECT_TRUE(AppointmentsOf("Patient/mine", token_b).empty());
}

}  // namespace
}  // namespace needlework::testing
