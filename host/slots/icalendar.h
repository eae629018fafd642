// iCalendar (RFC 5545) export of treatment sessions: one VCALENDAR with a VTIMEZONE for the
// clinic's zone and one VEVENT per session, for the patient's or practitioner's calendar app.
#ifndef NEEDLEWORK_HOST_SLOTS_ICALENDAR_H_
#define NEEDLEWORK_HOST_SLOTS_ICALENDAR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "host/slots/clinic_time.h"
#include "needlework/status.h"

namespace needlework::host::slots {

struct CalendarEvent {
  std::string uid;    // stable across updates of one session, e.g. "session-42@clinic.example"
  int64_t start = 0;  // Unix seconds, [start, end)
  int64_t end = 0;
  std::string summary;
  std::string description;           // optional (empty: no DESCRIPTION)
  std::string location;              // optional (empty: no LOCATION)
  std::string status = "CONFIRMED";  // "CONFIRMED" or "CANCELLED"
  int sequence = 0;                  // increase on every update of the same uid
};

struct CalendarInput {
  const ClinicZone* zone = nullptr;  // not owned; the TZID of every DTSTART and DTEND
  int64_t now = 0;                   // Unix seconds, written as every event's DTSTAMP
  std::vector<CalendarEvent> events;
};

// The VCALENDAR text (PRODID -//Needlework//Needlework 0.1//EN, VERSION 2.0, CALSCALE
// GREGORIAN, METHOD PUBLISH): a VTIMEZONE covering the events' span (or `now` when there are
// none), then one VEVENT per event in input order. Times are local with the zone's TZID,
// e.g. DTSTART;TZID=Europe/London:20260329T100000; an instant in the second pass of a
// fall-back hour, which local time cannot name, is written in UTC (…T010000Z) instead. TEXT
// values are escaped, lines folded at 75 octets, every line ends in CRLF.
// INVALID_ARGUMENT for no zone, an empty uid, end not after start, a status other than the two
// above, a negative sequence, or a time (now included) outside the years 1970 to 9999.
StatusOr<std::string> BuildICalendar(const CalendarInput& input);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_ICALENDAR_H_
