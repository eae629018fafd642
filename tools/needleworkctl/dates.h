// Dates and times on the command line and on screen. The host speaks RFC 3339 with the
// clinic's offset and YYYY-MM-DD days of the clinic's calendar; people read "Mon 2026-03-02
// 09:00". Everything here is pure text work: no time zone database, no clock.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_DATES_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_DATES_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::ctl {

// The calendar date of "YYYY-MM-DD" (exactly that shape, a real date), or nullopt.
std::optional<std::chrono::year_month_day> ParseDate(std::string_view text);

// Minutes since midnight of "HH:MM" or "H:MM", 00:00 to 24:00 (24:00 only when
// `allow_midnight_end`), or nullopt.
std::optional<int> ParseClock(std::string_view text, bool allow_midnight_end);

// "HH:MM" for minutes since midnight (1440 gives "24:00").
std::string FormatClock(int minutes);

// Checks an RFC 3339 timestamp with an offset, "2026-03-02T09:00:00+01:00" or "...Z"; the
// seconds may be left out ("2026-03-02T09:00+01:00") and are then added. Returns the
// timestamp to send. INVALID_ARGUMENT saying what is wrong, quoting `text`, otherwise.
StatusOr<std::string> NormalizeTimestamp(std::string_view text);

// Days from `from` to `to` (negative when `to` is earlier).
int DaysBetween(std::chrono::year_month_day from, std::chrono::year_month_day to);

// "Mon", "Tue", ...
std::string_view WeekdayAbbreviation(std::chrono::weekday day);

// A timestamp or date from the host for people: "Mon 2026-03-02 09:00" for
// "2026-03-02T09:00:00+01:00" (local wall-clock time; seconds shown only when not zero),
// "Mon 2026-03-02" for "2026-03-02". Anything else comes back as given.
std::string FormatLocal(std::string_view timestamp);

// The end of a span after FormatLocal(start): only the time ("09:45") when it falls on the
// start's date, else FormatLocal(end).
std::string FormatLocalEnd(std::string_view start, std::string_view end);

// The offset of an RFC 3339 timestamp: "+01:00", "Z"; "" when it has none.
std::string_view TimestampOffset(std::string_view timestamp);

// FormatLocal(timestamp) followed by its offset: "Mon 2026-03-02 09:00 +01:00".
std::string FormatLocalWithOffset(std::string_view timestamp);

// A timestamp from the host as --start takes it back: seconds left out when zero
// ("2026-03-02T09:00+01:00"). Anything that is not such a timestamp comes back as given.
std::string FormatStartFlag(std::string_view timestamp);

// The weekday of a timestamp or date from the host ("Mon"); "" for anything else.
std::string WeekdayOf(std::string_view timestamp);

// "Mon 2026-03-02 09:00" for seconds since the Unix epoch, in UTC (not said in the text).
std::string FormatUnixUtc(int64_t unix_seconds);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_DATES_H_
