// The audit chain on PostgreSQL, appended by several "replicas" at once (each its own pool
// of connections), and the write path that commits a call's record with its write.
#include "host/postgres/pg_audit.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "host/common/call_audit_scope.h"
#include "host/postgres/pg_schema.h"
#include "host/postgres/pg_write.h"
#include "host/storage/audit_chain.h"
#include "support/postgres_cluster.h"

namespace needlework::host::pg {
namespace {

using ::testing::HasSubstr;
using testing::PostgresCluster;

class PgAuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = PostgresCluster::Create();
    ASSERT_TRUE(cluster.ok()) << cluster.status().ToString();
    cluster_ = std::move(cluster).value();
    pool_ = NewPool();
    ASSERT_NE(pool_, nullptr);
    auto lease = pool_->Acquire();
    ASSERT_TRUE(MigrateSchema(**lease, false).ok());
  }

  std::unique_ptr<Pool> NewPool() {
    auto pool = Pool::Open({cluster_->Dsn(), 4, std::chrono::seconds(30)});
    EXPECT_TRUE(pool.ok()) << pool.status().ToString();
    return pool.ok() ? std::move(pool).value() : nullptr;
  }

  std::vector<AuditRecord> AllRecords() {
    auto lease = pool_->Acquire();
    return *ReadAuditRecords(**lease, 0, 100000);
  }

  static void Draft(CallAudit& call, const std::string& rpc) {
    call.draft.rpc = rpc;
    call.draft.clinic_id = "c1";
    call.draft.token_id = "tok_1";
    call.draft.role = "emr";
  }

  std::unique_ptr<PostgresCluster> cluster_;
  std::unique_ptr<Pool> pool_;
};

TEST_F(PgAuditTest, ReplicasAppendingAtOnceKeepOneVerifiableChain) {
  constexpr int kReplicas = 4;
  constexpr int kPerReplica = 50;
  std::vector<std::thread> replicas;
  std::atomic<int> failures{0};
  for (int r = 0; r < kReplicas; ++r) {
    replicas.emplace_back([&, r] {
      auto pool = NewPool();
      for (int i = 0; i < kPerReplica; ++i) {
        CallAudit call;
        Draft(call, "Replica" + std::to_string(r));
        CallAuditScope scope(&call);
        Status status = RunWrite(*pool, [](Connection&) { return OkStatus(); });
        if (!status.ok() || !call.written()) ++failures;
      }
    });
  }
  for (auto& replica : replicas) replica.join();
  EXPECT_EQ(failures.load(), 0);
  std::vector<AuditRecord> records = AllRecords();
  ASSERT_EQ(records.size(), size_t{kReplicas * kPerReplica});
  auto lease = pool_->Acquire();
  AuditVerdict verdict = VerifyAuditChain(records, *HighestAuditSeq(**lease));
  EXPECT_TRUE(verdict.ok) << verdict.problem;
}

TEST_F(PgAuditTest, AFailedWriteLeavesNoRecordAndNoGap) {
  {
    CallAudit call;
    Draft(call, "Fails");
    CallAuditScope scope(&call);
    Status failed = RunWrite(*pool_, [](Connection& connection) -> Status {
      NW_RETURN_IF_ERROR(connection.Execute(
          "INSERT INTO clinics (clinic_id, display_name, created_at) VALUES ('c1', 'C', 0)"));
      return FailedPreconditionError("refused after the insert");
    });
    EXPECT_EQ(failed.code(), StatusCode::kFailedPrecondition);
    EXPECT_FALSE(call.written());
  }
  {
    CallAudit call;
    Draft(call, "Succeeds");
    CallAuditScope scope(&call);
    ASSERT_TRUE(RunWrite(*pool_,
                         [](Connection& connection) {
                           return connection.Execute(
                               "INSERT INTO clinics (clinic_id, display_name, created_at) VALUES "
                               "('c2', 'C', 0)");
                         },
                         {"clinic_id=c2"})
                    .ok());
    EXPECT_TRUE(call.written());
  }
  std::vector<AuditRecord> records = AllRecords();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].seq, 1);
  EXPECT_EQ(records[0].rpc, "Succeeds");
  EXPECT_THAT(records[0].object_ref, HasSubstr("clinic_id=c2"));
  auto lease = pool_->Acquire();
  EXPECT_EQ((*lease)->RunOnce("SELECT count(*) FROM clinics")->Int(0, 0), 1)
      << "the failed write's insert was rolled back";
}

TEST_F(PgAuditTest, AWriteWithoutACallAppendsNoRecord) {
  ASSERT_TRUE(
      RunWrite(*pool_, [](Connection& connection) {
        return connection.Execute(
            "INSERT INTO clinics (clinic_id, display_name, created_at) VALUES ('c', 'C', 0)");
      }).ok());
  EXPECT_TRUE(AllRecords().empty());
}

TEST_F(PgAuditTest, TheDatabaseBeingDownIsUnavailable) {
  ASSERT_TRUE(cluster_->Stop().ok());
  Status status = RunWrite(*pool_, [](Connection&) { return OkStatus(); });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  ASSERT_TRUE(cluster_->Start().ok());
  EXPECT_TRUE(RunWrite(*pool_, [](Connection&) { return OkStatus(); }).ok());
}

}  // namespace
}  // namespace needlework::host::pg
