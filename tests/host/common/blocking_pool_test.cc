#include "host/common/blocking_pool.h"

#include <gmock/gmock.h>

#include <atomic>
#include <future>

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(BlockingPoolTest, RunsWhatIsSubmitted) {
  std::atomic<int> ran{0};
  {
    BlockingPool pool(2, 8);
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(pool.Submit([&] { ++ran; }).ok());
  }  // the destructor runs what is queued, then joins
  EXPECT_EQ(ran, 5);
}

TEST(BlockingPoolTest, AFullQueueIsRefusedAtOnceAndTheRefusedWorkNeverRuns) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  std::atomic<int> ran{0};
  BlockingPool pool(1, 2);
  ASSERT_TRUE(pool.Submit([&] {
                    started.set_value();
                    released.wait();
                  })
                  .ok());
  started.get_future().wait();  // the one thread is busy
  EXPECT_TRUE(pool.Submit([&] { ++ran; }).ok());
  EXPECT_TRUE(pool.Submit([&] { ++ran; }).ok());
  Status refused = pool.Submit([&] { ran += 100; });
  EXPECT_EQ(refused.code(), StatusCode::kResourceExhausted);
  EXPECT_THAT(refused.message(), HasSubstr("retry"));
  release.set_value();
  std::promise<void> last;
  while (!pool.Submit([&] { last.set_value(); }).ok()) std::this_thread::yield();
  last.get_future().wait();
  EXPECT_EQ(ran, 2);
}

}  // namespace
}  // namespace needlework::host
