#include "host/slots/clinic_time.h"

#include <gmock/gmock.h>

#include <string>
#include <unordered_set>

#include "host/slots/slots_test_util.h"
#include "host/slots/zone_names.h"
#include "support/status_matchers.h"

namespace needlework::host::slots {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using testing::Days;
using ::testing::HasSubstr;
using testing::IsOkAndHolds;
using ::testing::Optional;
using testing::Utc;
using testing::Zone;

constexpr int64_t kHour = 3600;

TEST(ClinicZoneTest, LoadsAnIanaZoneAndKeepsItsName) {
  StatusOr<ClinicZone> zone = ClinicZone::Load("Europe/London");
  ASSERT_THAT(zone, IsOk());
  EXPECT_EQ(zone->name(), "Europe/London");
  EXPECT_THAT(ClinicZone::Load("UTC"), IsOk());
  EXPECT_THAT(ClinicZone::Load("America/Argentina/Buenos_Aires"), IsOk());
}

TEST(ClinicZoneTest, UnknownZoneIsInvalidArgumentWithAnExample) {
  EXPECT_THAT(ClinicZone::Load("Mars/Base"),
              StatusIs(StatusCode::kInvalidArgument,
                       "time zone \"Mars/Base\" is not in the tz database (" + TzdataZiPath() +
                           "); use an IANA name such as Europe/London"));
}

TEST(ClinicZoneTest, LinksOfTheTzDatabaseAreZonesToo) {
  for (const char* name : {"US/Eastern", "Etc/UTC", "Europe/Belfast", "Etc/GMT+5"}) {
    EXPECT_THAT(ClinicZone::Load(name), IsOk()) << name;
  }
}

// A file Abseil would load, but not a name of the tz database's list: refused before Abseil
// is asked (so it never caches it).
TEST(ClinicZoneTest, ZoneFilesOutsideTheTzDatabaseListAreRefused) {
  for (const char* name : {"posix/Europe/London", "Europe/London_", "Europe/Londo", "GMT+1"}) {
    EXPECT_THAT(ClinicZone::Load(name), StatusIs(StatusCode::kInvalidArgument,
                                                 HasSubstr("time zone \"" + std::string(name) +
                                                           "\" is not in the tz database")))
        << name;
  }
}

TEST(ZoneNamesTest, ParsesZonesAndLinksOfTzdataZi) {
  std::unordered_set<std::string> names = ParseZoneNames(
      "# version 2025b\n"
      "R E 1981 ma - Mar lastSu 1u 1 S\n"
      "Z Europe/London -0:1:15 - LMT 1847 D 1\n"
      "0 G% GMT/BST\n"
      "Z Etc/UTC 0 - UTC\n"
      "L Etc/UTC UTC\n"
      "L Europe/London GB\n");
  EXPECT_EQ(names, (std::unordered_set<std::string>{"Europe/London", "Etc/UTC", "UTC", "GB"}));
}

TEST(ZoneNamesTest, TheSystemListHoldsTheZonesClinicsUse) {
  for (const char* name : {"Europe/London", "UTC", "America/New_York", "Asia/Kolkata"}) {
    EXPECT_THAT(CheckZoneName(name), IsOk()) << name;
  }
  EXPECT_THAT(CheckZoneName("Mars/Base"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("Mars/Base")));
}

TEST(ClinicZoneTest, PathsAndNonZoneFilesAreRefused) {
  for (const char* name :
       {"", "/etc/localtime", "/usr/share/zoneinfo/Europe/London", "../../etc/passwd",
        "Europe/../Europe/London", "Europe//London", "Europe/London/", "file:Europe/London",
        "localtime", "posixrules", "right/Europe/London", "Europe/London ", "Europe/London\n"}) {
    EXPECT_THAT(ClinicZone::Load(name), StatusIs(StatusCode::kInvalidArgument, HasSubstr("IANA")))
        << name;
  }
  EXPECT_THAT(ClinicZone::Load(std::string(100, 'A')),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("IANA")));
}

TEST(ParseRfc3339Test, AcceptsZuluAndNumericOffsets) {
  EXPECT_THAT(ParseRfc3339("2026-03-29T09:00:00Z"), IsOkAndHolds(1774774800));
  EXPECT_THAT(ParseRfc3339("2026-03-29T09:00:00z"), IsOkAndHolds(1774774800));
  EXPECT_THAT(ParseRfc3339("2026-03-29t10:00:00+01:00"), IsOkAndHolds(1774774800));
  EXPECT_THAT(ParseRfc3339("2026-03-29T04:00:00-05:00"), IsOkAndHolds(1774774800));
  EXPECT_THAT(ParseRfc3339("2026-03-29T14:30:00+05:30"), IsOkAndHolds(1774774800));
}

