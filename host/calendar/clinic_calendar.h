// A clinic with its time zone, opening hours and resources: what every scheduling call
// needs, loaded once per call.
#ifndef NEEDLEWORK_HOST_CALENDAR_CLINIC_CALENDAR_H_
#define NEEDLEWORK_HOST_CALENDAR_CLINIC_CALENDAR_H_

#include <string>
#include <vector>

#include "host/slots/clinic_time.h"
#include "host/slots/opening_hours.h"
#include "host/storage/store.h"

namespace needlework::host {

struct ClinicCalendar {
  ClinicRecord clinic;
  slots::ClinicZone zone;
  std::vector<slots::OpeningHours> hours;
  std::vector<ResourceRecord> resources;

  // The resource with this id, or nullptr.
  const ResourceRecord* FindResource(const std::string& resource_id) const;
};

// NOT_FOUND for an unknown clinic; FAILED_PRECONDITION when its stored zone is unknown.
StatusOr<ClinicCalendar> LoadClinicCalendar(Store& store, const std::string& clinic_id);

// Only the clinic and its zone (no hours or resources).
StatusOr<slots::ClinicZone> LoadClinicZone(Store& store, const std::string& clinic_id);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CALENDAR_CLINIC_CALENDAR_H_
