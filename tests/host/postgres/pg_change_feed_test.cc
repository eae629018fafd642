// Replicas agree: a change committed through one replica reaches another replica's feed,
// by notification, or by the version poll when a notification was missed; a rolled back
// change never does.
#include "host/postgres/pg_change_feed.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include "host/postgres/pg_schema.h"
#include "host/postgres/pg_write.h"
#include "support/postgres_cluster.h"

namespace needlework::host::pg {
namespace {

using ::testing::Contains;
using ::testing::Not;
using testing::PostgresCluster;

// The topics a feed delivered, readable from the test thread.
class Topics {
 public:
  void Add(const std::string& topic) {
    std::lock_guard lock(mutex_);
    topics_.push_back(topic);
  }
  std::vector<std::string> Get() {
    std::lock_guard lock(mutex_);
    return topics_;
  }
  // Polls (up to 60 s, a generous bound for a loaded machine) until `topic` arrived.
  bool WaitFor(const std::string& topic) {
    for (int i = 0; i < 6000; ++i) {
      for (const auto& seen : Get()) {
        if (seen == topic) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> topics_;
};

size_t Reloads(Topics& topics) {
  size_t reloads = 0;
  for (const auto& topic : topics.Get()) reloads += topic.empty() ? 1 : 0;
  return reloads;
}

class PgChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto cluster = PostgresCluster::Create();
    ASSERT_TRUE(cluster.ok()) << cluster.status().ToString();
    cluster_ = std::move(cluster).value();
    auto pool = Pool::Open({cluster_->Dsn(), 2, std::chrono::seconds(30)});
    ASSERT_TRUE(pool.ok()) << pool.status().ToString();
    pool_ = std::move(pool).value();
    auto lease = pool_->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE(MigrateSchema(**lease, false).ok());
  }

  std::unique_ptr<ChangeFeed> StartFeed(Topics& topics) {
    ChangeFeed::Options options;
    options.dsn = cluster_->Dsn();
    options.poll_interval = std::chrono::milliseconds(100);
    auto feed = std::make_unique<ChangeFeed>(
        options, [&topics](const std::string& topic) { topics.Add(topic); });
    // Connected and past its first (full) reload.
    EXPECT_TRUE(topics.WaitFor(""));
    return feed;
  }

  Status Publish(const std::string& topic) {
    return RunWrite(*pool_,
                    [&](Connection& connection) { return PublishChange(connection, topic); });
  }

  std::unique_ptr<PostgresCluster> cluster_;
  std::unique_ptr<Pool> pool_;
};

TEST_F(PgChangeFeedTest, ACommittedChangeReachesAnotherReplica) {
  Topics topics;
  auto feed = StartFeed(topics);
  ASSERT_TRUE(Publish("tokens").ok());
  EXPECT_TRUE(topics.WaitFor("tokens"));
  ASSERT_TRUE(Publish("plugins:clinic_1").ok());
  EXPECT_TRUE(topics.WaitFor("plugins:clinic_1"));
}

TEST_F(PgChangeFeedTest, ARolledBackChangeIsNeverDelivered) {
  Topics topics;
  auto feed = StartFeed(topics);
  Status rolled_back = RunWrite(*pool_, [](Connection& connection) -> Status {
    NW_RETURN_IF_ERROR(PublishChange(connection, "never"));
    return FailedPreconditionError("rolled back");
  });
  ASSERT_EQ(rolled_back.code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(Publish("after").ok());
  ASSERT_TRUE(topics.WaitFor("after"));  // notifications arrive in commit order
  EXPECT_THAT(topics.Get(), Not(Contains("never")));
}

TEST_F(PgChangeFeedTest, AChangeWithoutANotificationIsCaughtByTheVersionPoll) {
  Topics topics;
  auto feed = StartFeed(topics);
  int64_t before = feed->deliveries();
  // A change whose notification is lost: the version moves, nothing is sent.
  {
    auto lease = pool_->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->Execute("UPDATE change_version SET version = version + 1").ok());
  }
  for (int i = 0; i < 6000 && feed->deliveries() == before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GT(feed->deliveries(), before);
  EXPECT_EQ(topics.Get().back(), "") << "a caught-up change reloads everything";
}

TEST_F(PgChangeFeedTest, TheFeedReconnectsAfterTheDatabaseRestartsAndReloads) {
  Topics topics;
  auto feed = StartFeed(topics);
  size_t reloads_before = Reloads(topics);
  ASSERT_TRUE(cluster_->Stop().ok());
  for (int i = 0; i < 6000 && feed->connected(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(feed->connected());
  ASSERT_TRUE(cluster_->Start().ok());
  for (int i = 0; i < 6000 && !feed->connected(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(feed->connected());
  for (int i = 0; i < 6000 && Reloads(topics) == reloads_before; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GT(Reloads(topics), reloads_before) << "a reconnected feed reloads everything once";
  // The pool's idle connection died with the server; the write still succeeds on a new one.
  ASSERT_TRUE(Publish("resources:clinic_1").ok());
  EXPECT_TRUE(topics.WaitFor("resources:clinic_1"));
}

}  // namespace
}  // namespace needlework::host::pg
