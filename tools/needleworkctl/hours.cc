#include "hours.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "dates.h"

namespace needlework::ctl {
namespace {

// Monday first, as people list a week; OpeningSpan counts from Sunday.
constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kFullDays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int ToProtoWeekday(int monday_first) { return (monday_first + 1) % 7; }
int ToMondayFirst(int weekday) { return (weekday + 6) % 7; }

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

struct Range {
  int open;   // minutes since midnight
  int close;  // after open, at most 24:00
};

// The Monday-first index of a day name, any case.
std::optional<int> DayIndex(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (int i = 0; i < 7; ++i) {
    if (lower == kDays[i] || lower == kFullDays[i]) return i;
  }
  return std::nullopt;
}

// `text` split at every `separator`.
std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// The days of one part of a days word: "mon" or "mon-fri".
StatusOr<std::vector<int>> ParseDayPart(std::string_view part) {
  std::vector<std::string_view> ends = Split(part, '-');
  std::optional<int> first = DayIndex(ends.front());
  std::optional<int> last = DayIndex(ends.back());
  if (ends.size() > 2 || !first || !last) {
    return InvalidArgumentError(Quoted(part) +
                                " is not a day: want mon, tue, wed, thu, fri, sat or sun, or a "
                                "range like mon-fri");
  }
  if (*last < *first) {
    return InvalidArgumentError(Quoted(part) + " runs backwards: day ranges go from mon to sun");
  }
  std::vector<int> days;
  for (int day = *first; day <= *last; ++day) days.push_back(day);
  return days;
}

// The Monday-first days of a days word: "mon-fri", "sat", "mon,wed,fri-sat".
StatusOr<std::vector<int>> ParseDays(std::string_view word) {
  std::vector<int> days;
  for (std::string_view part : Split(word, ',')) {
    NW_ASSIGN_OR_RETURN(std::vector<int> more, ParseDayPart(part));
    for (int day : more) {
      if (std::ranges::find(days, day) != days.end()) {
        return InvalidArgumentError(Quoted(word) + " names " + std::string(kDays[day]) + " twice");
      }
      days.push_back(day);
    }
  }
  return days;
}

// One "HH:MM-HH:MM".
StatusOr<Range> ParseRange(std::string_view text) {
  size_t dash = text.find('-');
  std::optional<int> open = ParseClock(text.substr(0, dash), false);
  std::optional<int> close =
      dash == std::string_view::npos ? std::nullopt : ParseClock(text.substr(dash + 1), true);
  if (!open || !close) {
    return InvalidArgumentError(Quoted(text) +
                                " is not opening hours: want HH:MM-HH:MM (00:00 to 24:00), e.g. "
                                "09:00-17:00, or closed");
  }
  if (*close <= *open) return InvalidArgumentError(Quoted(text) + " closes before it opens");
  return Range{*open, *close};
}

// The ranges of an hours word ("09:00-12:30,13:30-18:00"; none for "closed"), by opening time.
StatusOr<std::vector<Range>> ParseRanges(std::string_view word) {
  std::vector<Range> ranges;
  if (word == "closed") return ranges;
  std::vector<std::string_view> parts = Split(word, ',');
  for (std::string_view part : parts) {
    NW_ASSIGN_OR_RETURN(Range range, ParseRange(part));
    ranges.push_back(range);
  }
  std::ranges::sort(ranges, {}, &Range::open);
  for (size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].open < ranges[i - 1].close) {
      return InvalidArgumentError(Quoted(word) + ": " + FormatClock(ranges[i - 1].open) + "-" +
                                  FormatClock(ranges[i - 1].close) + " and " +
                                  FormatClock(ranges[i].open) + "-" + FormatClock(ranges[i].close) +
                                  " overlap");
    }
  }
  return ranges;
}

// The ranges after the days word `days_word`; a second days word in their place is the
// likely slip ("mon tue 09:00-17:00"), so it gets its own message.
StatusOr<std::vector<Range>> HoursAfter(std::string_view days_word,
                                        std::optional<std::string_view> hours) {
  if (!hours) {
    return InvalidArgumentError(Quoted(days_word) + " has no hours after it: want e.g. " +
                                std::string(days_word) + " 09:00-17:00, or " +
                                std::string(days_word) + " closed");
  }
  StatusOr<std::vector<Range>> ranges = ParseRanges(*hours);
  if (!ranges.ok() && ParseDays(*hours).ok()) {
    return InvalidArgumentError(Quoted(days_word) + " has no hours before " + Quoted(*hours) +
                                ": list days together, as " + std::string(days_word) + "," +
                                std::string(*hours));
  }
  return ranges;
}

