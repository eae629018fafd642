// Resolving a plugin's relative times (TimeSpec) to instants in the clinic's zone.
#ifndef NEEDLEWORK_HOST_AFTERCARE_TIME_SPEC_H_
#define NEEDLEWORK_HOST_AFTERCARE_TIME_SPEC_H_

#include <cstdint>
#include <optional>

#include "host/slots/clinic_time.h"
#include "needlework/types/v1/aftercare.pb.h"

namespace needlework::host {

// The instants a TimeSpec can be anchored to; unknown ones are empty.
struct Anchors {
  int64_t session_end = 0;
  std::optional<int64_t> next_session_start;  // the plan's next booked session
  std::optional<int64_t> series_end;          // set when this session ends the series
};

// Unix seconds, or empty when the spec's anchor is unknown or unspecified. A LocalTime is
// the anchor's local date, plus month_offset months (day-of-month overflow rolls into the
// next month), plus day_offset days, at minute_of_day wall-clock time in `zone` (a time in a
// spring-forward gap moves to the change).
std::optional<int64_t> ResolveTimeSpec(const needlework::types::v1::TimeSpec& spec,
                                       const Anchors& anchors, const slots::ClinicZone& zone);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AFTERCARE_TIME_SPEC_H_
