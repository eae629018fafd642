// The PostgreSQL store's foundation against a real server (a throw-away cluster): the
// connection and its error mapping, the pool's bounds and its recovery when the database
// comes back, the schema's migrations, and the invariants the database itself enforces.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "host/postgres/pg_connection.h"
#include "host/postgres/pg_pool.h"
#include "host/postgres/pg_schema.h"
#include "support/postgres_cluster.h"

namespace needlework::host::pg {
namespace {

using ::testing::HasSubstr;
using testing::PostgresCluster;

class PgFoundationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = PostgresCluster::Create();
    ASSERT_TRUE(cluster.ok()) << cluster.status().ToString();
    cluster_ = std::move(cluster).value();
    connection_ = Connect();
    ASSERT_NE(connection_, nullptr);
  }

  std::unique_ptr<Connection> Connect() {
    auto connection = Connection::Open(cluster_->Dsn());
    EXPECT_TRUE(connection.ok()) << connection.status().ToString();
    return connection.ok() ? std::move(connection).value() : nullptr;
  }

  void SeedBookedAppointment(const std::string& id, int64_t start, int64_t end) {
    static constexpr Statement kAppointment = {
        "test_appointment",
        "INSERT INTO appointments (appointment_id, clinic_id, plan_id, session_index, "
        "patient_ref, start_utc, end_utc, status, resource_ids, cancel_reason, completion, "
        "updated_at) VALUES ($1, 'c1', 'p1', 0, 'Patient/1', $2, $3, 1, 'room-1', '', "
        "'\\x'::bytea, 0)"};
    ASSERT_TRUE(connection_->Run(kAppointment, Params().Add(id).Add(start).Add(end)).ok());
  }

  Status Occupy(const std::string& id, const std::string& resource, int64_t start, int64_t end) {
    static constexpr Statement kOccupy = {
        "test_occupy",
        "INSERT INTO occupancy (clinic_id, resource_id, start_utc, end_utc, appointment_id) "
        "VALUES ('c1', $1, $2, $3, $4)"};
    return connection_->Run(kOccupy, Params().Add(resource).Add(start).Add(end).Add(id)).status();
  }

  std::unique_ptr<PostgresCluster> cluster_;
  std::unique_ptr<Connection> connection_;
};

TEST_F(PgFoundationTest, MigratesAnEmptyDatabaseOnceAndAgainIsANoOp) {
  ASSERT_TRUE(MigrateSchema(*connection_, /*migrate=*/false).ok());
  EXPECT_EQ(*RecordedSchemaVersion(*connection_), SchemaVersion());
  ASSERT_TRUE(MigrateSchema(*connection_, false).ok());
  auto rows = connection_->RunOnce("SELECT count(*) FROM schema_version");
  EXPECT_EQ(rows->Int(0, 0), SchemaVersion());
}

TEST_F(PgFoundationTest, ReplicasStartingTogetherMigrateOnce) {
  std::vector<std::thread> replicas;
  std::vector<Status> results(3);
  for (size_t i = 0; i < results.size(); ++i) {
    replicas.emplace_back([&, i] {
      auto connection = Connection::Open(cluster_->Dsn());
      results[i] = connection.ok() ? MigrateSchema(**connection, false) : connection.status();
    });
  }
  for (auto& replica : replicas) replica.join();
  for (const Status& result : results) EXPECT_TRUE(result.ok()) << result.ToString();
  EXPECT_EQ(connection_->RunOnce("SELECT count(*) FROM schema_version")->Int(0, 0),
            SchemaVersion());
}

