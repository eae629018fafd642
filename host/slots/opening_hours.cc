#include "host/slots/opening_hours.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

namespace needlework::host::slots {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
// LocalOpeningIntervals() is for display and tests; a longer range is a caller's mistake.
constexpr int kMaxRangeDays = 3660;

absl::CivilSecond WallTime(CivilDate date, int64_t minute_of_day) {
  return absl::CivilSecond(date) + minute_of_day * 60;
}

// The earliest opening and the latest closing minute of `weekday`'s spans.
std::pair<int64_t, int64_t> MinuteBounds(int weekday, const std::vector<OpeningHours>& hours) {
  int64_t first = kMinutesPerDay;
  int64_t last = 0;
  for (const OpeningHours& span : hours) {
    if (span.weekday != weekday) continue;
    first = std::min<int64_t>(first, span.open_minute);
    last = std::max<int64_t>(last, span.close_minute);
  }
  return {first, last};
}

constexpr const char* kWeekdayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday"};

// "09:00" for a minute of the day; "24:00" for 1440.
std::string Clock(int minute) {
  char text[32];
  std::snprintf(text, sizeof(text), "%02d:%02d", minute / 60, minute % 60);
  return text;
}

std::string DescribeEntry(size_t index) { return "opening hours[" + std::to_string(index) + "]: "; }

}  // namespace

Status CheckOpeningHours(const std::vector<OpeningHours>& hours) {
  for (size_t i = 0; i < hours.size(); ++i) {
    const OpeningHours& span = hours[i];
    if (span.weekday < 0 || span.weekday > 6) {
      return InvalidArgumentError(DescribeEntry(i) + "weekday " + std::to_string(span.weekday) +
                                  " is not 0 (Sunday) to 6 (Saturday)");
    }
    if (span.open_minute < 0 || span.open_minute >= span.close_minute ||
        span.close_minute > kMinutesPerDay) {
      return InvalidArgumentError(
          DescribeEntry(i) + "open_minute " + std::to_string(span.open_minute) + ", close_minute " +
          std::to_string(span.close_minute) + ": need 0 <= open_minute < close_minute <= 1440");
    }
  }
  return OkStatus();
}

int WeekdayIndex(CivilDate date) {
  // absl::Weekday counts from Monday (0) to Sunday (6).
  return (static_cast<int>(absl::GetWeekday(date)) + 1) % 7;
}

std::vector<Interval> OpeningSpansOn(CivilDate date, const std::vector<OpeningHours>& hours,
                                     const ClinicZone& zone) {
  std::vector<Interval> spans;
  int weekday = WeekdayIndex(date);
  for (const OpeningHours& span : hours) {
    if (span.weekday != weekday) continue;
    spans.push_back({WallBoundaryToUtc(WallTime(date, span.open_minute), zone),
                     WallBoundaryToUtc(WallTime(date, span.close_minute), zone)});
  }
  return spans;
}

StatusOr<std::vector<Interval>> LocalOpeningIntervals(const ClinicZone& zone,
                                                      const std::vector<OpeningHours>& hours,
                                                      const LocalDayRange& days) {
  NW_RETURN_IF_ERROR(CheckOpeningHours(hours));
  NW_RETURN_IF_ERROR(LocalDayRangeToUtc(days, zone).status());
  if (days.to - days.from >= kMaxRangeDays) {
    return InvalidArgumentError("date range is longer than " + std::to_string(kMaxRangeDays) +
                                " days");
  }
  std::vector<Interval> result;
  for (CivilDate date = days.from; date <= days.to; ++date) {
    for (const Interval& span : OpeningSpansOn(date, hours, zone)) {
      if (span.start < span.end) result.push_back(span);
    }
  }
  std::stable_sort(result.begin(), result.end(),
                   [](const Interval& a, const Interval& b) { return a.start < b.start; });
  return result;
}

std::vector<int64_t> CandidateStartsOn(CivilDate date, const std::vector<OpeningHours>& hours,
                                       const ClinicZone& zone, int step_minutes,
                                       int64_t duration_seconds) {
  std::vector<Interval> spans = OpeningSpansOn(date, hours, zone);
  std::vector<int64_t> starts;
  if (spans.empty()) return starts;
  auto [first, last] = MinuteBounds(WeekdayIndex(date), hours);
  int64_t step = step_minutes;
  // Wall-clock minutes map to instants in increasing order, so `starts` stays ascending.
  for (int64_t minute = (first + step - 1) / step * step; minute < last; minute += step) {
    std::optional<int64_t> start = WallTimeToUtc(WallTime(date, minute), zone);
    if (!start) continue;  // inside a spring-forward gap
    bool fits = std::any_of(spans.begin(), spans.end(), [&](const Interval& span) {
      return span.start <= *start && *start + duration_seconds <= span.end;
    });
    if (fits) starts.push_back(*start);
  }
  return starts;
}

std::string DescribeHoursOn(CivilDate date, const std::vector<OpeningHours>& hours,
                            const ClinicZone& zone) {
  int weekday = WeekdayIndex(date);
  std::vector<OpeningHours> spans;
  std::copy_if(hours.begin(), hours.end(), std::back_inserter(spans),
               [weekday](const OpeningHours& span) { return span.weekday == weekday; });
  std::sort(spans.begin(), spans.end(), [](const OpeningHours& a, const OpeningHours& b) {
    return a.open_minute < b.open_minute;
  });
  std::string name = kWeekdayNames[weekday];
  if (spans.empty()) return "closed on " + name + "s (" + zone.name() + ")";
  std::string text = name + " ";
  for (size_t i = 0; i < spans.size(); ++i) {
    text += (i == 0 ? "" : ", ") + Clock(spans[i].open_minute) + "-" + Clock(spans[i].close_minute);
  }
  return text + " (" + zone.name() + ")";
}

}  // namespace needlework::host::slots
