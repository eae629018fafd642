// Retention of the audit log on a real Store: a prune anchors the last pruned record and
// deletes the old ones in chunks; verification starts from the anchor and still finds a
// changed record, a deleted or changed anchor, and a broken chain that a prune would hide.
#include <gmock/gmock.h>
#include <sqlite3.h>

#include "host/storage/audit_verify.h"
#include "host/storage/sqlite_store.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kOld = 1'000'000;         // Unix microseconds of the old records
constexpr int64_t kCutoff = 2'000'000'000;  // between the old and the new ones
constexpr int64_t kNew = 3'000'000'000;

class AuditRetentionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = SqliteStore::Open(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
  }

  void Append(int count, int64_t at) {
    for (int i = 0; i < count; ++i) {
      AuditRecord record;
      record.at = at + i;
      record.rpc = "/needlework.v1.SchedulingService/Book";
      record.object_ref = "patient_ref=Patient/" + std::to_string(at + i);
      record.outcome = "OK";
      record.detail = "{}";
      ASSERT_TRUE(store_->AppendAudit(record).ok());
    }
  }

  AuditPruneResult Prune(int chunk_rows = 2) {
    auto result = store_->PruneAudit(
        {.cutoff = kCutoff, .now = kNew, .retention_days = 30, .chunk_rows = chunk_rows});
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : AuditPruneResult();
  }

  AuditVerdict Verify() {
    auto verdict = store_->VerifyAudit();
    EXPECT_TRUE(verdict.ok()) << verdict.status().ToString();
    return verdict.ok() ? *verdict : AuditVerdict();
  }

  // Runs `sql` on the file through a connection of its own, as an intruder would (dropping
  // the append-only triggers first).
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_.path() + "/needlework.db").c_str(), &db), SQLITE_OK);
    std::string all =
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
        "DROP TRIGGER audit_anchors_no_update; DROP TRIGGER audit_anchors_no_delete; " +
        sql;
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  int64_t CountRows() {
    AuditFilter all;
    all.limit = 1000;
    return static_cast<int64_t>(store_->QueryAudit(all)->size());
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(AuditRetentionTest, PruneAnchorsTheLastOldRecordDeletesInChunksAndVerifies) {
  Append(5, kOld);
  Append(3, kNew);
  AuditVerdict before = Verify();
  AuditPruneResult result = Prune(/*chunk_rows=*/2);
  EXPECT_TRUE(result.anchored);
  EXPECT_EQ(result.anchor.seq, 5);
  EXPECT_EQ(result.deleted, 5);
  EXPECT_EQ(result.anchor.cutoff, kCutoff);
  EXPECT_EQ(result.anchor.retention_days, 30);
  EXPECT_EQ(CountRows(), 3);
  AuditVerdict after = Verify();
  EXPECT_TRUE(after.ok) << after.problem;
  EXPECT_EQ(after.anchor_seq, 5);
  EXPECT_EQ(after.anchor_hash, result.anchor.hash);
  EXPECT_EQ(after.records, 3);
  EXPECT_EQ(after.head_seq, 8);
  EXPECT_EQ(after.head_hash, before.head_hash);  // the same chain, from a later start
  Append(1, kNew + 10);
  EXPECT_TRUE(Verify().ok);
}

TEST_F(AuditRetentionTest, TheNewestRecordIsKeptSoAppendsStillLink) {
  Append(4, kOld);
  AuditPruneResult result = Prune();
  EXPECT_EQ(result.anchor.seq, 3);
  EXPECT_EQ(CountRows(), 1);
  Append(2, kNew);
  AuditVerdict verdict = Verify();
  EXPECT_TRUE(verdict.ok) << verdict.problem;
  EXPECT_EQ(verdict.records, 3);
}

TEST_F(AuditRetentionTest, PruneOfAnEmptyLogAnchorsNothing) {
  AuditPruneResult result = Prune();
  EXPECT_FALSE(result.anchored);
  EXPECT_EQ(result.anchor.seq, 0);
  EXPECT_EQ(result.deleted, 0);
  AuditVerdict verdict = Verify();
  EXPECT_TRUE(verdict.ok);
  EXPECT_EQ(verdict.anchor_seq, 0);
  EXPECT_EQ(verdict.records, 0);
}

TEST_F(AuditRetentionTest, ASecondPruneWithNothingNewOldEnoughChangesNothing) {
  Append(3, kOld);
  Append(2, kNew);
  Prune();
  AuditPruneResult again = Prune();
  EXPECT_FALSE(again.anchored);
  EXPECT_EQ(again.anchor.seq, 3);
  EXPECT_EQ(again.deleted, 0);
  EXPECT_EQ(CountRows(), 2);
}

TEST_F(AuditRetentionTest, ARecordChangedAfterThePruneIsFound) {
  Append(5, kOld);
  Append(4, kNew);
  Prune();
  Tamper("UPDATE audit_log SET outcome = 'PERMISSION_DENIED' WHERE seq = 8;");
  AuditVerdict verdict = Verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 8);
}

