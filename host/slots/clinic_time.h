// A clinic's IANA time zone and the conversions between Unix seconds, RFC 3339 text and
// local wall-clock time that scheduling needs. Backed by Abseil, which reads the system's
// tzdata (/usr/share/zoneinfo).
//
// Wall-clock rules used everywhere in the scheduling library:
//  - A wall time inside a spring-forward gap does not exist. WallTimeToUtc() returns nullopt
//    for it (no slot ever starts in a gap); WallBoundaryToUtc() maps it to the first instant
//    after the gap (the transition), so a day or an opening span that starts or ends in a gap
//    begins or ends at the change.
//  - A wall time inside a fall-back overlap happens twice; both functions take the earlier
//    instant (the pre-transition offset), so the repeated hour is offered once.
//  - Opening hours are wall-clock hours: 09:00-17:00 stays 09:00-17:00 local on both sides
//    of a change, at different UTC instants.
#ifndef NEEDLEWORK_HOST_SLOTS_CLINIC_TIME_H_
#define NEEDLEWORK_HOST_SLOTS_CLINIC_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "host/slots/interval.h"
#include "needlework/status.h"

namespace needlework::host::slots {

// A calendar date with no time zone, e.g. 2026-03-29.
using CivilDate = absl::CivilDay;

// An IANA time zone loaded from the system tzdata. Cheap to copy; Abseil caches the loaded
// zone data for the life of the process.
class ClinicZone {
 public:
  // Loads `iana_name` (e.g. "Europe/London", or "UTC"). INVALID_ARGUMENT, naming it, when the
  // name is not a zone or link of the tz database's list (tzdata.zi, CheckZoneName()). Only
  // plain IANA names are accepted: no paths, no "." or ".." components, no "localtime",
  // "posixrules", "posix/..." or "right/..." (leap-second) zones. The list is checked before
  // Abseil is asked, so Abseil (which caches every name it is asked for, for the life of the
  // process) only ever holds real zones, whatever requests send.
  static StatusOr<ClinicZone> Load(std::string_view iana_name);

  // The IANA name given to Load().
  const std::string& name() const { return name_; }
  // The underlying Abseil zone, for the conversions below.
  const absl::TimeZone& absl_zone() const { return zone_; }

 private:
  ClinicZone(std::string name, absl::TimeZone zone) : name_(std::move(name)), zone_(zone) {}

  std::string name_;
  absl::TimeZone zone_;
};

// Parses an RFC 3339 date-time with an explicit offset or "Z", e.g. "2026-03-29T10:00:00+01:00"
// or "2026-03-29T09:00:00Z", into Unix seconds. Fractional seconds are accepted and
// truncated towards the past. INVALID_ARGUMENT, quoting the text, for anything else (no
// offset, out-of-range fields, surrounding spaces).
StatusOr<int64_t> ParseRfc3339(std::string_view text);

// RFC 3339 text for `unix_seconds` with the zone's offset at that instant, e.g.
// "2026-03-29T10:00:00+01:00". Round-trips through ParseRfc3339() for instants from 1972 to
// 9999-12-30: before, some zones' offsets had seconds, which RFC 3339 cannot write (the text
// is off by them); outside years 0000-9999 the year is not four digits (the text is refused).
std::string FormatLocal(int64_t unix_seconds, const ClinicZone& zone);

// Parses "YYYY-MM-DD" (exactly that shape, a real date). INVALID_ARGUMENT, quoting the text,
// otherwise.
StatusOr<CivilDate> ParseDate(std::string_view text);

// The local calendar date at `unix_seconds` in `zone`.
CivilDate LocalDate(int64_t unix_seconds, const ClinicZone& zone);

// Local dates from `from` to `to`, both inclusive.
struct LocalDayRange {
  CivilDate from;
  CivilDate to;
};

// The UTC [start, end) covering every instant of the local dates in `range`: from the first
// instant of `from` to the first instant of the day after `to`. A single day lasts 23 or 25
// hours when the clocks change that day. INVALID_ARGUMENT when `to` is before `from`.
StatusOr<Interval> LocalDayRangeToUtc(const LocalDayRange& range, const ClinicZone& zone);

// The instant at local wall time `wall` in `zone`: nullopt inside a spring-forward gap, the
// earlier instant inside a fall-back overlap (see the rules at the top of this file).
std::optional<int64_t> WallTimeToUtc(absl::CivilSecond wall, const ClinicZone& zone);

// Like WallTimeToUtc(), but a wall time inside a gap maps to the transition instant (the first
// instant after the gap). For the edges of days and opening spans.
int64_t WallBoundaryToUtc(absl::CivilSecond wall, const ClinicZone& zone);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_CLINIC_TIME_H_