TEST_F(PgFoundationTest, RefusesANewerSchemaAndAnOlderOneUnlessToldToMigrate) {
  ASSERT_TRUE(MigrateSchema(*connection_, false).ok());
  ASSERT_TRUE(connection_->Execute("INSERT INTO schema_version VALUES (999, 0)").ok());
  Status newer = MigrateSchema(*connection_, true);
  EXPECT_EQ(newer.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(newer.message(), HasSubstr("upgrade needlework-host"));

  ASSERT_TRUE(connection_->Execute("DELETE FROM schema_version WHERE version > 5").ok());
  Status older = MigrateSchema(*connection_, false);
  EXPECT_EQ(older.code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(older.message(), HasSubstr("store.migrate: true"));
}

TEST_F(PgFoundationTest, TheDatabaseRefusesOverlappingOccupancyOfOneResource) {
  ASSERT_TRUE(MigrateSchema(*connection_, false).ok());
  ASSERT_TRUE(
      connection_
          ->Execute(
              "INSERT INTO clinics (clinic_id, display_name, created_at) VALUES ('c1', 'C', 0);"
              "INSERT INTO plans (plan_id, clinic_id, patient_ref, series, status, "
              "screening_outcome,"
              " created_at, cancel_reason) VALUES ('p1', 'c1', 'Patient/1', '\\x'::bytea, 1, 1, 0, "
              "'')")
          .ok());
  SeedBookedAppointment("a1", 1000, 4600);
  SeedBookedAppointment("a2", 4600, 8200);
  SeedBookedAppointment("a3", 2000, 3000);
  ASSERT_TRUE(Occupy("a1", "room-1", 1000, 4600).ok());
  EXPECT_TRUE(Occupy("a2", "room-1", 4600, 8200).ok()) << "touching end to start is no overlap";
  EXPECT_TRUE(Occupy("a3", "room-2", 2000, 3000).ok()) << "another resource is free";
  Status clash = Occupy("a3", "room-1", 2000, 3000);
  EXPECT_EQ(clash.code(), StatusCode::kAborted);
  EXPECT_THAT(clash.message(), HasSubstr("occupancy_no_overlap"));
  EXPECT_EQ(Occupy("a3", "room-3", 3000, 2000).code(), StatusCode::kInternal)
      << "an interval that ends before it starts is refused";
}

TEST_F(PgFoundationTest, TheAuditLogIsAppendOnly) {
  ASSERT_TRUE(MigrateSchema(*connection_, false).ok());
  ASSERT_TRUE(connection_
                  ->Execute("INSERT INTO audit_log VALUES (1, 0, 't', 'admin', '', 'Rpc', '', "
                            "'OK', '', '', 'h1')")
                  .ok());
  Status update = connection_->Execute("UPDATE audit_log SET outcome = 'FORGED'");
  EXPECT_THAT(update.message(), HasSubstr("append-only"));
  Status remove = connection_->Execute("DELETE FROM audit_log");
  EXPECT_THAT(remove.message(), HasSubstr("append-only"));
  EXPECT_EQ(connection_->RunOnce("SELECT count(*) FROM audit_log")->Int(0, 0), 1);
}

TEST_F(PgFoundationTest, ParametersNeverBecomeSqlAndBytesRoundTrip) {
  std::string bytes("a\0b\xff'; DROP TABLE x; --", 25);
  auto echoed = connection_->RunOnce(
      "SELECT $1::bytea, $2::text, $3::bigint, $4::text IS NULL",
      Params().AddBytes(bytes).Add("'; SELECT 1; --").Add(int64_t{-42}).AddNull());
  ASSERT_TRUE(echoed.ok()) << echoed.status().ToString();
  EXPECT_EQ(echoed->Bytes(0, 0), bytes);
  EXPECT_EQ(echoed->Text(0, 1), "'; SELECT 1; --");
  EXPECT_EQ(echoed->Int(0, 2), -42);
  EXPECT_EQ(echoed->Text(0, 3), "t");
}

TEST_F(PgFoundationTest, UniqueViolationIsAlreadyExists) {
  ASSERT_TRUE(MigrateSchema(*connection_, false).ok());
  const char* insert =
      "INSERT INTO clinics (clinic_id, display_name, created_at) VALUES ('c', 'C', 0)";
  ASSERT_TRUE(connection_->Execute(insert).ok());
  EXPECT_EQ(connection_->Execute(insert).code(), StatusCode::kAlreadyExists);
}

TEST_F(PgFoundationTest, NotificationsReachAListeningConnection) {
  ASSERT_TRUE(connection_->Execute("LISTEN needlework_changes").ok());
  auto other = Connect();
  ASSERT_TRUE(other->Execute("NOTIFY needlework_changes, 'clinic c1'").ok());
  auto arrived = connection_->Notifications(std::chrono::seconds(10));
  ASSERT_TRUE(arrived.ok()) << arrived.status().ToString();
  ASSERT_EQ(arrived->size(), 1u);
  EXPECT_EQ((*arrived)[0].channel, "needlework_changes");
  EXPECT_EQ((*arrived)[0].payload, "clinic c1");
}

TEST_F(PgFoundationTest, PoolIsBoundedAndSaysSoWhenEveryConnectionStaysBusy) {
  auto pool = Pool::Open({cluster_->Dsn(), 2, std::chrono::milliseconds(200)});
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  auto first = (*pool)->Acquire();
  auto second = (*pool)->Acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  auto third = (*pool)->Acquire();
  EXPECT_EQ(third.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(third.status().message(), HasSubstr("store.pool_size"));
  EXPECT_EQ((*pool)->open_connections(), 2);
}

TEST_F(PgFoundationTest, PoolAnswersUnavailableWhileTheDatabaseIsDownAndRecoversAfter) {
  auto pool = Pool::Open({cluster_->Dsn(), 2, std::chrono::milliseconds(500)});
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  ASSERT_TRUE(cluster_->Stop().ok());
  {
    auto lease = (*pool)->Acquire();  // the idle connection is dead, but not known yet
    if (lease.ok()) {
      EXPECT_EQ((*lease)->RunOnce("SELECT 1").status().code(), StatusCode::kUnavailable);
    } else {
      EXPECT_EQ(lease.status().code(), StatusCode::kUnavailable);
    }
  }
  auto down = (*pool)->Acquire();
  EXPECT_EQ(down.status().code(), StatusCode::kUnavailable);
  ASSERT_TRUE(cluster_->Start().ok());
  auto lease = (*pool)->Acquire();
  ASSERT_TRUE(lease.ok()) << lease.status().ToString();
  EXPECT_EQ((*lease)->RunOnce("SELECT 7")->Int(0, 0), 7);
}

TEST(PgConnectionTest, AWrongDsnIsUnavailableNamingTheReason) {
  auto connection =
      Connection::Open("host=/nonexistent-dir port=5432 user=postgres connect_timeout=2");
  EXPECT_EQ(connection.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(connection.status().message(), HasSubstr("/nonexistent-dir"));
}

}  // namespace
}  // namespace needlework::host::pg
