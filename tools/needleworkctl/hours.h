// Weekly opening hours on the command line and on screen.
//
// `hours set` takes specs of days then hours: "mon-fri 09:00-17:00", "sat 10:00-14:00",
// "mon 09:00-12:30,13:30-18:00", "sun closed". Days are mon, tue, wed, thu, fri, sat, sun (or
// the full names, any case), a range in the order mon to sun ("mon-fri", "sat-sun"), or a list
// of both ("mon,wed,fri-sat"). Hours are HH:MM-HH:MM ranges joined by ',' (a lunch break is
// two ranges), up to 24:00, or "closed". A spec may be one word ("mon-fri 09:00-17:00",
// quoted) or two (mon-fri 09:00-17:00); days a spec does not name are closed.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_HOURS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_HOURS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/status.h"
#include "needlework/v1/admin.pb.h"

namespace needlework::ctl {

// The spans of `words` (the specs as given on the command line), ordered mon to sun, then by
// opening time; weekdays numbered as OpeningSpan's (0 = Sunday), times as "HH:MM".
// INVALID_ARGUMENT naming the word at fault: an unknown day, a range running backwards
// ("fri-mon"), malformed hours, hours closing before they open, overlapping hours, a day
// named twice, days without hours.
StatusOr<std::vector<v1::OpeningSpan>> ParseOpeningHours(const std::vector<std::string>& words);

// "mon" .. "sun" for OpeningSpan's weekday (0 = Sunday); "day N" outside 0 to 6.
std::string WeekdayName(int weekday);

// One row per day, mon to sun: the day and its hours ("09:00-12:30, 13:30-18:00", or
// "closed"), then a row for each span of a weekday outside 0 to 6.
std::vector<std::pair<std::string, std::string>> WeekRows(
    const google::protobuf::RepeatedPtrField<v1::OpeningSpan>& spans);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_HOURS_H_
