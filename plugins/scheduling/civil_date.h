// Calendar days for the scheduling rules, in UTC.
//
// Why UTC: a request carries the clinic's IANA time zone, but the plugin may link only the
// SDK, and the standard library of our toolchain (GCC 12) has no time-zone database
// (std::chrono::zoned_time arrived in GCC 14). So a "day" here is a UTC calendar date.
// Appointments during opening hours in zones near UTC (Europe, Africa) fall on the same
// date either way; far from UTC a late appointment may count as the next day. Messages say
// "(UTC)" wherever they show a date.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_CIVIL_DATE_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_CIVIL_DATE_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace needlework::scheduling {

using Day = std::chrono::sys_days;

// The UTC calendar day that contains `unix_seconds` (negative values count back from
// 1970-01-01 correctly).
Day UtcDay(int64_t unix_seconds);

// Whole days from `from` to `to`; negative when `to` is earlier.
int DaysBetween(Day from, Day to);

// `day` plus `days` (which may be negative).
Day AddDays(Day day, int days);

// "YYYY-MM-DD".
std::string FormatDay(Day day);

// The day written "YYYY-MM-DD" (exactly that form, a real date); nullopt otherwise, e.g.
// for FHIR's partial dates "1980" and "1980-04".
std::optional<Day> ParseDay(std::string_view text);

// Completed years from `birth` to `today` (a birthday on 29 February counts on 1 March in
// common years); negative when `birth` is after `today`.
int AgeInYears(Day birth, Day today);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_CIVIL_DATE_H_
