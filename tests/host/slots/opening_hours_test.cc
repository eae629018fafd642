#include "host/slots/opening_hours.h"

#include <gmock/gmock.h>

#include "host/slots/slots_test_util.h"
#include "support/status_matchers.h"

namespace needlework::host::slots {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::IsOkAndHolds;
using testing::Locals;
using testing::Utc;
using testing::Zone;

constexpr int kSunday = 0;
constexpr int kMonday = 1;
constexpr int kSaturday = 6;

std::vector<OpeningHours> EveryDay(int open_minute, int close_minute) {
  std::vector<OpeningHours> hours;
  for (int day = 0; day < 7; ++day) hours.push_back({day, open_minute, close_minute});
  return hours;
}

TEST(CheckOpeningHoursTest, NamesTheFirstBadEntry) {
  EXPECT_THAT(CheckOpeningHours({{0, 0, 1440}, {6, 540, 1020}}), IsOk());
  EXPECT_THAT(CheckOpeningHours({{1, 540, 1020}, {7, 540, 1020}}),
              StatusIs(StatusCode::kInvalidArgument,
                       "opening hours[1]: weekday 7 is not 0 (Sunday) to 6 (Saturday)"));
  EXPECT_THAT(CheckOpeningHours({{-1, 540, 1020}}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("weekday -1")));
  const std::string kRule = "need 0 <= open_minute < close_minute <= 1440";
  EXPECT_THAT(CheckOpeningHours({{1, 600, 540}}),
              StatusIs(StatusCode::kInvalidArgument,
                       "opening hours[0]: open_minute 600, close_minute 540: " + kRule));
  EXPECT_THAT(CheckOpeningHours({{1, 540, 540}}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr(kRule)));
  EXPECT_THAT(CheckOpeningHours({{1, -15, 540}}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr(kRule)));
  EXPECT_THAT(CheckOpeningHours({{1, 540, 1441}}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr(kRule)));
}

TEST(WeekdayIndexTest, SundayIsZero) {
  EXPECT_EQ(WeekdayIndex(CivilDate(2026, 3, 29)), kSunday);
  EXPECT_EQ(WeekdayIndex(CivilDate(2026, 3, 30)), kMonday);
  EXPECT_EQ(WeekdayIndex(CivilDate(2026, 3, 28)), kSaturday);
}

TEST(LocalOpeningIntervalsTest, NineToFiveIsWallClockOnBothSidesOfTheChange) {
  ClinicZone london = Zone("Europe/London");
  EXPECT_THAT(LocalOpeningIntervals(london, EveryDay(540, 1020),
                                    {CivilDate(2026, 3, 28), CivilDate(2026, 3, 29)}),
              IsOkAndHolds(std::vector<Interval>{
                  {Utc("2026-03-28T09:00:00Z"), Utc("2026-03-28T17:00:00Z")},
                  {Utc("2026-03-29T08:00:00Z"), Utc("2026-03-29T16:00:00Z")}}));
  EXPECT_THAT(LocalOpeningIntervals(london, EveryDay(540, 1020),
                                    {CivilDate(2026, 10, 24), CivilDate(2026, 10, 25)}),
              IsOkAndHolds(std::vector<Interval>{
                  {Utc("2026-10-24T08:00:00Z"), Utc("2026-10-24T16:00:00Z")},
                  {Utc("2026-10-25T09:00:00Z"), Utc("2026-10-25T17:00:00Z")}}));
}

TEST(LocalOpeningIntervalsTest, LunchBreakSpansComeOutInStartOrder) {
  std::vector<OpeningHours> hours = {{kMonday, 780, 1020}, {kMonday, 540, 720}};
  EXPECT_THAT(LocalOpeningIntervals(Zone("Asia/Kolkata"), hours,
                                    {CivilDate(2026, 3, 29), CivilDate(2026, 3, 30)}),
              IsOkAndHolds(std::vector<Interval>{
                  {Utc("2026-03-30T03:30:00Z"), Utc("2026-03-30T06:30:00Z")},
                  {Utc("2026-03-30T07:30:00Z"), Utc("2026-03-30T11:30:00Z")}}));
}

TEST(LocalOpeningIntervalsTest, SpanInsideTheGapIsDroppedAndGapEdgesMeetAtTheChange) {
  ClinicZone london = Zone("Europe/London");
  std::vector<OpeningHours> one_to_two = {{kSunday, 60, 120}};
  EXPECT_THAT(
      LocalOpeningIntervals(london, one_to_two, {CivilDate(2026, 3, 29), CivilDate(2026, 4, 5)}),
      IsOkAndHolds(
          std::vector<Interval>{{Utc("2026-04-05T00:00:00Z"), Utc("2026-04-05T01:00:00Z")}}));
  std::vector<OpeningHours> half_past = {{kSunday, 90, 240}};  // opens inside the gap
  EXPECT_THAT(
      LocalOpeningIntervals(london, half_past, {CivilDate(2026, 3, 29), CivilDate(2026, 3, 29)}),
      IsOkAndHolds(
          std::vector<Interval>{{Utc("2026-03-29T01:00:00Z"), Utc("2026-03-29T03:00:00Z")}}));
}

TEST(LocalOpeningIntervalsTest, BadHoursOrRangeAreInvalidArgument) {
  ClinicZone london = Zone("Europe/London");
  EXPECT_THAT(
      LocalOpeningIntervals(london, {{9, 0, 60}}, {CivilDate(2026, 1, 1), CivilDate(2026, 1, 2)}),
      StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("weekday 9")));
  EXPECT_THAT(LocalOpeningIntervals(london, {}, {CivilDate(2026, 1, 2), CivilDate(2026, 1, 1)}),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("before it starts")));
}

