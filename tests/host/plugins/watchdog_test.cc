#include "host/plugins/watchdog.h"

#include <gmock/gmock.h>

#include <atomic>
#include <future>

namespace needlework::host {
namespace {

using namespace std::chrono_literals;

TEST(WatchdogTest, FiresAfterTheDeadline) {
  Watchdog watchdog;
  std::promise<void> fired;
  watchdog.Schedule(Watchdog::Clock::now() + 5ms, [&] { fired.set_value(); });
  EXPECT_EQ(fired.get_future().wait_for(10s), std::future_status::ready);
}

TEST(WatchdogTest, CancelledBeforeTheDeadlineNeverFires) {
  Watchdog watchdog;
  std::atomic<bool> fired{false};
  auto id = watchdog.Schedule(Watchdog::Clock::now() + 1h, [&] { fired = true; });
  EXPECT_TRUE(watchdog.Cancel(id));
  EXPECT_FALSE(watchdog.Cancel(id));  // a second cancel finds nothing
  EXPECT_FALSE(fired);
}

TEST(WatchdogTest, CancelAfterFiringSaysSo) {
  Watchdog watchdog;
  std::promise<void> fired;
  auto id = watchdog.Schedule(Watchdog::Clock::now(), [&] { fired.set_value(); });
  fired.get_future().wait();
  EXPECT_FALSE(watchdog.Cancel(id));
}

TEST(WatchdogTest, EarlierDeadlinesFireFirst) {
  Watchdog watchdog;
  std::mutex mutex;
  std::vector<int> order;
  std::promise<void> done;
  auto now = Watchdog::Clock::now();
  watchdog.Schedule(now + 30ms, [&] {
    std::lock_guard lock(mutex);
    order.push_back(2);
    done.set_value();
  });
  watchdog.Schedule(now + 1ms, [&] {
    std::lock_guard lock(mutex);
    order.push_back(1);
  });
  ASSERT_EQ(done.get_future().wait_for(10s), std::future_status::ready);
  std::lock_guard lock(mutex);
  EXPECT_THAT(order, ::testing::ElementsAre(1, 2));
}

}  // namespace
}  // namespace needlework::host
