#include "host/scheduling/booking_flow.h"

#include "host/aftercare/aftercare_plan.h"
#include "host/calendar/appointment_view.h"
#include "host/common/ids.h"
#include "host/common/log.h"
#include "host/common/time_util.h"
#include "host/scheduling/booking_checks.h"
#include "host/scheduling/completion_checks.h"
#include "host/screening/screening_gate.h"
#include "host/storage/idempotent_write.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

StatusOr<int64_t> FutureStart(const std::string& text) {
  if (text.empty()) return InvalidArgumentError("start is required (RFC 3339 with an offset)");
  auto start = slots::ParseRfc3339(text);
  if (!start.ok()) return start.status().WithPrefix("start");
  if (*start < NowSeconds()) return InvalidArgumentError("start " + text + " is in the past");
  return *start;
}

// Validates `write.appointment` (times, resources, hours, plugins), then saves it with the
// plan's reminders re-timed, in one transaction that re-checks the history the plugins saw.
StatusOr<v1::Appointment> Save(Store& store, const PluginCalls& plugins,
                               const ClinicCalendar& calendar, const LoadedPlan& plan,
                               BookingWrite write) {
  AppointmentRecord& appointment = write.appointment;
  NW_RETURN_IF_ERROR(CheckOpeningHours(calendar, appointment.start, appointment.end));
  NW_RETURN_IF_ERROR(CheckResourcesFree(store, calendar, appointment, write.replaces));
  NW_ASSIGN_OR_RETURN(write.checked_history, PlanHistory(store, plan, write.replaces));
  NW_ASSIGN_OR_RETURN(auto violations,
                      PluginViolations(plugins, calendar, plan, appointment.session_index,
                                       appointment.start, appointment.end, write.checked_history));
  NW_RETURN_IF_ERROR(ViolationsToStatus(violations));
  appointment.updated_at = NowSeconds();
  v1::Appointment answer = ToApiAppointment(appointment, calendar.resources, calendar.zone);
  AnswerWith(write.claim, answer);
  write.retimer = ReminderRetimer(calendar);
  NW_RETURN_IF_ERROR(store.SaveBooking(write));
  LogEvent(Level::kInfo, write.replaces.empty() ? "appointment_booked" : "appointment_moved",
           {{"clinic", calendar.clinic.clinic_id},
            {"appointment", appointment.appointment_id},
            {"plan", appointment.plan_id}});
  return answer;
}

StatusOr<AppointmentRecord> BookedAppointment(Store& store, const std::string& clinic_id,
                                              const std::string& appointment_id) {
  if (appointment_id.empty()) return InvalidArgumentError("appointment_id is required");
  NW_ASSIGN_OR_RETURN(AppointmentRecord appointment,
                      store.GetAppointment(clinic_id, appointment_id));
  if (appointment.status != types::APPOINTMENT_STATUS_BOOKED) {
    return FailedPreconditionError("appointment " + appointment_id + " is " +
                                   types::AppointmentStatus_Name(appointment.status) +
                                   ", not booked");
  }
  return appointment;
}

// The practitioner, room and devices `current` holds, split the way a request names them.
void CurrentResources(const ClinicCalendar& calendar, const AppointmentRecord& current,
                      std::string* practitioner, std::string* room,
                      std::vector<std::string>* devices) {
  for (const auto& id : current.resource_ids) {
    const ResourceRecord* r = calendar.FindResource(id);
    int type = r != nullptr ? r->type : types::RESOURCE_TYPE_DEVICE;
    if (type == types::RESOURCE_TYPE_PRACTITIONER) *practitioner = id;
    if (type == types::RESOURCE_TYPE_ROOM) *room = id;
    if (type == types::RESOURCE_TYPE_DEVICE) devices->push_back(id);
  }
}

}  // namespace

StatusOr<v1::Appointment> BookSession(Store& store, const PluginCalls& plugins,
                                      const std::string& clinic_id, const v1::BookRequest& request,
                                      IdempotencyClaim* claim) {
  NW_ASSIGN_OR_RETURN(LoadedPlan plan, LoadActivePlan(store, *plugins.registry.Snapshot(clinic_id),
                                                      clinic_id, request.plan_id()));
  NW_RETURN_IF_ERROR(CheckScreeningAllowsBooking(store, plan.record, plan.series));
  NW_RETURN_IF_ERROR(CheckSessionIndex(plan, request.session_index()));
  NW_ASSIGN_OR_RETURN(int64_t start, FutureStart(request.start()));
  NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store, clinic_id));
  std::vector<std::string> devices(request.device_ids().begin(), request.device_ids().end());
  NW_ASSIGN_OR_RETURN(auto resources, AssignResources(calendar, plan, request.practitioner_id(),
                                                      request.room_id(), devices));
  AppointmentRecord appointment;
  appointment.appointment_id = NewId("apt");
  appointment.clinic_id = clinic_id;
  appointment.plan_id = plan.record.plan_id;
  appointment.session_index = request.session_index();
  appointment.patient_ref = plan.record.patient_ref;
  appointment.start = start;
  appointment.end = start + int64_t{plan.session.minutes()} * 60;
  appointment.session_bytes = plan.session.SerializeAsString();
  appointment.status = types::APPOINTMENT_STATUS_BOOKED;
  appointment.resource_ids = std::move(resources);
  return Save(store, plugins, calendar, plan, {std::move(appointment), "", {}, {}, claim});
}

