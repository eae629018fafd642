#include "host/scheduling/scheduling_service.h"

#include "host/calendar/appointment_view.h"
#include "host/calendar/clinic_calendar.h"
#include "host/common/idempotency_key.h"
#include "host/common/paging.h"
#include "host/common/request_limits.h"
#include "host/common/rpc.h"
#include "host/common/time_util.h"
#include "host/scheduling/booking_flow.h"
#include "host/scheduling/slot_search.h"
#include "host/slots/icalendar.h"
#include "host/storage/idempotent_write.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

// The store's filter for the request's one filter.
StatusOr<AppointmentFilter> FilterOf(const ClinicCalendar& calendar,
                                     const v1::ListAppointmentsRequest& request) {
  AppointmentFilter filter;
  filter.include_cancelled = request.include_cancelled();
  switch (request.filter_case()) {
    case v1::ListAppointmentsRequest::kPatientRef:
      if (request.patient_ref().empty()) return InvalidArgumentError("patient_ref is empty");
      filter.patient_ref = request.patient_ref();
      return filter;
    case v1::ListAppointmentsRequest::kResourceId:
      if (calendar.FindResource(request.resource_id()) == nullptr) {
        return NotFoundError("no resource '" + request.resource_id() + "' at this clinic");
      }
      filter.resource_id = request.resource_id();
      return filter;
    case v1::ListAppointmentsRequest::kDay: {
      auto day = slots::ParseDate(request.day());
      if (!day.ok()) return day.status().WithPrefix("day");
      NW_ASSIGN_OR_RETURN(auto range, slots::LocalDayRangeToUtc({*day, *day}, calendar.zone));
      filter.from = range.start;
      filter.to = range.end;
      return filter;
    }
    default:
      return InvalidArgumentError("set one filter: patient_ref, day (YYYY-MM-DD) or resource_id");
  }
}

slots::CalendarEvent ToEvent(const AppointmentRecord& a, const ClinicCalendar& calendar,
                             int session_count) {
  slots::CalendarEvent event;
  event.uid = a.appointment_id + "@" + calendar.clinic.clinic_id + ".needlework";
  event.start = a.start;
  event.end = a.end;
  event.summary = "Microneedling session " + std::to_string(a.session_index + 1) + " of " +
                  std::to_string(session_count);
  event.location = calendar.clinic.display_name;
  event.description = "Arrive 10 minutes early; numbing cream is applied before the session.";
  event.status = a.status == types::APPOINTMENT_STATUS_CANCELLED ? "CANCELLED" : "CONFIRMED";
  // Increases with every change (seconds since the epoch fit RFC 5545's integer until 2038).
  event.sequence = static_cast<int>(std::min<int64_t>(a.updated_at, INT32_MAX));
  return event;
}

}  // namespace

template <typename Body>
grpc::ServerUnaryReactor* SchedulingServiceImpl::AsEmr(Ctx* context, Body&& body) {
  auto caller = tokens_.Authorize(*context);
  return FinishWith(context, caller.ok() ? body(caller->clinic_id) : caller.status());
}