TEST(ParseRfc3339Test, FractionalSecondsRoundDownTowardsThePast) {
  EXPECT_THAT(ParseRfc3339("2026-03-29T09:00:00.999Z"), IsOkAndHolds(1774774800));
  EXPECT_THAT(ParseRfc3339("1969-12-31T23:59:59.5Z"), IsOkAndHolds(-1));
}

TEST(ParseRfc3339Test, RejectsTextWithoutAnExplicitOffsetQuotingIt) {
  for (const char* text :
       {"2026-03-29T09:00:00", "2026-03-29 09:00:00Z", " 2026-03-29T09:00:00Z",
        "2026-03-29T09:00:00Z ", "2026-3-29T09:00:00Z", "2026-03-29T09:00Z",
        "2026-03-29T09:00:00+0100", "2026-03-29T09:00:00+01", "2026-02-30T09:00:00Z",
        "2026-03-29T25:00:00Z", "2026-03-29T09:00:00.Z", "infinite-future", "", "tomorrow"}) {
    EXPECT_THAT(ParseRfc3339(text),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("\"" + std::string(text) + "\"")))
        << text;
  }
}

TEST(FormatLocalTest, LondonOffsetsOnBothSidesOfEachChange) {
  ClinicZone london = Zone("Europe/London");
  EXPECT_EQ(FormatLocal(Utc("2026-03-29T00:59:59Z"), london), "2026-03-29T00:59:59+00:00");
  EXPECT_EQ(FormatLocal(Utc("2026-03-29T01:00:00Z"), london), "2026-03-29T02:00:00+01:00");
  EXPECT_EQ(FormatLocal(Utc("2026-03-29T09:00:00Z"), london), "2026-03-29T10:00:00+01:00");
  EXPECT_EQ(FormatLocal(Utc("2026-10-25T00:30:00Z"), london), "2026-10-25T01:30:00+01:00");
  EXPECT_EQ(FormatLocal(Utc("2026-10-25T01:30:00Z"), london), "2026-10-25T01:30:00+00:00");
  EXPECT_EQ(FormatLocal(Utc("2026-12-01T09:00:00Z"), london), "2026-12-01T09:00:00+00:00");
}

TEST(FormatLocalTest, NewYorkAndKolkataOffsets) {
  ClinicZone new_york = Zone("America/New_York");
  EXPECT_EQ(FormatLocal(Utc("2026-03-08T06:59:59Z"), new_york), "2026-03-08T01:59:59-05:00");
  EXPECT_EQ(FormatLocal(Utc("2026-03-08T07:00:00Z"), new_york), "2026-03-08T03:00:00-04:00");
  EXPECT_EQ(FormatLocal(Utc("2026-11-01T05:30:00Z"), new_york), "2026-11-01T01:30:00-04:00");
  EXPECT_EQ(FormatLocal(Utc("2026-11-01T06:30:00Z"), new_york), "2026-11-01T01:30:00-05:00");
  ClinicZone kolkata = Zone("Asia/Kolkata");
  EXPECT_EQ(FormatLocal(Utc("2026-01-15T03:30:00Z"), kolkata), "2026-01-15T09:00:00+05:30");
  EXPECT_EQ(FormatLocal(Utc("2026-07-15T03:30:00Z"), kolkata), "2026-07-15T09:00:00+05:30");
}

TEST(FormatLocalTest, RoundTripsThroughParseAcrossBothLondonChanges) {
  ClinicZone london = Zone("Europe/London");
  for (int64_t start : {Utc("2026-03-28T22:00:00Z"), Utc("2026-10-24T22:00:00Z")}) {
    for (int64_t t = start; t < start + 6 * kHour; t += 15 * 60) {
      std::string text = FormatLocal(t, london);
      EXPECT_THAT(ParseRfc3339(text), IsOkAndHolds(t)) << text;
    }
  }
}

TEST(ParseDateTest, AcceptsOnlyRealDatesOfTheExactShape) {
  EXPECT_THAT(ParseDate("2026-03-29"), IsOkAndHolds(CivilDate(2026, 3, 29)));
  EXPECT_THAT(ParseDate("2028-02-29"), IsOkAndHolds(CivilDate(2028, 2, 29)));
  for (const char* text : {"2026-3-29", "2026-02-30", "2027-02-29", "2026-13-01", "29/03/2026",
                           "2026-03-29T00:00", " 2026-03-29", ""}) {
    EXPECT_THAT(ParseDate(text),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("\"" + std::string(text) + "\"")))
        << text;
  }
}

