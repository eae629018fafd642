// Audit under faults, against the real host: another connection holding the database's
// write lock past the busy timeout, a full store (max_store_kib), and kill -9 during a
// stream of audited writes. After each, every committed plan and appointment has its OK
// audit record (matched by object ref, read from the file itself), every call that failed
// wrote nothing, and `needleworkctl audit verify` passes.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include "integration/scheduling_helpers.h"
#include "support/child_process.h"

namespace needlework::testing {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;

// Every row the first column of `sql` returns, read from the host's file.
std::set<std::string> Column(const HostProcess& host, const std::string& sql) {
  std::set<std::string> values;
  sqlite3* db = nullptr;
  std::string path = host.data_dir() + "/needlework.db";
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* statement = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    values.insert(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return values;
}

// Rows of `table` (keyed `key`) with no OK record of `rpc` naming them.
std::set<std::string> Unrecorded(const HostProcess& host, const std::string& table,
                                 const std::string& key, const std::string& rpc) {
  return Column(host, "SELECT " + key + " FROM " + table +
                          " AS row WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE outcome = "
                          "'OK' AND rpc LIKE '%/" +
                          rpc + "' AND instr(' ' || object_ref || ' ', ' " + key + "=' || row." +
                          key + " || ' ') > 0)");
}

void ExpectEveryWriteRecordedAndTheChainIntact(const HostProcess& host) {
  EXPECT_THAT(Unrecorded(host, "plans", "plan_id", "CreatePlan"), ::testing::IsEmpty());
  EXPECT_THAT(Unrecorded(host, "screenings", "screening_id", "Screen"), ::testing::IsEmpty());
  EXPECT_THAT(Unrecorded(host, "appointments", "appointment_id", "Book"), ::testing::IsEmpty());
  std::string out, err;
  EXPECT_EQ(
      RunCtlBinary({"--address", host.address(), "--token", host.admin_token(), "audit", "verify"},
                   &out, &err),
      0)
      << out << err;
}

std::set<std::string> PlansOf(const HostProcess& host, const std::string& patient_prefix) {
  return Column(host, "SELECT plan_id FROM plans WHERE patient_ref LIKE '" + patient_prefix + "%'");
}

// The plan proposed once for fine lines on the face, to create many times over.
v1::CreatePlanRequest PlanToCreate(SchedulingApi& api, const HostProcess& host) {
  auto proposed = api.ProposePlan(host.emr_token(), FacePlanRequest("Patient/template"));
  EXPECT_TRUE(proposed.status.ok()) << proposed.status.error_message();
  v1::CreatePlanRequest create;
  *create.mutable_plan() = proposed.response.plan();
  return create;
}

// As AuthorizedContext, with room for a call that waits out the busy timeout twice (its
// write, then its record).
std::unique_ptr<grpc::ClientContext> PatientContext(const std::string& token) {
  auto context = AuthorizedContext(token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  return context;
}

class AuditFaultTest : public ::testing::Test {
 protected:
  void Start(const HostOptions& options = {}) {
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
    create_ = PlanToCreate(*api_, *host_);
  }

  // The patient's plan, created once Screen stored a screening of the patient.
  Reply<v1::Plan> CreatePlan(SchedulingApi& api, const std::string& patient_ref) {
    auto screened = api.Screen(host_->emr_token(), FaceScreenRequest(patient_ref));
    if (!screened.status.ok()) return {screened.status, {}};
    return api.CreatePlan(host_->emr_token(), Create(patient_ref, screened.response));
  }

  v1::CreatePlanRequest Create(const std::string& patient_ref, const v1::ScreenResponse& screen) {
    v1::CreatePlanRequest request = create_;
    request.set_patient_ref(patient_ref);
    request.set_screening_id(screen.screening_id());
    return request;
  }

  std::string ReadConfig() const { return ReadWholeFile(host_->config_path()); }
  void WriteConfig(const std::string& text) const { std::ofstream(host_->config_path()) << text; }

  // Bookings of session 0 of `count` new plans, in free slots that do not overlap.
  std::vector<v1::BookRequest> Bookings(int count) {
    std::vector<std::string> plans;
    for (int i = 0; i < count; ++i) {
      plans.push_back(CreatePlan(*api_, "Patient/book-" + std::to_string(i)).response.plan_id());
    }
    auto slots = DisjointSlots(*api_, host_->emr_token(), plans[0], count);
    EXPECT_EQ(slots.size(), static_cast<size_t>(count));
    std::vector<v1::BookRequest> bookings;
    for (size_t i = 0; i < slots.size(); ++i) bookings.push_back(BookingFor(plans[i], 0, slots[i]));
    return bookings;
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
  v1::CreatePlanRequest create_;
};

// The store's write lock held by another connection past the host's busy timeout (5 s):
// writes and reads made meanwhile fail, none answers OK, none leaves a row behind.
TEST_F(AuditFaultTest, WriteLockHeldPastTheBusyTimeout) {
  Start();
  std::string kept = CreatePlan(*api_, "Patient/before").response.plan_id();
  ASSERT_FALSE(kept.empty());
  constexpr int kCalls = 4;
  std::vector<v1::CreatePlanRequest> creates;  // screened before the lock is taken
  for (int i = 0; i < kCalls; ++i) {
    std::string patient = "Patient/locked-" + std::to_string(i);
    auto screened = api_->Screen(host_->emr_token(), FaceScreenRequest(patient));
    ASSERT_TRUE(screened.status.ok()) << screened.status.error_message();
    creates.push_back(Create(patient, screened.response));
  }
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open((host_->data_dir() + "/needlework.db").c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

  std::vector<grpc::Status> writes(kCalls), reads(kCalls);
  std::vector<std::thread> callers;
  for (int i = 0; i < kCalls; ++i) {
    callers.emplace_back([&, i] {
      auto planning = v1::PlanningService::NewStub(host_->channel());
      v1::Plan plan;
      writes[i] = planning->CreatePlan(PatientContext(host_->emr_token()).get(), creates[i], &plan);
      v1::GetPlanRequest get;
      get.set_plan_id(kept);
      reads[i] = planning->GetPlan(PatientContext(host_->emr_token()).get(), get, &plan);
    });
  }
  for (auto& caller : callers) caller.join();  // each waited out the busy timeout, twice
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);

  for (int i = 0; i < kCalls; ++i) {
    EXPECT_THAT(writes[i].error_code(),
                AnyOf(grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::INTERNAL))
        << writes[i].error_message();
    EXPECT_EQ(reads[i].error_code(), grpc::StatusCode::UNAVAILABLE) << reads[i].error_message();
    EXPECT_THAT(reads[i].error_message(), HasSubstr("audit record"));
  }
  EXPECT_THAT(PlansOf(*host_, "Patient/locked-"), ::testing::IsEmpty());
  EXPECT_TRUE(CreatePlan(*api_, "Patient/after").status.ok());  // the host recovered
  ExpectEveryWriteRecordedAndTheChainIntact(*host_);
}

// The store capped a little above its size: plans are created until the store is full.
// Each acknowledged plan is there with its record; the call that hit the cap wrote nothing.
TEST_F(AuditFaultTest, FullStore) {
  Start();
  ASSERT_EQ(host_->Stop(), 0);
  int64_t pages = std::stoll(*Column(*host_, "PRAGMA page_count").begin());
  int64_t page_size = std::stoll(*Column(*host_, "PRAGMA page_size").begin());
  int64_t kib = pages * page_size / 1024;
  std::string config = ReadConfig();
  WriteConfig(config + "max_store_kib: " + std::to_string(kib + 48) + "\n");
  ASSERT_TRUE(host_->Restart());
  api_ = std::make_unique<SchedulingApi>(*host_);

  std::set<std::string> acknowledged;
  grpc::Status refused;
  for (int i = 0; i < 5000 && refused.ok(); ++i) {
    auto reply = CreatePlan(*api_, "Patient/full-" + std::to_string(i));
    refused = reply.status;
    if (reply.status.ok()) acknowledged.insert(reply.response.plan_id());
  }
  ASSERT_FALSE(refused.ok()) << "the store never filled";
  EXPECT_THAT(refused.error_code(),
              AnyOf(grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::INTERNAL))
      << refused.error_message();
  EXPECT_FALSE(acknowledged.empty());

  WriteConfig(config);  // room again, to verify through the host
  ASSERT_TRUE(host_->Restart());
  EXPECT_EQ(PlansOf(*host_, "Patient/full-"), acknowledged);
  ExpectEveryWriteRecordedAndTheChainIntact(*host_);
}

// The record of a write is written by the write, inside its transaction: a plugin change's
// "after" is the setting as the store wrote it (it names the clinic, which the call's
// answer does not), so this record cannot have been appended after the call.
TEST_F(AuditFaultTest, TheRecordOfAWriteCommitsWithTheWrite) {
  Start();
  Api api(*host_);
  ASSERT_TRUE(api.Disable(host_->admin_token(), "demo", "org.needlework.screening").status.ok());
  auto details = Column(
      *host_, "SELECT detail FROM audit_log WHERE rpc LIKE '%/DisablePlugin' AND outcome = 'OK'");
  ASSERT_EQ(details.size(), 1u);
  EXPECT_THAT(*details.begin(), HasSubstr(R"("after":{"clinic_id":"demo")"));
}

// kill -9 while plans are created and booked from several connections.
TEST_F(AuditFaultTest, KillDuringAStreamOfAuditedWrites) {
  Start();
  auto bookings = Bookings(20);
  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  writers.emplace_back([&] {
    SchedulingApi api(*host_);
    for (size_t i = 0; i < bookings.size() && !stop; ++i) {
      auto reply = api.Book(host_->emr_token(), bookings[i]);
      if (!reply.status.ok()) return;  // the host is gone
      std::lock_guard lock(mutex);
      acknowledged.insert(reply.response.appointment_id());
    }
  });
  for (int w = 0; w < 3; ++w) {
    writers.emplace_back([&, w] {
      SchedulingApi api(*host_);
      for (int i = 0; !stop; ++i) {
        auto reply = CreatePlan(api, "Patient/kill-" + std::to_string(w) + "-" + std::to_string(i));
        if (!reply.status.ok()) return;  // the host is gone
        std::lock_guard lock(mutex);
        acknowledged.insert(reply.response.plan_id());
      }
    });
  }
  while (true) {  // kill once some writes are acknowledged, mid-stream
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 20) break;
  }
  host_->Kill();
  stop = true;
  for (auto& writer : writers) writer.join();
  ASSERT_TRUE(host_->Restart());

  std::set<std::string> stored = PlansOf(*host_, "Patient/kill-");
  for (const auto& id : Column(*host_, "SELECT appointment_id FROM appointments")) {
    stored.insert(id);
  }
  for (const auto& id : acknowledged) {
    EXPECT_TRUE(stored.contains(id)) << id << " was acknowledged but lost";
  }
  ExpectEveryWriteRecordedAndTheChainIntact(*host_);
}

}  // namespace
}  // namespace needlework::testing
