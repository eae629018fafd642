// UTC calendar days: conversion, formatting, parsing and age.
#include "plugins/scheduling/civil_date.h"

#include <gtest/gtest.h>

namespace needlework::scheduling {
namespace {

TEST(CivilDateTest, UtcDayFloorsToTheCalendarDate) {
  EXPECT_EQ(FormatDay(UtcDay(0)), "1970-01-01");
  EXPECT_EQ(FormatDay(UtcDay(86399)), "1970-01-01");
  EXPECT_EQ(FormatDay(UtcDay(86400)), "1970-01-02");
  EXPECT_EQ(FormatDay(UtcDay(-1)), "1969-12-31");
  EXPECT_EQ(FormatDay(UtcDay(1709337600)), "2024-03-02");  // 2024-03-02T00:00:00Z
}

TEST(CivilDateTest, DaysBetweenAndAddDaysCrossMonthsAndLeapDays) {
  const Day start = *ParseDay("2024-02-01");
  EXPECT_EQ(DaysBetween(start, *ParseDay("2024-03-01")), 29);
  EXPECT_EQ(DaysBetween(*ParseDay("2024-03-01"), start), -29);
  EXPECT_EQ(FormatDay(AddDays(start, 28)), "2024-02-29");
  EXPECT_EQ(FormatDay(AddDays(*ParseDay("2023-12-20"), 42)), "2024-01-31");
  EXPECT_EQ(FormatDay(AddDays(start, -1)), "2024-01-31");
}

TEST(CivilDateTest, ParseDayAcceptsOnlyRealFullDates) {
  EXPECT_TRUE(ParseDay("2024-02-29").has_value());
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "1980", "1980-04", "1980-4-01",
                           "1980-04-01T10:00", "+980-04-01", "abcd-ef-gh", ""}) {
    EXPECT_FALSE(ParseDay(text).has_value()) << text;
  }
}

TEST(CivilDateTest, AgeCountsCompletedYears) {
  const Day birth = *ParseDay("1974-06-02");
  EXPECT_EQ(AgeInYears(birth, *ParseDay("2024-06-01")), 49);
  EXPECT_EQ(AgeInYears(birth, *ParseDay("2024-06-02")), 50);
  const Day leap = *ParseDay("2000-02-29");
  EXPECT_EQ(AgeInYears(leap, *ParseDay("2023-02-28")), 22);
  EXPECT_EQ(AgeInYears(leap, *ParseDay("2023-03-01")), 23);
  EXPECT_EQ(AgeInYears(leap, *ParseDay("2024-02-29")), 24);
}

}  // namespace
}  // namespace needlework::scheduling