TEST(LocalDayRangeTest, DaysOfTwentyThreeAndTwentyFiveHours) {
  ClinicZone london = Zone("Europe/London");
  Interval spring = Days(london, CivilDate(2026, 3, 29), CivilDate(2026, 3, 29));
  EXPECT_EQ(spring.start, Utc("2026-03-29T00:00:00Z"));
  EXPECT_EQ(spring.end - spring.start, 23 * kHour);
  Interval autumn = Days(london, CivilDate(2026, 10, 25), CivilDate(2026, 10, 25));
  EXPECT_EQ(autumn.start, Utc("2026-10-24T23:00:00Z"));
  EXPECT_EQ(autumn.end - autumn.start, 25 * kHour);
  Interval june = Days(london, CivilDate(2026, 6, 1), CivilDate(2026, 6, 1));
  EXPECT_EQ(june.end - june.start, 24 * kHour);
  Interval weekend = Days(london, CivilDate(2026, 3, 28), CivilDate(2026, 3, 30));
  EXPECT_EQ(weekend.end - weekend.start, 71 * kHour);
}

TEST(LocalDayRangeTest, NewYorkAndKolkata) {
  Interval spring = Days(Zone("America/New_York"), CivilDate(2026, 3, 8), CivilDate(2026, 3, 8));
  EXPECT_EQ(spring.start, Utc("2026-03-08T05:00:00Z"));
  EXPECT_EQ(spring.end - spring.start, 23 * kHour);
  Interval kolkata = Days(Zone("Asia/Kolkata"), CivilDate(2026, 3, 29), CivilDate(2026, 3, 29));
  EXPECT_EQ(kolkata.start, Utc("2026-03-28T18:30:00Z"));
  EXPECT_EQ(kolkata.end - kolkata.start, 24 * kHour);
}

TEST(LocalDayRangeTest, EndBeforeStartIsInvalidArgument) {
  EXPECT_THAT(
      LocalDayRangeToUtc({CivilDate(2026, 3, 29), CivilDate(2026, 3, 28)}, Zone("Europe/London")),
      StatusIs(StatusCode::kInvalidArgument,
               "date range ends (2026-03-28) before it starts (2026-03-29)"));
}

TEST(LocalDateTest, UsesTheZonesOffsetAtThatInstant) {
  ClinicZone london = Zone("Europe/London");
  EXPECT_EQ(LocalDate(Utc("2026-10-24T23:30:00Z"), london), CivilDate(2026, 10, 25));
  EXPECT_EQ(LocalDate(Utc("2026-10-25T23:30:00Z"), london), CivilDate(2026, 10, 25));
  EXPECT_EQ(LocalDate(Utc("2026-03-28T18:29:59Z"), Zone("Asia/Kolkata")), CivilDate(2026, 3, 28));
}

TEST(WallTimeTest, GapTimeDoesNotExistAndItsBoundaryIsTheTransition) {
  ClinicZone london = Zone("Europe/London");
  absl::CivilSecond in_gap(2026, 3, 29, 1, 30, 0);
  EXPECT_EQ(WallTimeToUtc(in_gap, london), std::nullopt);
  EXPECT_EQ(WallTimeToUtc(absl::CivilSecond(2026, 3, 29, 1, 0, 0), london), std::nullopt);
  EXPECT_THAT(WallTimeToUtc(absl::CivilSecond(2026, 3, 29, 0, 59, 0), london),
              Optional(Utc("2026-03-29T00:59:00Z")));
  EXPECT_THAT(WallTimeToUtc(absl::CivilSecond(2026, 3, 29, 2, 0, 0), london),
              Optional(Utc("2026-03-29T01:00:00Z")));
  EXPECT_EQ(WallBoundaryToUtc(in_gap, london), Utc("2026-03-29T01:00:00Z"));
  ClinicZone new_york = Zone("America/New_York");
  EXPECT_EQ(WallTimeToUtc(absl::CivilSecond(2026, 3, 8, 2, 30, 0), new_york), std::nullopt);
  EXPECT_EQ(WallBoundaryToUtc(absl::CivilSecond(2026, 3, 8, 2, 30, 0), new_york),
            Utc("2026-03-08T07:00:00Z"));
}

TEST(WallTimeTest, AmbiguousTimeTakesTheEarlierInstant) {
  ClinicZone london = Zone("Europe/London");
  absl::CivilSecond repeated(2026, 10, 25, 1, 30, 0);
  EXPECT_THAT(WallTimeToUtc(repeated, london), Optional(Utc("2026-10-25T01:30:00+01:00")));
  EXPECT_EQ(WallBoundaryToUtc(repeated, london), Utc("2026-10-25T00:30:00Z"));
  EXPECT_THAT(WallTimeToUtc(absl::CivilSecond(2026, 10, 25, 2, 0, 0), london),
              Optional(Utc("2026-10-25T02:00:00Z")));
  EXPECT_THAT(WallTimeToUtc(absl::CivilSecond(2026, 11, 1, 1, 30, 0), Zone("America/New_York")),
              Optional(Utc("2026-11-01T05:30:00Z")));
}

}  // namespace
}  // namespace needlework::host::slots