StatusOr<v1::Appointment> RescheduleSession(Store& store, const PluginCalls& plugins,
                                            const std::string& clinic_id,
                                            const v1::RescheduleRequest& request,
                                            IdempotencyClaim* claim) {
  NW_ASSIGN_OR_RETURN(AppointmentRecord appointment,
                      BookedAppointment(store, clinic_id, request.appointment_id()));
  NW_ASSIGN_OR_RETURN(LoadedPlan plan, LoadActivePlan(store, *plugins.registry.Snapshot(clinic_id),
                                                      clinic_id, appointment.plan_id));
  NW_RETURN_IF_ERROR(CheckScreeningAllowsBooking(store, plan.record, plan.series));
  NW_ASSIGN_OR_RETURN(int64_t start, FutureStart(request.start()));
  NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store, clinic_id));
  std::string practitioner, room;
  std::vector<std::string> devices;
  CurrentResources(calendar, appointment, &practitioner, &room, &devices);
  if (!request.practitioner_id().empty()) practitioner = request.practitioner_id();
  if (!request.room_id().empty()) room = request.room_id();
  if (!request.device_ids().empty())
    devices.assign(request.device_ids().begin(), request.device_ids().end());
  NW_ASSIGN_OR_RETURN(appointment.resource_ids,
                      AssignResources(calendar, plan, practitioner, room, devices));
  appointment.start = start;
  appointment.end = start + int64_t{plan.session.minutes()} * 60;
  appointment.session_bytes = plan.session.SerializeAsString();
  std::string id = appointment.appointment_id;
  return Save(store, plugins, calendar, plan, {std::move(appointment), id, {}, {}, claim});
}

StatusOr<v1::Appointment> CancelSession(Store& store, const std::string& clinic_id,
                                        const v1::CancelAppointmentRequest& request,
                                        IdempotencyClaim* claim) {
  if (request.reason().empty()) return InvalidArgumentError("reason is required");
  NW_ASSIGN_OR_RETURN(AppointmentRecord appointment,
                      BookedAppointment(store, clinic_id, request.appointment_id()));
  NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store, clinic_id));
  appointment.status = types::APPOINTMENT_STATUS_CANCELLED;
  appointment.cancel_reason = request.reason();
  appointment.updated_at = NowSeconds();
  v1::Appointment answer = ToApiAppointment(appointment, calendar.resources, calendar.zone);
  AnswerWith(claim, answer);
  NW_RETURN_IF_ERROR(
      store.TransitionBookedAppointment(appointment, ReminderRetimer(calendar), claim));
  LogEvent(Level::kInfo, "appointment_cancelled",
           {{"clinic", clinic_id}, {"appointment", appointment.appointment_id}});
  return answer;
}

StatusOr<v1::Appointment> CompleteSession(Store& store, const PluginCalls& plugins,
                                          const std::string& clinic_id,
                                          const v1::CompleteSessionRequest& request,
                                          IdempotencyClaim* claim) {
  NW_ASSIGN_OR_RETURN(AppointmentRecord appointment,
                      BookedAppointment(store, clinic_id, request.appointment_id()));
  NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store, clinic_id));
  v1::SessionCompletion completion = request.completion();
  double depth = completion.needle_depth_mm();
  if (!(depth >= 0 && depth <= 5)) {
    return InvalidArgumentError("completion.needle_depth_mm must be 0 to 5 mm");
  }
  NW_RETURN_IF_ERROR(
      SettleCompletedAddOns(*plugins.registry.Snapshot(clinic_id), appointment, &completion));
  completion.set_completed_at(slots::FormatLocal(NowSeconds(), calendar.zone));
  NW_ASSIGN_OR_RETURN(PlanRecord plan, store.GetPlan(clinic_id, appointment.plan_id));
  types::SeriesPlan series;
  series.ParseFromString(plan.series_bytes);
  CompletionWrite write;
  write.appointment = std::move(appointment);
  write.appointment.status = types::APPOINTMENT_STATUS_FULFILLED;
  write.appointment.completion_bytes = completion.SerializeAsString();
  write.appointment.updated_at = NowSeconds();
  write.session_count = series.session_count();
  NW_RETURN_IF_ERROR(PrepareAftercare(store, plugins, calendar, series, completion, &write));
  write.retimer = ReminderRetimer(calendar);
  write.claim = claim;
  v1::Appointment answer = ToApiAppointment(write.appointment, calendar.resources, calendar.zone);
  AnswerWith(claim, answer);
  NW_RETURN_IF_ERROR(store.SaveCompletion(write));
  LogEvent(Level::kInfo, "session_completed",
           {{"clinic", clinic_id},
            {"appointment", write.appointment.appointment_id},
            {"messages", write.messages.size()}});
  return answer;
}

}  // namespace needlework::host
