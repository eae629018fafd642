#include "hours.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace needlework::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// "weekday open-close" for each span of `words`; the error message when they do not parse.
std::vector<std::string> Spans(const std::vector<std::string>& words) {
  StatusOr<std::vector<v1::OpeningSpan>> spans = ParseOpeningHours(words);
  if (!spans.ok()) return {"error: " + spans.status().message()};
  std::vector<std::string> text;
  for (const v1::OpeningSpan& span : *spans) {
    text.push_back(std::to_string(span.weekday()) + " " + span.open() + "-" + span.close());
  }
  return text;
}

std::string Problem(const std::vector<std::string>& words) {
  StatusOr<std::vector<v1::OpeningSpan>> spans = ParseOpeningHours(words);
  EXPECT_FALSE(spans.ok());
  EXPECT_EQ(spans.status().code(), StatusCode::kInvalidArgument);
  return spans.status().message();
}

TEST(ParseOpeningHoursTest, RangeOfDaysNumberedFromSunday) {
  EXPECT_THAT(Spans({"mon-fri 09:00-17:00"}),
              ElementsAre("1 09:00-17:00", "2 09:00-17:00", "3 09:00-17:00", "4 09:00-17:00",
                          "5 09:00-17:00"));
  EXPECT_THAT(Spans({"sat-sun 10:00-14:00"}), ElementsAre("6 10:00-14:00", "0 10:00-14:00"));
}

TEST(ParseOpeningHoursTest, LunchBreakAndListsOfDays) {
  EXPECT_THAT(Spans({"mon 09:00-12:30,13:30-18:00"}),
              ElementsAre("1 09:00-12:30", "1 13:30-18:00"));
  EXPECT_THAT(Spans({"mon,wed,fri-sat 08:00-12:00"}),
              ElementsAre("1 08:00-12:00", "3 08:00-12:00", "5 08:00-12:00", "6 08:00-12:00"));
}

TEST(ParseOpeningHoursTest, SortsByDayMondayFirstThenOpening) {
  EXPECT_THAT(Spans({"sun 10:00-12:00", "tue 14:00-18:00,08:00-12:00", "mon 09:00-17:00"}),
              ElementsAre("1 09:00-17:00", "2 08:00-12:00", "2 14:00-18:00", "0 10:00-12:00"));
}

TEST(ParseOpeningHoursTest, OneWordOrTwoPerSpecAndExtraSpaces) {
  std::vector<std::string> expected = {"1 09:00-17:00", "6 10:00-14:00"};
  EXPECT_EQ(Spans({"mon 09:00-17:00", "sat 10:00-14:00"}), expected);
  EXPECT_EQ(Spans({"mon", "09:00-17:00", "sat", "10:00-14:00"}), expected);
  EXPECT_EQ(Spans({"  mon   09:00-17:00 sat", "10:00-14:00 "}), expected);
  EXPECT_EQ(Spans({"mon\t09:00-17:00\n", "sat 10:00-14:00"}), expected);
}

TEST(ParseOpeningHoursTest, FullNamesAnyCaseShortHoursAndMidnight) {
  EXPECT_THAT(Spans({"Monday 9:00-17:30", "SUN 18:00-24:00", "tuesday 00:00-24:00"}),
              ElementsAre("1 09:00-17:30", "2 00:00-24:00", "0 18:00-24:00"));
}

TEST(ParseOpeningHoursTest, ClosedNamesADayWithoutHours) {
  EXPECT_EQ(Spans({"mon-fri 09:00-17:00", "sat-sun closed"}).size(), 5u);
  EXPECT_TRUE(Spans({"mon-sun closed"}).empty());
}

TEST(ParseOpeningHoursTest, BadDays) {
  const std::string want_day =
      " is not a day: want mon, tue, wed, thu, fri, sat or sun, or a range like mon-fri";
  EXPECT_EQ(Problem({"funday 09:00-17:00"}), "'funday'" + want_day);
  EXPECT_EQ(Problem({"mon- 09:00-17:00"}), "'mon-'" + want_day);
  EXPECT_EQ(Problem({"mon-tue-wed 09:00-17:00"}), "'mon-tue-wed'" + want_day);
  EXPECT_EQ(Problem({"mon,,tue 09:00-17:00"}), "''" + want_day);
  EXPECT_EQ(Problem({"fri-mon 09:00-17:00"}),
            "'fri-mon' runs backwards: day ranges go from mon "
            "to sun");
  EXPECT_EQ(Problem({"mon,mon-wed 09:00-17:00"}), "'mon,mon-wed' names mon twice");
}

