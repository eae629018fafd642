#include "host/audit/refusal_limiter.h"

#include <gtest/gtest.h>

namespace needlework::host {
namespace {

constexpr int64_t kSecond = 1'000'000;

TEST(RefusalLimiterTest, AKeyOverItsLimitWaitsForTheWindowToEnd) {
  RefusalLimiter limiter(3, std::chrono::seconds(60));
  int64_t start = 1'000 * kSecond;
  EXPECT_TRUE(limiter.Idle());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(limiter.WaitSeconds("ipv4:10.0.0.1", start), 0);
    limiter.Count("ipv4:10.0.0.1", start);
  }
  EXPECT_EQ(limiter.WaitSeconds("ipv4:10.0.0.1", start + 10 * kSecond), 50);
  EXPECT_EQ(limiter.WaitSeconds("ipv4:10.0.0.2", start), 0) << "another peer";
  EXPECT_EQ(limiter.WaitSeconds("ipv4:10.0.0.1", start + 59 * kSecond + 1), 1);
  EXPECT_EQ(limiter.WaitSeconds("ipv4:10.0.0.1", start + 60 * kSecond), 0) << "a new window";
  EXPECT_TRUE(limiter.Idle()) << "the ended window was dropped";
}

}  // namespace
}  // namespace needlework::host
