// The VTIMEZONE component (RFC 5545 3.6.5) for a clinic zone, generated from the zone's
// transitions in the system tzdata rather than hand-written rules.
#ifndef NEEDLEWORK_HOST_SLOTS_ICAL_TIMEZONE_H_
#define NEEDLEWORK_HOST_SLOTS_ICAL_TIMEZONE_H_

#include <string>
#include <vector>

#include "host/slots/clinic_time.h"
#include "host/slots/interval.h"

namespace needlework::host::slots {

// The unfolded content lines of a VTIMEZONE with TZID zone.name(), from BEGIN:VTIMEZONE to
// END:VTIMEZONE, good for local times from span.start to span.end inclusive. One STANDARD or
// DAYLIGHT sub-component per offset change in that span, plus one for the observance already
// in effect at span.start (which starts at its own, earlier, transition). Each has DTSTART (the
// local time of the change in the old offset), TZOFFSETFROM, TZOFFSETTO and TZNAME. A zone
// that has never changed offset (UTC) gets a single STANDARD starting 1970-01-01.
// Precondition: span.start <= span.end.
std::vector<std::string> VTimezoneLines(const ClinicZone& zone, const Interval& span);

// "YYYYMMDDTHHMMSS" for a civil time, the iCalendar local DATE-TIME form.
std::string FormatICalCivil(absl::CivilSecond civil);

// "+0100", "-0500", "+0530"; "+013045" when there are seconds. The iCalendar UTC-OFFSET form.
std::string FormatICalOffset(int offset_seconds);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_ICAL_TIMEZONE_H_
