// The throw-away cluster the PostgreSQL tests stand on: it starts as an unprivileged user,
// keeps its data across a clean stop and a kill -9, and has btree_gist, which the booking
// exclusion constraint needs.
#include "support/postgres_cluster.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<PostgresCluster> MustCreate() {
  auto cluster = PostgresCluster::Create();
  EXPECT_TRUE(cluster.ok()) << cluster.status().ToString();
  return cluster.ok() ? std::move(cluster).value() : nullptr;
}

TEST(PostgresClusterTest, ExclusionConstraintRefusesOverlappingBookings) {
  auto cluster = MustCreate();
  ASSERT_NE(cluster, nullptr);
  ASSERT_TRUE(cluster
                  ->Psql("CREATE EXTENSION btree_gist; CREATE TABLE booked ("
                         " resource text NOT NULL, during tstzrange NOT NULL,"
                         " EXCLUDE USING gist (resource WITH =, during WITH &&))")
                  .ok());
  ASSERT_TRUE(cluster
                  ->Psql("INSERT INTO booked VALUES ('room-1', "
                         "'[2027-01-11 10:00Z, 2027-01-11 11:00Z)')")
                  .ok());
  // Touching end to start is no overlap ([) ranges); another resource is free.
  EXPECT_TRUE(cluster
                  ->Psql("INSERT INTO booked VALUES ('room-1', "
                         "'[2027-01-11 11:00Z, 2027-01-11 12:00Z)')")
                  .ok());
  EXPECT_TRUE(cluster
                  ->Psql("INSERT INTO booked VALUES ('room-2', "
                         "'[2027-01-11 10:30Z, 2027-01-11 11:30Z)')")
                  .ok());
  auto clash = cluster->Psql(
      "INSERT INTO booked VALUES ('room-1', "
      "'[2027-01-11 10:30Z, 2027-01-11 10:45Z)')");
  ASSERT_FALSE(clash.ok());
  EXPECT_THAT(clash.status().message(), HasSubstr("conflicting key value violates exclusion"));
  EXPECT_EQ(*cluster->Psql("SELECT count(*) FROM booked"), "3\n");
}

TEST(PostgresClusterTest, KeepsItsDataAcrossAStopAndAKill) {
  auto cluster = MustCreate();
  ASSERT_NE(cluster, nullptr);
  ASSERT_TRUE(cluster->Psql("CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)").ok());
  ASSERT_TRUE(cluster->Stop().ok());
  EXPECT_FALSE(cluster->Psql("SELECT 1").ok());  // down means down
  ASSERT_TRUE(cluster->Start().ok());
  ASSERT_TRUE(cluster->Psql("INSERT INTO kept VALUES (2)").ok());
  cluster->Kill();
  ASSERT_TRUE(cluster->Start().ok()) << cluster->log_path();
  EXPECT_EQ(*cluster->Psql("SELECT sum(n) FROM kept"), "3\n");
}

TEST(PostgresClusterTest, RemovesItsDirectoryWhenDestroyed) {
  std::string directory;
  {
    auto cluster = MustCreate();
    ASSERT_NE(cluster, nullptr);
    directory = cluster->directory();
    EXPECT_TRUE(std::filesystem::exists(directory + "/data/PG_VERSION"));
  }
  EXPECT_FALSE(std::filesystem::exists(directory));
}

}  // namespace
}  // namespace needlework::testing
