// Requests of PlanningService and SchedulingService (requests.h).
#include "requests.h"

namespace needlework::ctl {

StatusOr<v1::ProposePlanRequest> BuildProposePlanRequest(const Command& command) {
  v1::ProposePlanRequest request;
  NW_RETURN_IF_ERROR(FillPatientFields(command, &request));
  request.set_severity(command.severity);
  return request;
}

v1::CreatePlanRequest BuildCreatePlanRequest(const Command& command, types::v1::SeriesPlan plan) {
  v1::CreatePlanRequest request;
  request.set_patient_ref(command.patient_ref);
  *request.mutable_plan() = std::move(plan);
  request.set_screening_outcome(command.screening_outcome);
  return request;
}

v1::GetPlanRequest BuildGetPlanRequest(const Command& command) {
  v1::GetPlanRequest request;
  request.set_plan_id(command.plan_id);
  return request;
}

v1::ListPlansRequest BuildListPlansRequest(const Command& command) {
  v1::ListPlansRequest request;
  request.set_patient_ref(command.patient_ref);
  return request;
}

v1::CancelPlanRequest BuildCancelPlanRequest(const Command& command) {
  v1::CancelPlanRequest request;
  request.set_plan_id(command.plan_id);
  request.set_reason(command.reason);
  return request;
}

v1::FindSlotsRequest BuildFindSlotsRequest(const Command& command) {
  v1::FindSlotsRequest request;
  request.set_plan_id(command.plan_id);
  request.set_session_index(command.session_index);
  request.set_from_date(command.from_date);
  request.set_to_date(command.to_date);
  request.set_practitioner_id(command.practitioner_id);
  request.set_max_results(command.max_results);
  return request;
}

v1::BookRequest BuildBookRequest(const Command& command) {
  v1::BookRequest request;
  request.set_plan_id(command.plan_id);
  request.set_session_index(command.session_index);
  request.set_start(command.start);
  request.set_practitioner_id(command.practitioner_id);
  request.set_room_id(command.room_id);
  for (const std::string& device : command.device_ids) request.add_device_ids(device);
  return request;
}

v1::RescheduleRequest BuildRescheduleRequest(const Command& command) {
  v1::RescheduleRequest request;
  request.set_appointment_id(command.appointment_id);
  request.set_start(command.start);
  request.set_practitioner_id(command.practitioner_id);
  request.set_room_id(command.room_id);
  for (const std::string& device : command.device_ids) request.add_device_ids(device);
  return request;
}

v1::CancelAppointmentRequest BuildCancelAppointmentRequest(const Command& command) {
  v1::CancelAppointmentRequest request;
  request.set_appointment_id(command.appointment_id);
  request.set_reason(command.reason);
  return request;
}

v1::ListAppointmentsRequest BuildListAppointmentsRequest(const Command& command) {
  v1::ListAppointmentsRequest request;
  if (!command.patient_ref.empty()) {
    request.set_patient_ref(command.patient_ref);
  } else if (!command.day.empty()) {
    request.set_day(command.day);
  } else {
    request.set_resource_id(command.resource_id);
  }
  request.set_include_cancelled(command.include_cancelled);
  return request;
}

v1::CompleteSessionRequest BuildCompleteSessionRequest(const Command& command) {
  v1::CompleteSessionRequest request;
  request.set_appointment_id(command.appointment_id);
  v1::SessionCompletion& completion = *request.mutable_completion();
  for (const types::v1::Coding& area : command.areas) completion.add_treatment_areas(area.code());
  completion.set_needle_depth_mm(command.depth_mm.value_or(0));
  for (const v1::ProductUse& product : command.products) *completion.add_products() = product;
  completion.mutable_add_ons()->Add(command.add_ons.begin(), command.add_ons.end());
  completion.set_practitioner_id(command.practitioner_id);
  completion.set_notes(command.notes);
  return request;
}

v1::ExportCalendarRequest BuildExportCalendarRequest(const Command& command) {
  v1::ExportCalendarRequest request;
  request.set_patient_ref(command.patient_ref);
  return request;
}

}  // namespace needlework::ctl
