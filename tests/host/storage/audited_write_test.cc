// The store's audit seam (host/storage/call_audit.h): a write made for an audited call
// commits that call's record in its own transaction or not at all, and records of calls
// that wrote nothing share commits.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "host/storage/audit_chain.h"
#include "host/storage/call_audit.h"
#include "host/storage/sqlite_store.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

// A second connection to the store's file, as another process would hold it.
class OtherConnection {
 public:
  explicit OtherConnection(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
  }
  ~OtherConnection() { sqlite3_close(db_); }
  void Run(const std::string& sql) {
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
  }

 private:
  sqlite3* db_ = nullptr;
};

class AuditedWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    ASSERT_TRUE(store_->CreateClinic({"a", "Clinic A", 10}, {"t1", "h", "emr", "a", "", 1}).ok());
    call_.draft.rpc = "/needlework.v1.PlanningService/CreatePlan";
    call_.draft.clinic_id = "a";
    call_.draft.object_ref = "patient_ref=Patient/1";
  }

  Status InsertPlan(const std::string& plan_id) {
    return store_->InsertPlan({plan_id, "a", "Patient/1", "", 1, 1, 10, "", ""});
  }

  // Every record, oldest first, once the chain has verified.
  std::vector<AuditRecord> Records() {
    auto verdict = store_->VerifyAudit();
    EXPECT_TRUE(verdict.ok() && verdict->ok) << (verdict.ok() ? verdict->problem : "");
    AuditFilter all;
    all.limit = 1 << 20;
    auto records = store_->QueryAudit(all);
    EXPECT_TRUE(records.ok());
    return records.ok() ? *records : std::vector<AuditRecord>();
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  CallAudit call_;
};

TEST_F(AuditedWriteTest, TheRecordCommitsWithTheWriteAndNamesTheNewRow) {
  {
    CallAuditScope scope(&call_);
    ASSERT_TRUE(InsertPlan("plan_1").ok());
  }
  EXPECT_TRUE(call_.written());
  auto records = Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, "OK");
  EXPECT_EQ(records[0].object_ref, "patient_ref=Patient/1 plan_id=plan_1");
  EXPECT_TRUE(store_->GetPlan("a", "plan_1").ok());
}

TEST_F(AuditedWriteTest, AWriteWhoseRecordCannotBeWrittenIsRolledBack) {
  OtherConnection other(dir_.File("needlework.db"));
  other.Run(
      "CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no'); END");
  Status inserted;
  {
    CallAuditScope scope(&call_);
    inserted = InsertPlan("plan_1");
  }
  EXPECT_EQ(inserted.code(), StatusCode::kUnavailable);
  EXPECT_THAT(inserted.message(), HasSubstr("audit record of this write could not be written"));
  EXPECT_FALSE(call_.written());
  EXPECT_EQ(store_->GetPlan("a", "plan_1").status().code(), StatusCode::kNotFound);
  // Outside any call there is no record to write, so the write itself is unaffected.
  EXPECT_TRUE(InsertPlan("plan_2").ok());
}

TEST_F(AuditedWriteTest, AFailedWriteLeavesNoOkRecord) {
  ASSERT_TRUE(InsertPlan("plan_1").ok());
  {
    CallAuditScope scope(&call_);
    EXPECT_EQ(InsertPlan("plan_1").code(), StatusCode::kAlreadyExists);
  }
  EXPECT_FALSE(call_.written());
  EXPECT_TRUE(Records().empty());
}

// Records of reads wait for a commit; many wait together and share it. The write lock is
// held by another connection while they queue, so every one of them is queued before the
// first commit can start: the count does not depend on timing.
TEST_F(AuditedWriteTest, ConcurrentRecordsShareCommits) {
  constexpr int kRecords = 200;
  OtherConnection other(dir_.File("needlework.db"));
  other.Run("BEGIN IMMEDIATE");
  int64_t commits_before = store_->CommitCount();
  std::mutex mutex;
  std::condition_variable all_done;
  int done = 0, failed = 0;
  for (int i = 0; i < kRecords; ++i) {
    store_->AppendAuditAsync(call_.RecordOfCall("OK", "null"), [&](const Status& status) {
      std::lock_guard lock(mutex);
      failed += status.ok() ? 0 : 1;
      ++done;
      all_done.notify_all();
    });
  }
  other.Run("ROLLBACK");
  std::unique_lock lock(mutex);
  all_done.wait(lock, [&] { return done == kRecords; });
  EXPECT_EQ(failed, 0);
  // One batch may have been taken before the lock was seen; the rest form one more.
  EXPECT_LE(store_->CommitCount() - commits_before, 3);
  EXPECT_EQ(Records().size(), static_cast<size_t>(kRecords));
}

// Writes (waiting callers) and records (callbacks) mixed in the same batches, from many
// threads: each gets its own outcome, and the chain holds every record once, in order.
TEST_F(AuditedWriteTest, WritesAndRecordsShareBatches) {
  constexpr int kThreads = 8, kEach = 25;
  std::mutex mutex;
  std::condition_variable all_done;
  int records_done = 0;
  std::vector<std::thread> threads;
  std::vector<CallAudit> calls(kThreads * kEach);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        CallAudit& call = calls[t * kEach + i];
        call.draft = call_.draft;
        store_->AppendAuditAsync(call_.RecordOfCall("NOT_FOUND", "null"), [&](const Status& s) {
          EXPECT_TRUE(s.ok());
          std::lock_guard lock(mutex);
          ++records_done;
          all_done.notify_all();
        });
        CallAuditScope scope(&call);
        EXPECT_TRUE(InsertPlan("plan_" + std::to_string(t) + "_" + std::to_string(i)).ok());
        EXPECT_TRUE(call.written());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::unique_lock lock(mutex);
  all_done.wait(lock, [&] { return records_done == kThreads * kEach; });
  EXPECT_EQ(Records().size(), static_cast<size_t>(2 * kThreads * kEach));
}

TEST_F(AuditedWriteTest, ARecordThatCannotBeWrittenIsReported) {
  OtherConnection other(dir_.File("needlework.db"));
  other.Run(
      "CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no'); END");
  std::mutex mutex;
  std::condition_variable finished;
  std::optional<Status> outcome;
  store_->AppendAuditAsync(call_.RecordOfCall("OK", "null"), [&](const Status& status) {
    std::lock_guard lock(mutex);
    outcome = status;
    finished.notify_all();
  });
  std::unique_lock lock(mutex);
  finished.wait(lock, [&] { return outcome.has_value(); });
  EXPECT_FALSE(outcome->ok());
}

}  // namespace
}  // namespace needlework::host
