// A runner's output becomes host log lines: split at newlines, long lines cut and marked,
// and bounded per runner by a token bucket.
#include "host/isolation/runner_output.h"

#include <gmock/gmock.h>

namespace needlework::host::isolation {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Split(const std::vector<std::string>& chunks) {
  LineSplitter splitter;
  std::vector<std::string> lines;
  auto take = [&](std::string line) { lines.push_back(std::move(line)); };
  for (const auto& chunk : chunks) splitter.Feed(chunk, take);
  splitter.Finish(take);
  return lines;
}

TEST(LineSplitterTest, LinesAreSplitAtNewlinesAcrossChunks) {
  EXPECT_THAT(Split({"one\ntw", "o\n\nthr", "ee"}), ElementsAre("one", "two", "", "three"));
  EXPECT_THAT(Split({"a\n"}), ElementsAre("a"));
  EXPECT_THAT(Split({}), ElementsAre());
}

TEST(LineSplitterTest, ALongLineIsCutMarkedAndItsRestDropped) {
  std::string long_line(kMaxLineBytes + 10, 'x');
  std::string expected = std::string(kMaxLineBytes, 'x') + std::string(kCutMarker);
  EXPECT_THAT(Split({long_line + "\nnext\n"}), ElementsAre(expected, "next"));
  // The same without a newline in sight: cut as soon as it is too long, the rest dropped.
  EXPECT_THAT(Split({long_line, long_line, "\nnext"}), ElementsAre(expected, "next"));
  EXPECT_THAT(Split({std::string(kMaxLineBytes, 'y')}),
              ElementsAre(std::string(kMaxLineBytes, 'y')));
}

TEST(LineBudgetTest, ABurstPassesThenTheRateHolds) {
  auto start = LineBudget::Clock::now();
  LineBudget budget(start);
  int passed = 0;
  for (int i = 0; i < kLineBurst + 50; ++i) passed += budget.Take(start) ? 1 : 0;
  EXPECT_EQ(passed, kLineBurst);
  EXPECT_EQ(budget.DroppedToReport(start + std::chrono::milliseconds(100), false), 0);
  auto later = start + std::chrono::seconds(1);
  EXPECT_EQ(budget.DroppedToReport(later, false), 50);
  EXPECT_EQ(budget.DroppedToReport(later, true), 0);  // reported once
  passed = 0;
  for (int i = 0; i < kLinesPerSecond * 2; ++i) passed += budget.Take(later) ? 1 : 0;
  EXPECT_EQ(passed, kLinesPerSecond);  // a second's refill
}

TEST(RunnerOutputTest, MalformedLogFramesAreRefused) {
  RunnerOutput output("com.acme.rf", "clinic-a", 1024);
  std::string reply_frame = std::string("\x04\x00\x00\x00\x03", 5) + "abcd";
  EXPECT_EQ(output.LogChannel(reply_frame).code(), StatusCode::kDataLoss);
  RunnerOutput big("com.acme.rf", "clinic-a", 16);
  EXPECT_EQ(big.LogChannel(std::string("\xff\x00\x00\x00\x05", 5)).code(), StatusCode::kDataLoss);
  RunnerOutput partial("com.acme.rf", "clinic-a", 1024);
  EXPECT_TRUE(partial.LogChannel(std::string("\x08\x00\x00", 3)).ok());  // the rest comes later
}

}  // namespace
}  // namespace needlework::host::isolation