// Every whitespace-separated word of `words`.
std::vector<std::string_view> Tokens(const std::vector<std::string>& words) {
  std::vector<std::string_view> tokens;
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  for (std::string_view word : words) {
    while (!word.empty()) {
      size_t start = std::find_if_not(word.begin(), word.end(), space) - word.begin();
      size_t end = std::find_if(word.begin() + start, word.end(), space) - word.begin();
      if (end > start) tokens.push_back(word.substr(start, end - start));
      word.remove_prefix(end);
    }
  }
  return tokens;
}

void AddSpans(int day, const std::vector<Range>& ranges, std::vector<v1::OpeningSpan>* spans) {
  for (const Range& range : ranges) {
    v1::OpeningSpan& span = spans->emplace_back();
    span.set_weekday(ToProtoWeekday(day));
    span.set_open(FormatClock(range.open));
    span.set_close(FormatClock(range.close));
  }
}

}  // namespace

StatusOr<std::vector<v1::OpeningSpan>> ParseOpeningHours(const std::vector<std::string>& words) {
  std::vector<std::string_view> tokens = Tokens(words);
  if (tokens.empty()) {
    return InvalidArgumentError("no opening hours given: want e.g. \"mon-fri 09:00-17:00\"");
  }
  std::array<std::string_view, 7> named_in{};  // the days word that named each day
  std::vector<v1::OpeningSpan> spans;
  for (size_t i = 0; i < tokens.size(); i += 2) {
    NW_ASSIGN_OR_RETURN(std::vector<int> days, ParseDays(tokens[i]));
    NW_ASSIGN_OR_RETURN(
        std::vector<Range> ranges,
        HoursAfter(tokens[i], i + 1 < tokens.size() ? std::optional(tokens[i + 1]) : std::nullopt));
    for (int day : days) {
      if (!named_in[day].empty()) {
        return InvalidArgumentError(std::string(kDays[day]) + " is given twice (" +
                                    Quoted(named_in[day]) + " and " + Quoted(tokens[i]) +
                                    "): give all its hours in one spec, e.g. " +
                                    std::string(kDays[day]) + " 09:00-12:30,13:30-18:00");
      }
      named_in[day] = tokens[i];
      AddSpans(day, ranges, &spans);
    }
  }
  std::ranges::stable_sort(spans, {}, [](const v1::OpeningSpan& span) {
    return std::make_pair(ToMondayFirst(span.weekday()), span.open());
  });
  return spans;
}

std::string WeekdayName(int weekday) {
  if (weekday < 0 || weekday > 6) return "day " + std::to_string(weekday);
  return std::string(kDays[ToMondayFirst(weekday)]);
}

std::vector<std::pair<std::string, std::string>> WeekRows(
    const google::protobuf::RepeatedPtrField<v1::OpeningSpan>& spans) {
  std::vector<const v1::OpeningSpan*> sorted;
  for (const v1::OpeningSpan& span : spans) sorted.push_back(&span);
  std::ranges::stable_sort(sorted, {}, [](const v1::OpeningSpan* span) { return span->open(); });
  std::vector<std::pair<std::string, std::string>> rows;
  for (int day = 0; day < 7; ++day) {
    std::string hours;
    for (const v1::OpeningSpan* span : sorted) {
      if (span->weekday() != ToProtoWeekday(day)) continue;
      hours.append(hours.empty() ? "" : ", ").append(span->open() + "-" + span->close());
    }
    rows.emplace_back(kDays[day], hours.empty() ? "closed" : hours);
  }
  for (const v1::OpeningSpan* span : sorted) {
    if (span->weekday() < 0 || span->weekday() > 6) {
      rows.emplace_back(WeekdayName(span->weekday()), span->open() + "-" + span->close());
    }
  }
  return rows;
}

}  // namespace needlework::ctl
