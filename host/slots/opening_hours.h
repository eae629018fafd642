// A clinic's weekly opening hours and the candidate start times they allow on a local date.
// Wall-clock rules (gaps, overlaps) are those of clinic_time.h.
#ifndef NEEDLEWORK_HOST_SLOTS_OPENING_HOURS_H_
#define NEEDLEWORK_HOST_SLOTS_OPENING_HOURS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "host/slots/clinic_time.h"
#include "host/slots/interval.h"
#include "needlework/status.h"

namespace needlework::host::slots {

// One opening span on one weekday, in local wall-clock minutes since midnight:
// [open_minute, close_minute). weekday 0 is Sunday, 6 Saturday. A weekday may have several
// spans (e.g. 09:00-12:00 and 13:00-17:00 around a lunch break); close_minute 1440 is
// midnight at the end of the day.
struct OpeningHours {
  int weekday = 0;
  int open_minute = 0;
  int close_minute = 0;
};

// OK when every span has 0 <= weekday <= 6 and 0 <= open_minute < close_minute <= 1440;
// otherwise INVALID_ARGUMENT naming the first bad entry, e.g. "opening hours[2]: ...".
Status CheckOpeningHours(const std::vector<OpeningHours>& hours);

// 0 for Sunday .. 6 for Saturday, the weekday numbering of OpeningHours.
int WeekdayIndex(CivilDate date);

// The UTC intervals of the spans of `hours` on `date`, in the order of `hours`, each from
// WallBoundaryToUtc(open) to WallBoundaryToUtc(close). A span lying wholly inside a
// spring-forward gap comes out empty (start == end). Precondition: CheckOpeningHours(hours).
std::vector<Interval> OpeningSpansOn(CivilDate date, const std::vector<OpeningHours>& hours,
                                     const ClinicZone& zone);

// The non-empty opening spans of every local date in `days`, in start order.
// INVALID_ARGUMENT for bad hours or a range that ends before it starts.
StatusOr<std::vector<Interval>> LocalOpeningIntervals(const ClinicZone& zone,
                                                      const std::vector<OpeningHours>& hours,
                                                      const LocalDayRange& days);

// The instants at which a slot of `duration_seconds` may start on `date`, ascending and
// distinct: local wall times whose minute of the day is a multiple of `step_minutes`, that
// exist (a start in a gap is skipped; a repeated one is taken once, at its earlier instant),
// and whose [start, start + duration) lies inside one of the date's spans.
// Preconditions: CheckOpeningHours(hours), step_minutes > 0, duration_seconds > 0.
std::vector<int64_t> CandidateStartsOn(CivilDate date, const std::vector<OpeningHours>& hours,
                                       const ClinicZone& zone, int step_minutes,
                                       int64_t duration_seconds);

// The hours of `date`'s weekday for people, in the zone's wall-clock time and naming the
// zone: "Monday 09:00-12:00, 13:00-17:00 (Europe/London)", or "closed on Sundays
// (Europe/London)". Spans in opening order; 1440 reads "24:00".
std::string DescribeHoursOn(CivilDate date, const std::vector<OpeningHours>& hours,
                            const ClinicZone& zone);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_OPENING_HOURS_H_
