#include "host/slots/busy_index.h"

#include <gtest/gtest.h>

#include "host/slots/interval.h"

namespace needlework::host::slots {
namespace {

constexpr Interval kEverything{0, 1'000'000};

TEST(OverlapsTest, HalfOpenIntervals) {
  EXPECT_TRUE(Overlaps({10, 20}, {15, 25}));
  EXPECT_TRUE(Overlaps({10, 20}, {10, 20}));
  EXPECT_TRUE(Overlaps({10, 20}, {12, 13}));  // nested
  EXPECT_TRUE(Overlaps({12, 13}, {10, 20}));
  EXPECT_TRUE(Overlaps({10, 20}, {19, 30}));
  EXPECT_FALSE(Overlaps({10, 20}, {20, 30}));  // touching
  EXPECT_FALSE(Overlaps({20, 30}, {10, 20}));
  EXPECT_FALSE(Overlaps({10, 20}, {30, 40}));
  EXPECT_FALSE(Overlaps({15, 15}, {10, 20}));  // empty
  EXPECT_FALSE(Overlaps({10, 20}, {18, 12}));  // reversed counts as empty
}

TEST(BusyIndexTest, EmptyIndexIsAlwaysFree) {
  BusyIndex index;
  EXPECT_TRUE(index.IsFree({0, 100}));
  EXPECT_EQ(index.size(), 0u);
}

TEST(BusyIndexTest, TouchingIsFreeAndAnyOverlapIsBusy) {
  BusyIndex index({{100, 200}}, kEverything);
  EXPECT_TRUE(index.IsFree({50, 100}));
  EXPECT_TRUE(index.IsFree({200, 260}));
  EXPECT_FALSE(index.IsFree({50, 101}));
  EXPECT_FALSE(index.IsFree({199, 260}));
  EXPECT_FALSE(index.IsFree({120, 130}));  // inside
  EXPECT_FALSE(index.IsFree({0, 1000}));   // around
  EXPECT_FALSE(index.IsFree({100, 200}));  // equal
}

TEST(BusyIndexTest, UnsortedOverlappingAndTouchingIntervalsAreMerged) {
  BusyIndex index({{500, 600}, {100, 200}, {150, 300}, {300, 320}, {700, 700}, {120, 130}},
                  kEverything);
  EXPECT_EQ(index.size(), 2u);  // [100, 320) and [500, 600); the empty one is dropped
  EXPECT_FALSE(index.IsFree({310, 330}));
  EXPECT_TRUE(index.IsFree({320, 500}));
  EXPECT_TRUE(index.IsFree({600, 800}));
  EXPECT_FALSE(index.IsFree({0, 101}));
}

TEST(BusyIndexTest, KeepsOnlyIntervalsOverlappingTheHorizon) {
  BusyIndex index({{0, 10}, {90, 110}, {150, 160}, {200, 210}, {300, 400}}, {100, 200});
  EXPECT_EQ(index.size(), 2u);
  EXPECT_FALSE(index.IsFree({100, 105}));
  EXPECT_FALSE(index.IsFree({155, 158}));
}

TEST(BusyIndexTest, ManyIntervalsAgreeWithAScan) {
  std::vector<Interval> busy;
  for (int64_t i = 0; i < 500; ++i) busy.push_back({(i * 7919) % 10000, (i * 7919) % 10000 + 13});
  BusyIndex index(busy, kEverything);
  for (int64_t start = 0; start < 10050; start += 3) {
    Interval slot{start, start + 9};
    bool scan_free = true;
    for (const Interval& b : busy) scan_free = scan_free && !Overlaps(b, slot);
    EXPECT_EQ(index.IsFree(slot), scan_free) << start;
  }
}

}  // namespace
}  // namespace needlework::host::slots