TEST(ParseOpeningHoursTest, BadHours) {
  const std::string want_hours =
      " is not opening hours: want HH:MM-HH:MM (00:00 to 24:00), e.g. 09:00-17:00, or closed";
  for (const char* hours : {"9-17", "09:00", "09:00-", "-17:00", "09:60-17:00", "24:00-24:00",
                            "09:00-24:30", "09:00-25:00", "0900-1700", "09:0-17:00", "open"}) {
    EXPECT_EQ(Problem({std::string("mon ") + hours}), "'" + std::string(hours) + "'" + want_hours)
        << hours;
  }
  EXPECT_EQ(Problem({"mon 09:00-12:00,"}), "''" + want_hours);
  EXPECT_EQ(Problem({"mon 17:00-09:00"}), "'17:00-09:00' closes before it opens");
  EXPECT_EQ(Problem({"mon 09:00-09:00"}), "'09:00-09:00' closes before it opens");
  EXPECT_EQ(Problem({"mon 09:00-13:00,12:00-18:00"}),
            "'09:00-13:00,12:00-18:00': 09:00-13:00 and 12:00-18:00 overlap");
  // Touching spans do not overlap.
  EXPECT_EQ(Spans({"mon 09:00-12:00,12:00-18:00"}).size(), 2u);
}

TEST(ParseOpeningHoursTest, DaysWithoutHours) {
  EXPECT_EQ(Problem({"mon-fri"}),
            "'mon-fri' has no hours after it: want e.g. mon-fri 09:00-17:00, or mon-fri closed");
  EXPECT_EQ(Problem({"mon 09:00-17:00 sat"}),
            "'sat' has no hours after it: want e.g. sat 09:00-17:00, or sat closed");
  EXPECT_EQ(Problem({"mon tue 09:00-17:00"}),
            "'mon' has no hours before 'tue': list days together, as mon,tue");
}

TEST(ParseOpeningHoursTest, DayGivenTwice) {
  EXPECT_EQ(Problem({"mon-fri 09:00-17:00", "wed 18:00-20:00"}),
            "wed is given twice ('mon-fri' and 'wed'): give all its hours in one spec, e.g. wed "
            "09:00-12:30,13:30-18:00");
  EXPECT_EQ(Problem({"sun closed", "sat-sun 10:00-12:00"}),
            "sun is given twice ('sun' and 'sat-sun'): give all its hours in one spec, e.g. sun "
            "09:00-12:30,13:30-18:00");
}

TEST(ParseOpeningHoursTest, NothingGiven) {
  EXPECT_EQ(Problem({}), "no opening hours given: want e.g. \"mon-fri 09:00-17:00\"");
  EXPECT_EQ(Problem({"  "}), "no opening hours given: want e.g. \"mon-fri 09:00-17:00\"");
}

TEST(WeekdayNameTest, FromSundayZero) {
  EXPECT_EQ(WeekdayName(0), "sun");
  EXPECT_EQ(WeekdayName(1), "mon");
  EXPECT_EQ(WeekdayName(6), "sat");
  EXPECT_EQ(WeekdayName(7), "day 7");
  EXPECT_EQ(WeekdayName(-1), "day -1");
}

v1::OpeningSpan Span(int weekday, const std::string& open, const std::string& close) {
  v1::OpeningSpan span;
  span.set_weekday(weekday);
  span.set_open(open);
  span.set_close(close);
  return span;
}

TEST(WeekRowsTest, MondayToSundayWithClosedDaysAndSortedSpans) {
  google::protobuf::RepeatedPtrField<v1::OpeningSpan> spans;
  *spans.Add() = Span(0, "10:00", "14:00");
  *spans.Add() = Span(1, "13:30", "18:00");
  *spans.Add() = Span(1, "09:00", "12:30");
  *spans.Add() = Span(9, "08:00", "09:00");
  EXPECT_THAT(
      WeekRows(spans),
      ElementsAre(Pair("mon", "09:00-12:30, 13:30-18:00"), Pair("tue", "closed"),
                  Pair("wed", "closed"), Pair("thu", "closed"), Pair("fri", "closed"),
                  Pair("sat", "closed"), Pair("sun", "10:00-14:00"), Pair("day 9", "08:00-09:00")));
}

TEST(WeekRowsTest, RoundTripsWhatTheParserBuilds) {
  StatusOr<std::vector<v1::OpeningSpan>> parsed =
      ParseOpeningHours({"mon-fri 09:00-12:30,13:30-18:00", "sat 10:00-14:00"});
  ASSERT_TRUE(parsed.ok());
  google::protobuf::RepeatedPtrField<v1::OpeningSpan> spans(parsed->begin(), parsed->end());
  auto rows = WeekRows(spans);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[4], std::make_pair(std::string("fri"), std::string("09:00-12:30, 13:30-18:00")));
  EXPECT_EQ(rows[5], std::make_pair(std::string("sat"), std::string("10:00-14:00")));
  EXPECT_EQ(rows[6], std::make_pair(std::string("sun"), std::string("closed")));
}

}  // namespace
}  // namespace needlework::ctl
