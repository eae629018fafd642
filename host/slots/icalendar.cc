#include "host/slots/icalendar.h"

#include <algorithm>
#include <string_view>

#include "host/slots/ical_text.h"
#include "host/slots/ical_timezone.h"
#include "host/slots/interval.h"

namespace needlework::host::slots {
namespace {

constexpr int64_t kMaxUnixSeconds = 253402300799;  // 9999-12-31T23:59:59Z

bool InYearRange(int64_t unix_seconds) {
  return unix_seconds >= 0 && unix_seconds <= kMaxUnixSeconds;
}

Status CheckEvent(const CalendarEvent& event, size_t index) {
  std::string prefix = "events[" + std::to_string(index) + "]: ";
  if (event.uid.empty()) return InvalidArgumentError(prefix + "uid is required");
  if (!InYearRange(event.start) || !InYearRange(event.end)) {
    return InvalidArgumentError(prefix + "times must lie between the years 1970 and 9999");
  }
  if (event.end <= event.start) return InvalidArgumentError(prefix + "end must be after start");
  if (event.status != "CONFIRMED" && event.status != "CANCELLED") {
    return InvalidArgumentError(prefix + "status \"" + event.status +
                                "\" is not CONFIRMED or CANCELLED");
  }
  if (event.sequence < 0) return InvalidArgumentError(prefix + "sequence must not be negative");
  return OkStatus();
}

Status CheckInput(const CalendarInput& input) {
  if (input.zone == nullptr) return InvalidArgumentError("zone is required");
  if (!InYearRange(input.now)) {
    return InvalidArgumentError("now must lie between the years 1970 and 9999");
  }
  for (size_t i = 0; i < input.events.size(); ++i) {
    NW_RETURN_IF_ERROR(CheckEvent(input.events[i], i));
  }
  return OkStatus();
}

// From the earliest start to the latest end, or just `now` without events.
Interval EventSpan(const CalendarInput& input) {
  if (input.events.empty()) return {input.now, input.now};
  Interval span{input.events.front().start, input.events.front().end};
  for (const CalendarEvent& event : input.events) {
    span.start = std::min(span.start, event.start);
    span.end = std::max(span.end, event.end);
  }
  return span;
}

std::string FormatUtc(int64_t unix_seconds) {
  return FormatICalCivil(
             absl::ToCivilSecond(absl::FromUnixSeconds(unix_seconds), absl::UTCTimeZone())) +
         "Z";
}

// "DTSTART;TZID=Europe/London:20260329T100000". The zone name needs no quoting: ClinicZone
// only accepts letters, digits and "/_+-". An instant in the second pass of a repeated hour
// would read as the first pass (RFC 5545 3.3.5), so it is written in UTC instead.
std::string DateTimeLine(std::string_view property, int64_t unix_seconds, const ClinicZone& zone) {
  absl::Time instant = absl::FromUnixSeconds(unix_seconds);
  absl::CivilSecond local = absl::ToCivilSecond(instant, zone.absl_zone());
  absl::TimeZone::TimeInfo info = zone.absl_zone().At(local);
  if (info.kind == absl::TimeZone::TimeInfo::REPEATED && info.pre != instant) {
    return std::string(property) + ":" + FormatUtc(unix_seconds);
  }
  return std::string(property) + ";TZID=" + zone.name() + ":" + FormatICalCivil(local);
}

void AppendEventLines(const CalendarEvent& event, const CalendarInput& input,
                      std::vector<std::string>& lines) {
  lines.push_back("BEGIN:VEVENT");
  lines.push_back("UID:" + EscapeText(event.uid));
  lines.push_back("DTSTAMP:" + FormatUtc(input.now));
  lines.push_back(DateTimeLine("DTSTART", event.start, *input.zone));
  lines.push_back(DateTimeLine("DTEND", event.end, *input.zone));
  lines.push_back("SEQUENCE:" + std::to_string(event.sequence));
  lines.push_back("STATUS:" + event.status);
  lines.push_back("SUMMARY:" + EscapeText(event.summary));
  if (!event.description.empty()) {
    lines.push_back("DESCRIPTION:" + EscapeText(event.description));
  }
  if (!event.location.empty()) lines.push_back("LOCATION:" + EscapeText(event.location));
  lines.push_back("END:VEVENT");
}

}  // namespace

StatusOr<std::string> BuildICalendar(const CalendarInput& input) {
  NW_RETURN_IF_ERROR(CheckInput(input));
  std::vector<std::string> lines = {"BEGIN:VCALENDAR", "PRODID:-//Needlework//Needlework 0.1//EN",
                                    "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"};
  std::vector<std::string> timezone = VTimezoneLines(*input.zone, EventSpan(input));
  lines.insert(lines.end(), timezone.begin(), timezone.end());
  for (const CalendarEvent& event : input.events) AppendEventLines(event, input, lines);
  lines.push_back("END:VCALENDAR");
  std::string text;
  for (const std::string& line : lines) AppendFoldedLine(line, text);
  return text;
}

}  // namespace needlework::host::slots