// Writes wait for their commit to reach the disk: they run on the blocking pool, so gRPC's
// few callback threads keep serving and concurrent writes can share one commit.
template <typename Body>
grpc::ServerUnaryReactor* SchedulingServiceImpl::AsEmrWriter(Ctx* context, Body body) {
  auto caller = tokens_.Authorize(*context);
  if (!caller.ok()) return FinishWith(context, caller.status());
  auto* reactor = context->DefaultReactor();
  Status queued =
      blocking_.Submit([reactor, body = std::move(body), clinic_id = caller->clinic_id] {
        reactor->Finish(ToGrpcStatus(body(clinic_id)));
      });
  if (!queued.ok()) reactor->Finish(ToGrpcStatus(queued));
  return reactor;
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::FindSlots(Ctx* context,
                                                           const v1::FindSlotsRequest* request,
                                                           v1::FindSlotsResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) {
    return host::FindSlots(store_, plugins_, clinic_id, *request, response);
  });
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::Book(Ctx* context, const v1::BookRequest* request,
                                                      v1::Appointment* response) {
  return AsEmrWriter(context, [=, this](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(
        store_, {clinic_id, "Book", key, NowSeconds()}, *request, response,
        [&](IdempotencyClaim* claim) -> Status {
          NW_ASSIGN_OR_RETURN(*response, BookSession(store_, plugins_, clinic_id, *request, claim));
          return OkStatus();
        });
  });
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::Reschedule(Ctx* context,
                                                            const v1::RescheduleRequest* request,
                                                            v1::Appointment* response) {
  return AsEmrWriter(context, [=, this](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(store_, {clinic_id, "Reschedule", key, NowSeconds()}, *request, response,
                         [&](IdempotencyClaim* claim) -> Status {
                           NW_ASSIGN_OR_RETURN(
                               *response,
                               RescheduleSession(store_, plugins_, clinic_id, *request, claim));
                           return OkStatus();
                         });
  });
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::Cancel(Ctx* context,
                                                        const v1::CancelAppointmentRequest* request,
                                                        v1::Appointment* response) {
  return AsEmrWriter(context, [=, this](const std::string& clinic_id) -> Status {
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(store_, {clinic_id, "Cancel", key, NowSeconds()}, *request, response,
                         [&](IdempotencyClaim* claim) -> Status {
                           NW_ASSIGN_OR_RETURN(*response,
                                               CancelSession(store_, clinic_id, *request, claim));
                           return OkStatus();
                         });
  });
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::CompleteSession(
    Ctx* context, const v1::CompleteSessionRequest* request, v1::Appointment* response) {
  return AsEmrWriter(context, [=, this](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(store_, {clinic_id, "CompleteSession", key, NowSeconds()}, *request,
                         response, [&](IdempotencyClaim* claim) -> Status {
                           NW_ASSIGN_OR_RETURN(
                               *response,
                               host::CompleteSession(store_, plugins_, clinic_id, *request, claim));
                           return OkStatus();
                         });
  });
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::ListAppointments(
    Ctx* context, const v1::ListAppointmentsRequest* request,
    v1::ListAppointmentsResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_ASSIGN_OR_RETURN(Page page, ReadPage(*request, clinic_id));
    NW_ASSIGN_OR_RETURN(RowPage rows, page.Rows());
    NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store_, clinic_id));
    NW_ASSIGN_OR_RETURN(AppointmentFilter filter, FilterOf(calendar, *request));
    NW_ASSIGN_OR_RETURN(auto found, store_.ListAppointmentsPage(clinic_id, filter, rows));
    response->set_next_page_token(TrimRows(found, page, [](const AppointmentRecord& a) {
      return PageKey(a.start, a.appointment_id);
    }));
    for (const auto& a : found) {
      *response->add_appointments() = ToApiAppointment(a, calendar.resources, calendar.zone);
    }
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* SchedulingServiceImpl::ExportCalendar(
    Ctx* context, const v1::ExportCalendarRequest* request, v1::ExportCalendarResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    if (request->patient_ref().empty()) return InvalidArgumentError("patient_ref is required");
    NW_RETURN_IF_ERROR(store_.ExpectPatient(clinic_id, request->patient_ref()));
    NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store_, clinic_id));
    NW_ASSIGN_OR_RETURN(auto found,
                        store_.ListAppointmentsOfPatient(clinic_id, request->patient_ref()));
    slots::CalendarInput input{&calendar.zone, NowSeconds(), {}};
    for (const auto& a : found) {
      if (a.status != types::APPOINTMENT_STATUS_BOOKED) continue;
      NW_ASSIGN_OR_RETURN(PlanRecord plan, store_.GetPlan(clinic_id, a.plan_id));
      types::SeriesPlan series;
      series.ParseFromString(plan.series_bytes);
      input.events.push_back(ToEvent(a, calendar, series.session_count()));
    }
    NW_ASSIGN_OR_RETURN(*response->mutable_icalendar(), slots::BuildICalendar(input));
    return OkStatus();
  });
}

}  // namespace needlework::host
