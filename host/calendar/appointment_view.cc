#include "host/calendar/appointment_view.h"

#include "needlework/types/v1/therapy.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

const ResourceRecord* Find(const std::vector<ResourceRecord>& resources, const std::string& id) {
  for (const auto& r : resources) {
    if (r.resource_id == id) return &r;
  }
  return nullptr;
}

void AddParticipant(const std::string& reference, const std::string& display,
                    needlework::v1::Appointment* out) {
  auto* participant = out->add_participants();
  participant->set_reference(reference);
  participant->set_display(display);
}

void AddResource(const std::string& id, const std::vector<ResourceRecord>& resources,
                 needlework::v1::Appointment* out) {
  const ResourceRecord* resource = Find(resources, id);
  int type = resource != nullptr ? resource->type : types::RESOURCE_TYPE_UNSPECIFIED;
  std::string display = resource != nullptr ? resource->display_name : id;
  if (type == types::RESOURCE_TYPE_PRACTITIONER) {
    out->set_practitioner_id(id);
    AddParticipant("Practitioner/" + id, display, out);
  } else if (type == types::RESOURCE_TYPE_ROOM) {
    out->set_room_id(id);
    AddParticipant("Location/" + id, display, out);
  } else {
    out->add_device_ids(id);
    AddParticipant("Device/" + id, display, out);
  }
}

}  // namespace

types::SessionRecord ToSessionRecord(const AppointmentRecord& appointment) {
  types::SessionRecord record;
  record.set_appointment_id(appointment.appointment_id);
  record.set_session_index(appointment.session_index);
  record.set_start_unix_seconds(appointment.start);
  record.set_end_unix_seconds(appointment.end);
  record.set_status(static_cast<types::AppointmentStatus>(appointment.status));
  return record;
}

needlework::v1::Appointment ToApiAppointment(const AppointmentRecord& appointment,
                                             const std::vector<ResourceRecord>& resources,
                                             const slots::ClinicZone& zone) {
  needlework::v1::Appointment out;
  out.set_appointment_id(appointment.appointment_id);
  out.set_plan_id(appointment.plan_id);
  out.set_session_index(appointment.session_index);
  out.set_patient_ref(appointment.patient_ref);
  out.set_status(static_cast<types::AppointmentStatus>(appointment.status));
  out.set_start(slots::FormatLocal(appointment.start, zone));
  out.set_end(slots::FormatLocal(appointment.end, zone));
  AddParticipant(appointment.patient_ref, "", &out);
  for (const auto& id : appointment.resource_ids) AddResource(id, resources, &out);
  out.set_cancel_reason(appointment.cancel_reason);
  if (!appointment.completion_bytes.empty()) {
    out.mutable_completion()->ParseFromString(appointment.completion_bytes);
  }
  needlework::types::v1::SessionShape session;
  session.ParseFromString(appointment.session_bytes);
  *out.mutable_add_ons() = session.add_ons();
  return out;
}

needlework::v1::Plan ToApiPlan(const PlanRecord& plan,
                               const std::vector<AppointmentRecord>& appointments,
                               const slots::ClinicZone& zone) {
  needlework::v1::Plan out;
  out.set_plan_id(plan.plan_id);
  out.set_patient_ref(plan.patient_ref);
  out.mutable_plan()->ParseFromString(plan.series_bytes);
  out.set_status(static_cast<types::PlanStatus>(plan.status));
  out.set_screening_outcome(static_cast<types::Outcome>(plan.screening_outcome));
  out.set_screening_id(plan.screening_id);
  out.set_created_at(slots::FormatLocal(plan.created_at, zone));
  out.set_cancel_reason(plan.cancel_reason);
  for (const auto& a : appointments) *out.add_sessions() = ToSessionRecord(a);
  return out;
}

}  // namespace needlework::host
