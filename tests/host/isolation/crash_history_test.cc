// A runner's deaths: the backoff doubles within the crash window, and max_crashes within
// it gives up; how a death reads.
#include "host/isolation/crash_history.h"

#include <gmock/gmock.h>

namespace needlework::host::isolation {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

IsolationConfig Config() {
  IsolationConfig config;
  config.backoff_initial = milliseconds(100);
  config.backoff_max = milliseconds(350);
  config.max_crashes = 4;
  config.crash_window = seconds(60);
  return config;
}

TEST(CrashHistoryTest, BackoffDoublesUpToTheMaximum) {
  CrashHistory history(Config());
  auto now = CrashHistory::Clock::now();
  EXPECT_FALSE(history.Record(now));
  EXPECT_EQ(history.Backoff(), milliseconds(100));
  EXPECT_FALSE(history.Record(now + seconds(1)));
  EXPECT_EQ(history.Backoff(), milliseconds(200));
  EXPECT_FALSE(history.Record(now + seconds(2)));
  EXPECT_EQ(history.Backoff(), milliseconds(350));
}

TEST(CrashHistoryTest, MaxCrashesWithinTheWindowGivesUp) {
  CrashHistory history(Config());
  auto now = CrashHistory::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(history.Record(now + seconds(i)));
  EXPECT_TRUE(history.Record(now + seconds(3)));
}

TEST(CrashHistoryTest, DeathsOutsideTheWindowAreForgotten) {
  CrashHistory history(Config());
  auto now = CrashHistory::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(history.Record(now + seconds(i)));
  EXPECT_FALSE(history.Record(now + seconds(90)));  // the first three are over a minute old
  EXPECT_EQ(history.Backoff(), milliseconds(100));
}

TEST(DescribeExitTest, SaysHowTheProcessEnded) {
  siginfo_t info{};
  info.si_code = CLD_EXITED;
  info.si_status = 3;
  EXPECT_EQ(DescribeExit(info), "exited with status 3");
  info.si_code = CLD_KILLED;
  info.si_status = SIGSEGV;
  EXPECT_EQ(DescribeExit(info), "killed by SIGSEGV");
  info.si_code = CLD_DUMPED;
  info.si_status = SIGABRT;
  EXPECT_EQ(DescribeExit(info), "killed by SIGABRT (core dumped)");
  info.si_code = CLD_KILLED;
  info.si_status = SIGKILL;
  EXPECT_THAT(DescribeExit(info), ::testing::StartsWith("killed by SIGKILL (from outside"));
}

}  // namespace
}  // namespace needlework::host::isolation
