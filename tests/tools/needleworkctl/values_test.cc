// The value parsers and formatters of the scheduling commands: dates.h, values.h, enums.h.
#include "values.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dates.h"
#include "enums.h"

namespace needlework::ctl {
namespace {

namespace chr = std::chrono;

TEST(ParseDateTest, RealDatesOnly) {
  std::optional<chr::year_month_day> date = ParseDate("2024-02-29");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(*date, chr::year(2024) / chr::February / 29);
  for (const char* text : {"2026-02-29", "2026-04-31", "2026-00-10", "2026-1-10", "26-01-10",
                           "2026/01/10", "2026-01-10T00:00", "", "2026-01-1a"}) {
    EXPECT_FALSE(ParseDate(text).has_value()) << text;
  }
}

TEST(ParseClockTest, HoursAndMinutes) {
  EXPECT_EQ(ParseClock("09:30", false), 570);
  EXPECT_EQ(ParseClock("9:30", false), 570);
  EXPECT_EQ(ParseClock("00:00", false), 0);
  EXPECT_EQ(ParseClock("23:59", false), 1439);
  EXPECT_EQ(ParseClock("24:00", true), 1440);
  for (const char* text :
       {"24:00", "24:01", "12:60", "123:00", ":30", "12:3", "12-30", "", "ab:cd"}) {
    EXPECT_FALSE(ParseClock(text, false).has_value()) << text;
  }
  EXPECT_FALSE(ParseClock("24:01", true).has_value());
}

TEST(FormatClockTest, TwoDigitsEach) {
  EXPECT_EQ(FormatClock(570), "09:30");
  EXPECT_EQ(FormatClock(0), "00:00");
  EXPECT_EQ(FormatClock(1440), "24:00");
}

TEST(NormalizeTimestampTest, KeepsValidTimestampsAndAddsSeconds) {
  EXPECT_EQ(*NormalizeTimestamp("2026-03-02T09:00:00+01:00"), "2026-03-02T09:00:00+01:00");
  EXPECT_EQ(*NormalizeTimestamp("2026-03-02T09:00:00Z"), "2026-03-02T09:00:00Z");
  EXPECT_EQ(*NormalizeTimestamp("2026-03-02T09:00+05:30"), "2026-03-02T09:00:00+05:30");
  EXPECT_EQ(*NormalizeTimestamp("2026-03-02t09:00z"), "2026-03-02T09:00:00Z");
  EXPECT_EQ(*NormalizeTimestamp("2026-03-02T09:00:00.250-08:00"), "2026-03-02T09:00:00.250-08:00");
}

TEST(NormalizeTimestampTest, ExplainsWhatIsWrong) {
  EXPECT_EQ(NormalizeTimestamp("2026-03-02T09:00").status().message(),
            "'2026-03-02T09:00' has no offset: add Z or one like +01:00");
  EXPECT_EQ(NormalizeTimestamp("2026-03-02T09:00:00+0100").status().message(),
            "'2026-03-02T09:00:00+0100' has no offset: add Z or one like +01:00");
  EXPECT_EQ(NormalizeTimestamp("2026-03-02T09:00:00.Z").status().message(),
            "'2026-03-02T09:00:00.Z' has malformed seconds: want HH:MM or HH:MM:SS");
  EXPECT_EQ(NormalizeTimestamp("2026-03-02T09:00:5Z").status().message(),
            "'2026-03-02T09:00:5Z' has malformed seconds: want HH:MM or HH:MM:SS");
  EXPECT_EQ(NormalizeTimestamp("next monday").status().message(),
            "'next monday' is not an RFC 3339 time: want e.g. 2026-03-02T09:00:00+01:00");
}

TEST(DaysBetweenTest, AcrossMonthsAndLeapDays) {
  EXPECT_EQ(DaysBetween(*ParseDate("2026-03-01"), *ParseDate("2026-03-01")), 0);
  EXPECT_EQ(DaysBetween(*ParseDate("2024-02-28"), *ParseDate("2024-03-01")), 2);
  EXPECT_EQ(DaysBetween(*ParseDate("2026-03-10"), *ParseDate("2026-03-01")), -9);
  EXPECT_EQ(DaysBetween(*ParseDate("2025-12-31"), *ParseDate("2026-12-31")), 365);
}

TEST(FormatLocalTest, WeekdayDateAndWallClock) {
  EXPECT_EQ(FormatLocal("2026-03-02T09:00:00+01:00"), "Mon 2026-03-02 09:00");
  EXPECT_EQ(FormatLocal("2026-03-08T17:45:30Z"), "Sun 2026-03-08 17:45:30");
  EXPECT_EQ(FormatLocal("2026-03-07"), "Sat 2026-03-07");
  EXPECT_EQ(FormatLocal("soon"), "soon");
  EXPECT_EQ(FormatLocal(""), "");
}

TEST(FormatLocalEndTest, TimeAloneOnTheSameDay) {
  EXPECT_EQ(FormatLocalEnd("2026-03-02T09:00:00+01:00", "2026-03-02T09:45:00+01:00"), "09:45");
  EXPECT_EQ(FormatLocalEnd("2026-03-02T23:30:00+01:00", "2026-03-03T00:15:00+01:00"),
            "Tue 2026-03-03 00:15");
  EXPECT_EQ(FormatLocalEnd("", "2026-03-02T09:45:00Z"), "Mon 2026-03-02 09:45");
  EXPECT_EQ(FormatLocalEnd("2026-03-02T09:00:00Z", "later"), "later");
}

TEST(TimestampOffsetTest, OffsetOrZ) {
  EXPECT_EQ(TimestampOffset("2026-03-02T09:00:00+01:00"), "+01:00");
  EXPECT_EQ(TimestampOffset("2026-03-02T09:00:00-05:30"), "-05:30");
  EXPECT_EQ(TimestampOffset("2026-03-02T09:00:00z"), "Z");
  EXPECT_EQ(TimestampOffset("2026-03-02T09:00:00"), "");
  EXPECT_EQ(TimestampOffset("2026-03-02"), "");
  EXPECT_EQ(FormatLocalWithOffset("2026-03-02T09:00:00+01:00"), "Mon 2026-03-02 09:00 +01:00");
  EXPECT_EQ(FormatLocalWithOffset("2026-03-02"), "Mon 2026-03-02");
}

TEST(FormatUnixUtcTest, WeekdayDateAndTime) {
  EXPECT_EQ(FormatUnixUtc(0), "Thu 1970-01-01 00:00");
  EXPECT_EQ(FormatUnixUtc(1772442000), "Mon 2026-03-02 09:00");
  EXPECT_EQ(FormatUnixUtc(-60), "Wed 1969-12-31 23:59");
}

TEST(ParseWholeNumberTest, DigitsWithinBounds) {
  EXPECT_EQ(*ParseWholeNumber("0", 0, 9), 0);
  EXPECT_EQ(*ParseWholeNumber("500", 1, 500), 500);
  for (const char* text : {"", "-1", "+1", "1.0", "1e2", " 1", "1 ", "501", "99999999999"}) {
    StatusOr<int32_t> number = ParseWholeNumber(text, 1, 500);
    ASSERT_FALSE(number.ok()) << text;
    EXPECT_EQ(number.status().message(),
              "'" + std::string(text) + "' is not a whole number from 1 to 500");
  }
}

TEST(ParseDepthTest, MillimetresAboveZeroUpToTen) {
  EXPECT_EQ(*ParseDepth("0.25"), 0.25);
  EXPECT_EQ(*ParseDepth("1.5"), 1.5);
  EXPECT_EQ(*ParseDepth("10"), 10);
  for (const char* text : {"0", "0.0", "-0.5", "10.01", "", "1,5", "nan", "inf", "1.5 mm"}) {
    EXPECT_FALSE(ParseDepth(text).ok()) << text;
  }
}

TEST(ParseProductTest, SplitsAtTheLastColonAndTrims) {
  StatusOr<v1::ProductUse> product = ParseProduct("HA serum:L2024-117");
  ASSERT_TRUE(product.ok());
  EXPECT_EQ(product->product(), "HA serum");
  EXPECT_EQ(product->lot_number(), "L2024-117");
  product = ParseProduct(" Growth factor: serum :  GF-1 ");
  ASSERT_TRUE(product.ok());
  EXPECT_EQ(product->product(), "Growth factor: serum");
  EXPECT_EQ(product->lot_number(), "GF-1");
  for (const char* text : {"serum", "serum:", ":L1", "", ":"}) {
    EXPECT_FALSE(ParseProduct(text).ok()) << text;
  }
}

TEST(CheckTimeZoneNameTest, IanaSpellings) {
  for (const char* zone : {"UTC", "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5",
                           "Etc/GMT-14", "America/Port-au-Prince"}) {
    EXPECT_TRUE(CheckTimeZoneName(zone).ok()) << zone;
  }
  for (const char* zone :
       {"", "Europe London", "/UTC", "Europe/", "Europe//London", "UTC;rm", "Europe/Lon\ndon"}) {
    EXPECT_FALSE(CheckTimeZoneName(zone).ok()) << zone;
  }
}

TEST(EnumsTest, ParseLabelsAnyCaseWithDashOrUnderscore) {
  EXPECT_EQ(*ParseSeverity("mild"), types::v1::SEVERITY_MILD);
  EXPECT_EQ(*ParseSeverity("Severe"), types::v1::SEVERITY_SEVERE);
  EXPECT_EQ(*ParseOutcome("consult-required"), types::v1::OUTCOME_CONSULT_REQUIRED);
  EXPECT_EQ(*ParseOutcome("contraindicated"), types::v1::OUTCOME_CONTRAINDICATED);
  EXPECT_EQ(*ParseOutcome("eligible_with_caution"), types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION);
  EXPECT_EQ(*ParseResourceType("practitioner"), types::v1::RESOURCE_TYPE_PRACTITIONER);
}

TEST(EnumsTest, RefuseUnspecifiedPrefixedAndUnknown) {
  EXPECT_EQ(ParseSeverity("unspecified").status().message(),
            "'unspecified' is not a severity: want mild|moderate|severe");
  EXPECT_EQ(ParseSeverity("").status().message(),
            "'' is not a severity: want mild|moderate|severe");
  EXPECT_FALSE(ParseSeverity("severity-mild").ok());
  EXPECT_FALSE(ParseOutcome("OUTCOME_DEFER").ok());
  EXPECT_EQ(ParseResourceType("chair").status().message(),
            "'chair' is not a resource type: want practitioner|room|device");
}

TEST(EnumsTest, Labels) {
  EXPECT_EQ(SeverityLabel(types::v1::SEVERITY_MODERATE), "moderate");
  EXPECT_EQ(OutcomeLabel(types::v1::OUTCOME_REVIEW_REQUIRED), "review-required");
  EXPECT_EQ(OutcomeLabel(types::v1::OUTCOME_UNSPECIFIED), "unspecified");
  EXPECT_EQ(ResourceTypeLabel(types::v1::RESOURCE_TYPE_DEVICE), "device");
  EXPECT_EQ(PlanStatusLabel(types::v1::PLAN_STATUS_CANCELLED), "cancelled");
  EXPECT_EQ(AppointmentStatusLabel(types::v1::APPOINTMENT_STATUS_NOSHOW), "noshow");
  EXPECT_EQ(AppointmentStatusLabel(static_cast<types::v1::AppointmentStatus>(42)), "unknown");
}

}  // namespace
}  // namespace needlework::ctl
