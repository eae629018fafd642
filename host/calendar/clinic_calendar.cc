#include "host/calendar/clinic_calendar.h"

namespace needlework::host {

const ResourceRecord* ClinicCalendar::FindResource(const std::string& resource_id) const {
  for (const auto& resource : resources) {
    if (resource.resource_id == resource_id) return &resource;
  }
  return nullptr;
}

StatusOr<slots::ClinicZone> LoadClinicZone(Store& store, const std::string& clinic_id) {
  NW_ASSIGN_OR_RETURN(ClinicRecord clinic, store.GetClinic(clinic_id));
  auto zone = slots::ClinicZone::Load(clinic.time_zone);
  if (!zone.ok())
    return FailedPreconditionError("clinic '" + clinic_id + "': " + zone.status().message());
  return zone;
}

StatusOr<ClinicCalendar> LoadClinicCalendar(Store& store, const std::string& clinic_id) {
  NW_ASSIGN_OR_RETURN(ClinicRecord clinic, store.GetClinic(clinic_id));
  NW_ASSIGN_OR_RETURN(slots::ClinicZone zone, LoadClinicZone(store, clinic_id));
  NW_ASSIGN_OR_RETURN(auto spans, store.GetOpeningHours(clinic_id));
  NW_ASSIGN_OR_RETURN(auto resources, store.ListResources(clinic_id));
  std::vector<slots::OpeningHours> hours;
  for (const auto& span : spans)
    hours.push_back({span.weekday, span.open_minute, span.close_minute});
  return ClinicCalendar{std::move(clinic), std::move(zone), std::move(hours), std::move(resources)};
}

}  // namespace needlework::host