TEST(CandidateStartsOnTest, NoStartInsideTheSpringGap) {
  ClinicZone london = Zone("Europe/London");
  std::vector<int64_t> starts =
      CandidateStartsOn(CivilDate(2026, 3, 29), {{kSunday, 0, 240}}, london, 30, 30 * 60);
  EXPECT_THAT(Locals(starts, london),
              ElementsAre("2026-03-29T00:00:00+00:00", "2026-03-29T00:30:00+00:00",
                          "2026-03-29T02:00:00+01:00", "2026-03-29T02:30:00+01:00",
                          "2026-03-29T03:00:00+01:00", "2026-03-29T03:30:00+01:00"));
}

TEST(CandidateStartsOnTest, RepeatedHourIsOfferedOnceAtItsEarlierInstant) {
  ClinicZone london = Zone("Europe/London");
  std::vector<int64_t> starts =
      CandidateStartsOn(CivilDate(2026, 10, 25), {{kSunday, 0, 180}}, london, 30, 30 * 60);
  EXPECT_THAT(Locals(starts, london),
              ElementsAre("2026-10-25T00:00:00+01:00", "2026-10-25T00:30:00+01:00",
                          "2026-10-25T01:00:00+01:00", "2026-10-25T01:30:00+01:00",
                          "2026-10-25T02:00:00+00:00", "2026-10-25T02:30:00+00:00"));
}

TEST(CandidateStartsOnTest, StartsAreOnTheStepGridOfTheDayAndSlotsFitTheSpan) {
  ClinicZone london = Zone("Europe/London");
  EXPECT_THAT(
      Locals(CandidateStartsOn(CivilDate(2026, 6, 1), {{kMonday, 550, 600}}, london, 15, 15 * 60),
             london),
      ElementsAre("2026-06-01T09:15:00+01:00", "2026-06-01T09:30:00+01:00",
                  "2026-06-01T09:45:00+01:00"));
  EXPECT_THAT(
      Locals(CandidateStartsOn(CivilDate(2026, 6, 1), {{kMonday, 540, 600}}, london, 15, 45 * 60),
             london),
      ElementsAre("2026-06-01T09:00:00+01:00", "2026-06-01T09:15:00+01:00"));
  EXPECT_THAT(CandidateStartsOn(CivilDate(2026, 6, 2), {{kMonday, 540, 600}}, london, 15, 900),
              IsEmpty());  // a Tuesday
}

TEST(CandidateStartsOnTest, OverlappingSpansAreNotMergedAndStartsAreDistinct) {
  ClinicZone london = Zone("Europe/London");
  std::vector<OpeningHours> hours = {{kMonday, 540, 720}, {kMonday, 660, 840}};
  EXPECT_THAT(Locals(CandidateStartsOn(CivilDate(2026, 6, 1), hours, london, 60, 2 * 3600), london),
              ElementsAre("2026-06-01T09:00:00+01:00", "2026-06-01T10:00:00+01:00",
                          "2026-06-01T11:00:00+01:00", "2026-06-01T12:00:00+01:00"));
  EXPECT_THAT(CandidateStartsOn(CivilDate(2026, 6, 1), hours, london, 60, 4 * 3600), IsEmpty());
}

}  // namespace
}  // namespace needlework::host::slots