TEST_F(AuditRetentionTest, AChangedFirstKeptRecordBreaksTheLinkToTheAnchor) {
  Append(5, kOld);
  Append(4, kNew);
  Prune();
  Tamper("UPDATE audit_log SET prev_hash = hash WHERE seq = 6;");
  AuditVerdict verdict = Verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 6);
}

TEST_F(AuditRetentionTest, ADeletedAnchorIsFound) {
  Append(5, kOld);
  Append(2, kNew);
  Prune();
  Tamper("DELETE FROM audit_anchors;");
  AuditVerdict verdict = Verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 1);
  EXPECT_THAT(verdict.problem, HasSubstr("record 1 is missing"));
}

TEST_F(AuditRetentionTest, AChangedAnchorHashIsFound) {
  Append(5, kOld);
  Append(2, kNew);
  Prune();
  Tamper("UPDATE audit_anchors SET hash = '" + std::string(64, 'a') + "';");
  AuditVerdict verdict = Verify();
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 6);
}

TEST_F(AuditRetentionTest, ABrokenChainIsNotPrunedAway) {
  Append(5, kOld);
  Append(2, kNew);
  Tamper("UPDATE audit_log SET object_ref = 'patient_ref=Patient/x' WHERE seq = 2;");
  auto result = store_->PruneAudit({.cutoff = kCutoff, .now = kNew, .retention_days = 30});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(result.status().message(), HasSubstr("first bad record 2"));
  EXPECT_EQ(CountRows(), 7);
  EXPECT_EQ(Verify().first_bad_seq, 2);
}

TEST_F(AuditRetentionTest, OnlyAnchoredRecordsMayBeDeleted) {
  Append(3, kOld);
  Append(2, kNew);
  Prune();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_.path() + "/needlework.db").c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log WHERE seq = 4", nullptr, nullptr, &error),
            SQLITE_OK);
  EXPECT_THAT(error, HasSubstr("append-only"));
  sqlite3_free(error);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_anchors", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(CountRows(), 2);
}

TEST_F(AuditRetentionTest, VerificationInSmallChunksFindsTheSameFirstBadRecord) {
  Append(10, kOld);
  auto db = sqlite::Database::OpenReadOnly(dir_.path() + "/needlework.db");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto intact = VerifyAuditLog(**db, {.chunk_rows = 3});
  ASSERT_TRUE(intact.ok());
  EXPECT_TRUE(intact->ok) << intact->problem;
  EXPECT_EQ(intact->records, 10);
  Tamper("UPDATE audit_log SET detail = '{\"x\":1}' WHERE seq = 7;");
  auto broken = VerifyAuditLog(**db, {.chunk_rows = 3});
  ASSERT_TRUE(broken.ok());
  EXPECT_FALSE(broken->ok);
  EXPECT_EQ(broken->first_bad_seq, 7);
  EXPECT_EQ(broken->records, 6);
}

TEST_F(AuditRetentionTest, AFileThatIsNoStoreIsAnErrorNotAVerdict) {
  auto missing = sqlite::Database::OpenReadOnly(dir_.path() + "/absent.db");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  testing::TempDir other;
  std::string empty = other.path() + "/empty.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(empty.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE t (x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto db = sqlite::Database::OpenReadOnly(empty);
  ASSERT_TRUE(db.ok());
  auto verdict = VerifyAuditLog(**db);
  ASSERT_FALSE(verdict.ok());
  EXPECT_THAT(verdict.status().message(), HasSubstr("no audit log"));
}

// QueryAudit for one clinic walks the (clinic_id, seq) index instead of scanning the log
// (as a `?1 = '' OR clinic_id = ?1` query did); SQLite's own plan says so.
TEST(AuditQueryPlanTest, OneClinicsQueryUsesTheClinicIndex) {
  testing::TempDir dir;
  ASSERT_TRUE(SqliteStore::Open(dir.path()).ok());
  auto db = sqlite::Database::OpenReadOnly(dir.path() + "/needlework.db");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto plan_of = [&](const AuditFilter& filter) {
    std::string plan;
    auto explain = (*db)->Prepare("EXPLAIN QUERY PLAN " + AuditQuerySql(filter));
    EXPECT_TRUE(explain.ok());
    if (!explain.ok()) return plan;
    while (true) {
      auto row = (*explain)->Step();
      if (!row.ok() || !*row) break;
      plan += (*explain)->ColumnText(3) + "\n";
    }
    return plan;
  };
  AuditFilter one_clinic;
  one_clinic.clinic_id = "demo";
  EXPECT_THAT(plan_of(one_clinic), HasSubstr("USING INDEX audit_by_clinic (clinic_id=?"));
  EXPECT_THAT(plan_of(AuditFilter{}), ::testing::Not(HasSubstr("audit_by_clinic")));
}

}  // namespace
}  // namespace needlework::host
