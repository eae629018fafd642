#include "plugins/scheduling/civil_date.h"

#include <charconv>
#include <cstdio>

namespace needlework::scheduling {
namespace {

// The digits text[at, at + count) as a number; nullopt unless all are digits.
std::optional<int> ReadDigits(std::string_view text, size_t at, size_t count) {
  int value = 0;
  const char* first = text.data() + at;
  auto [end, error] = std::from_chars(first, first + count, value);
  if (error != std::errc() || end != first + count || *first == '-' || *first == '+') {
    return std::nullopt;
  }
  return value;
}

}  // namespace

Day UtcDay(int64_t unix_seconds) {
  return std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds(std::chrono::seconds(unix_seconds)));
}

int DaysBetween(Day from, Day to) { return static_cast<int>((to - from).count()); }

Day AddDays(Day day, int days) { return day + std::chrono::days(days); }

std::string FormatDay(Day day) {
  const std::chrono::year_month_day date(day);
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::optional<Day> ParseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::optional<int> year = ReadDigits(text, 0, 4);
  std::optional<int> month = ReadDigits(text, 5, 2);
  std::optional<int> day = ReadDigits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  return Day(date);
}

int AgeInYears(Day birth, Day today) {
  const std::chrono::year_month_day born(birth);
  const std::chrono::year_month_day now(today);
  int years = static_cast<int>(now.year()) - static_cast<int>(born.year());
  const auto birthday = std::chrono::month_day(born.month(), born.day());
  const auto today_in_year = std::chrono::month_day(now.month(), now.day());
  if (today_in_year < birthday) --years;
  return years;
}

}  // namespace needlework::scheduling
