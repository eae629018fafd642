// Stored plans and appointments as needlework.v1 messages, times in the clinic's zone.
#ifndef NEEDLEWORK_HOST_CALENDAR_APPOINTMENT_VIEW_H_
#define NEEDLEWORK_HOST_CALENDAR_APPOINTMENT_VIEW_H_

#include <vector>

#include "host/slots/clinic_time.h"
#include "host/storage/store.h"
#include "needlework/v1/planning.pb.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {

// The plan with every session of it (`appointments` of that plan, any status).
needlework::v1::Plan ToApiPlan(const PlanRecord& plan,
                               const std::vector<AppointmentRecord>& appointments,
                               const slots::ClinicZone& zone);

// Participants follow FHIR Appointment.participant: the EMR's patient reference, then
// Practitioner/, Location/ (rooms) and Device/ references.
needlework::v1::Appointment ToApiAppointment(const AppointmentRecord& appointment,
                                             const std::vector<ResourceRecord>& resources,
                                             const slots::ClinicZone& zone);

needlework::types::v1::SessionRecord ToSessionRecord(const AppointmentRecord& appointment);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CALENDAR_APPOINTMENT_VIEW_H_
