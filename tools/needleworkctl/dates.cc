#include "dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace needlework::ctl {
namespace {

namespace chr = std::chrono;

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// The value of `text` when it is all digits (at most 4 of them), else -1.
int Number(std::string_view text) {
  if (!IsDigits(text) || text.size() > 4) return -1;
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

// "HH:MM" with two digits each and a time of day (00:00 to 23:59).
bool IsClock(std::string_view text) {
  return text.size() == 5 && text[2] == ':' && Number(text.substr(0, 2)) >= 0 &&
         Number(text.substr(0, 2)) < 24 && Number(text.substr(3, 2)) >= 0 &&
         Number(text.substr(3, 2)) < 60;
}

// Where the offset of an RFC 3339 timestamp starts, or npos.
size_t OffsetStart(std::string_view text) {
  if (text.size() <= 16) return std::string_view::npos;
  if (text.back() == 'Z' || text.back() == 'z') return text.size() - 1;
  size_t at = text.size() - 6;
  if (at < 16 || (text[at] != '+' && text[at] != '-') || !IsClock(text.substr(at + 1))) {
    return std::string_view::npos;
  }
  return at;
}

// Seconds and fraction after "HH:MM" (":SS" or ":SS.fff", or nothing): valid?
bool IsSecondsPart(std::string_view text) {
  if (text.empty()) return true;
  if (text.size() < 3 || text[0] != ':' || Number(text.substr(1, 2)) < 0 ||
      Number(text.substr(1, 2)) > 59) {
    return false;
  }
  text.remove_prefix(3);
  return text.empty() || (text[0] == '.' && IsDigits(text.substr(1)));
}

// The date and time of day of "YYYY-MM-DDTHH:MM..." as "YYYY-MM-DD" and "HH:MM", if it has them.
bool SplitLocal(std::string_view text, std::string_view* date, std::string_view* clock) {
  if (text.size() < 16 || !ParseDate(text.substr(0, 10)) || !IsClock(text.substr(11, 5))) {
    return false;
  }
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return false;
  *date = text.substr(0, 10);
  *clock = text.substr(11, 5);
  return true;
}

}  // namespace

std::optional<chr::year_month_day> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = Number(text.substr(0, 4));
  int month = Number(text.substr(5, 2));
  int day = Number(text.substr(8, 2));
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  chr::year_month_day date{chr::year(year), chr::month(static_cast<unsigned>(month)),
                           chr::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<int> ParseClock(std::string_view text, bool allow_midnight_end) {
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
  if (text.size() - colon != 3) return std::nullopt;
  int hours = Number(text.substr(0, colon));
  int minutes = Number(text.substr(colon + 1));
  if (hours < 0 || minutes < 0 || minutes > 59) return std::nullopt;
  if (hours < 24) return hours * 60 + minutes;
  if (allow_midnight_end && hours == 24 && minutes == 0) return 24 * 60;
  return std::nullopt;
}

std::string FormatClock(int minutes) {
  char text[24];
  std::snprintf(text, sizeof(text), "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

StatusOr<std::string> NormalizeTimestamp(std::string_view text) {
  std::string quoted = "'" + std::string(text) + "'";
  std::string_view date;
  std::string_view clock;
  if (!SplitLocal(text, &date, &clock) || text[10] == ' ') {
    return InvalidArgumentError(quoted +
                                " is not an RFC 3339 time: want e.g. 2026-03-02T09:00:00+01:00");
  }
  size_t offset = OffsetStart(text);
  if (offset == std::string_view::npos) {
    return InvalidArgumentError(quoted + " has no offset: add Z or one like +01:00");
  }
  std::string_view seconds = text.substr(16, offset - 16);
  if (!IsSecondsPart(seconds)) {
    return InvalidArgumentError(quoted + " has malformed seconds: want HH:MM or HH:MM:SS");
  }
  std::string normalized = std::string(date) + "T" + std::string(clock);
  normalized.append(seconds.empty() ? ":00" : seconds);
  normalized.append(text.substr(offset) == "z" ? "Z" : text.substr(offset));
  return normalized;
}

int DaysBetween(chr::year_month_day from, chr::year_month_day to) {
  return static_cast<int>((chr::sys_days(to) - chr::sys_days(from)).count());
}

std::string_view WeekdayAbbreviation(chr::weekday day) {
  static constexpr std::array<std::string_view, 7> kNames = {"Sun", "Mon", "Tue", "Wed",
                                                             "Thu", "Fri", "Sat"};
  return day.ok() ? kNames[day.c_encoding()] : "?";
}

std::string FormatLocal(std::string_view timestamp) {
  std::string_view date = timestamp;
  std::string_view clock;
  if (!SplitLocal(timestamp, &date, &clock) && !ParseDate(timestamp)) return std::string(timestamp);
  std::string text(WeekdayAbbreviation(chr::weekday(chr::sys_days(*ParseDate(date)))));
  text.append(" ").append(date);
  if (clock.empty()) return text;
  text.append(" ").append(clock);
  std::string_view seconds = timestamp.substr(16, 3);
  if (seconds.size() == 3 && seconds[0] == ':' && seconds != ":00") text.append(seconds);
  return text;
}

std::string FormatLocalEnd(std::string_view start, std::string_view end) {
  std::string_view start_date;
  std::string_view end_date;
  std::string_view clock;
  if (SplitLocal(start, &start_date, &clock) && SplitLocal(end, &end_date, &clock) &&
      start_date == end_date) {
    return FormatLocal(end).substr(15);  // after "Mon 2026-03-02 "
  }
  return FormatLocal(end);
}

std::string_view TimestampOffset(std::string_view timestamp) {
  size_t offset = OffsetStart(timestamp);
  if (offset == std::string_view::npos) return "";
  return timestamp.back() == 'z' ? "Z" : timestamp.substr(offset);
}

std::string FormatLocalWithOffset(std::string_view timestamp) {
  std::string text = FormatLocal(timestamp);
  std::string_view offset = TimestampOffset(timestamp);
  if (!offset.empty()) text.append(" ").append(offset);
  return text;
}

std::string FormatStartFlag(std::string_view timestamp) {
  std::string_view date;
  std::string_view clock;
  size_t offset = OffsetStart(timestamp);
  if (!SplitLocal(timestamp, &date, &clock) || offset != 19 || timestamp.substr(16, 3) != ":00") {
    return std::string(timestamp);
  }
  return std::string(timestamp.substr(0, 16)).append(timestamp.substr(19));
}

std::string WeekdayOf(std::string_view timestamp) {
  auto date = ParseDate(timestamp.substr(0, 10));
  if (!date) return "";
  return std::string(WeekdayAbbreviation(chr::weekday(chr::sys_days(*date))));
}

std::string FormatUnixUtc(int64_t unix_seconds) {
  chr::sys_seconds time{chr::seconds(unix_seconds)};
  chr::sys_days days = chr::floor<chr::days>(time);
  chr::year_month_day date(days);
  chr::hh_mm_ss clock(time - days);
  char text[48];
  std::snprintf(text, sizeof(text), "%04d-%02u-%02u %02d:%02d", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()));
  return std::string(WeekdayAbbreviation(chr::weekday(days))) + " " + text;
}

}  // namespace needlework::ctl
