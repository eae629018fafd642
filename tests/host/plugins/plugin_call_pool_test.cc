#include "host/plugins/plugin_call_pool.h"

#include <gmock/gmock.h>

#include <atomic>
#include <future>
#include <thread>

namespace needlework::host {
namespace {

using namespace std::chrono_literals;

// True when a call submitted to `pool` runs within 10 s.
bool TakesACall(PluginCallPool& pool) {
  auto ran = std::make_shared<std::promise<void>>();
  pool.Submit([ran](PluginCallPool::WorkerId) { ran->set_value(); });
  return ran->get_future().wait_for(10s) == std::future_status::ready;
}

// Lets the test's stuck call return, then expects its thread to leave the pool's count.
void ExpectNoneLeftOnceReleased(std::promise<void>& release, PluginCallPool& pool,
                                const std::string& plugin_id) {
  release.set_value();
  for (int i = 0; i < 1000 && pool.written_off() > 0; ++i) std::this_thread::sleep_for(5ms);
  EXPECT_EQ(pool.written_off(), 0);
  EXPECT_FALSE(pool.Saturated(plugin_id));
}

TEST(PluginCallPoolTest, RunsCallsOnItsOwnThreads) {
  PluginCallPool pool(2);
  std::promise<std::thread::id> ran_on;
  pool.Submit([&](PluginCallPool::WorkerId) { ran_on.set_value(std::this_thread::get_id()); });
  auto future = ran_on.get_future();
  ASSERT_EQ(future.wait_for(10s), std::future_status::ready);
  EXPECT_TRUE(future.get() != std::this_thread::get_id());
}

TEST(PluginCallPoolTest, WrittenOffWorkerIsReplacedAndLeavesWhenItsCallReturns) {
  PluginCallPool pool(1, /*max_written_off_per_plugin=*/1);
  std::promise<PluginCallPool::WorkerId> stuck_worker;
  std::promise<void> release;
  auto released = release.get_future().share();
  pool.Submit([&, released](PluginCallPool::WorkerId id) {
    stuck_worker.set_value(id);
    released.wait();  // a plugin call that hangs until the test lets it go
  });
  auto id = stuck_worker.get_future().get();
  pool.WriteOff(id, "vendor.stuck");
  EXPECT_TRUE(pool.Saturated("vendor.stuck"));
  EXPECT_FALSE(pool.Saturated("vendor.other"));
  EXPECT_EQ(pool.written_off(), 1);

  // The only worker is stuck, yet the next call runs: on its replacement.
  EXPECT_TRUE(TakesACall(pool));
  ExpectNoneLeftOnceReleased(release, pool, "vendor.stuck");
}

TEST(PluginCallPoolTest, RunsApartOnAThreadOfItsOwnCountedAsWrittenOff) {
  PluginCallPool pool(1, /*max_written_off_per_plugin=*/1);
  std::promise<std::thread::id> ran_on;
  std::promise<void> release;
  auto released = release.get_future().share();
  pool.RunsApart()("vendor.stuck", [&, released] {
    ran_on.set_value(std::this_thread::get_id());
    released.wait();  // a destructor that hangs until the test lets it go
  });
  EXPECT_NE(ran_on.get_future().get(), std::this_thread::get_id());
  EXPECT_EQ(pool.written_off(), 1);
  EXPECT_TRUE(pool.Saturated("vendor.stuck"));

  EXPECT_TRUE(TakesACall(pool));  // it holds no worker: the pool's only one is free
  ExpectNoneLeftOnceReleased(release, pool, "vendor.stuck");
}

TEST(PluginCallPoolTest, RunsApartOnTheCallingThreadOncePoolIsGone) {
  PluginCallPool::Apart apart;
  { apart = PluginCallPool(1).RunsApart(); }
  std::thread::id ran_on;
  apart("vendor.late", [&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(PluginCallPoolTest, DestructionRunsQueuedCalls) {
  std::atomic<int> ran{0};
  {
    PluginCallPool pool(1);
    for (int i = 0; i < 5; ++i) pool.Submit([&](PluginCallPool::WorkerId) { ++ran; });
  }
  EXPECT_EQ(ran.load(), 5);
}

}  // namespace
}  // namespace needlework::host
