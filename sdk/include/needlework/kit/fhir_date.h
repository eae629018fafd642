// Day arithmetic on FHIR date and dateTime values, for rules that look back in time
// ("ended within 182 days"). A value is read as the calendar date it is written in: the time
// and offset of a dateTime are ignored, as a rule's window is counted in whole days of the
// clinic's calendar. Header-only; C++17.
#ifndef NEEDLEWORK_KIT_FHIR_DATE_H_
#define NEEDLEWORK_KIT_FHIR_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace needlework::addon {

// Days from 1970-01-01 to the proleptic Gregorian date year-month-day (negative before it).
// `month` is 1..12 and `day` 1..31; the caller checks the ranges.
constexpr int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int64_t>(day_of_era) - 719468;
}

constexpr bool IsLeapYear(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr unsigned DaysInMonth(int64_t year, unsigned month) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

namespace internal {

// The number written in `text`[at, at + width) when all of it is digits.
inline std::optional<unsigned> DigitsAt(std::string_view text, size_t at, size_t width) {
  if (text.size() < at + width) return std::nullopt;
  unsigned value = 0;
  for (size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}

}  // namespace internal

// The last day a FHIR date or dateTime can stand for, in days from 1970-01-01:
// "2026-09-01T10:00:00+02:00" and "2026-09-01" are 2026-09-01, "2026-09" is 2026-09-30,
// "2026" is 2026-12-31 (a partial date counts at its latest day, so a look-back window never
// misses it). nullopt for an empty or malformed value.
inline std::optional<int64_t> LatestDayOf(std::string_view value) {
  const auto year = internal::DigitsAt(value, 0, 4);
  if (!year) return std::nullopt;
  if (value.size() == 4) return DaysFromCivil(*year, 12, 31);
  const auto month = value[4] == '-' ? internal::DigitsAt(value, 5, 2) : std::nullopt;
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (value.size() == 7) return DaysFromCivil(*year, *month, DaysInMonth(*year, *month));
  const auto day = value[7] == '-' ? internal::DigitsAt(value, 8, 2) : std::nullopt;
  if (!day || *day < 1 || *day > DaysInMonth(*year, *month)) return std::nullopt;
  if (value.size() != 10 && value[10] != 'T') return std::nullopt;
  return DaysFromCivil(*year, *month, *day);
}

// Where a dated fact stands against a look-back window of `within_days` days ending on the
// day `as_of` (days from 1970-01-01; nullopt when the request gave no date).
struct Recency {
  // True when the fact falls within the window, or when that cannot be told (no date, or no
  // as_of): what cannot be checked counts, so a rule fails toward a clinician's review.
  bool within = true;
  // For the evidence: "2026-09-01 (97 days before 2026-12-07)", "2027-01-02 (after
  // 2026-12-07)", "2026-09-01" without an as_of, or "date unknown".
  std::string note;
};

// The Recency of a fact dated `date` (a FHIR date or dateTime, possibly empty) against a
// window of `within_days` days ending on `as_of` ("YYYY-MM-DD", possibly empty).
inline Recency RecencyOf(std::string_view date, std::string_view as_of, int within_days) {
  const std::optional<int64_t> day = LatestDayOf(date);
  if (!day) return {true, "date unknown"};
  const std::string written(date.substr(0, 10));
  const std::optional<int64_t> as_of_day = LatestDayOf(as_of);
  if (!as_of_day) return {true, written};
  const int64_t days_before = *as_of_day - *day;
  if (days_before < 0) return {true, written + " (after " + std::string(as_of) + ")"};
  return {days_before <= within_days, written + " (" + std::to_string(days_before) +
                                          (days_before == 1 ? " day" : " days") + " before " +
                                          std::string(as_of) + ")"};
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_FHIR_DATE_H_
