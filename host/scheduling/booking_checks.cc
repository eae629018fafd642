#include "host/scheduling/booking_checks.h"

#include <algorithm>

#include "host/calendar/appointment_view.h"
#include "host/catalog/add_ons.h"
#include "host/plugins/hook_runner.h"
#include "needlework/plugin/v1/check_booking.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using needlework::plugin::v1::HOOK_CHECK_BOOKING;

std::string TypeName(int type) {
  switch (type) {
    case types::RESOURCE_TYPE_PRACTITIONER:
      return "practitioner";
    case types::RESOURCE_TYPE_ROOM:
      return "room";
    default:
      return "device";
  }
}

StatusOr<const ResourceRecord*> UsableResource(const ClinicCalendar& calendar,
                                               const std::string& id, int type,
                                               const std::string& device_kind) {
  const ResourceRecord* resource = calendar.FindResource(id);
  if (resource == nullptr) return NotFoundError("no resource '" + id + "' at this clinic");
  if (!resource->active) return InvalidArgumentError("resource '" + id + "' is inactive");
  if (resource->type != type || (!device_kind.empty() && resource->device_kind != device_kind)) {
    std::string wanted = TypeName(type) + (device_kind.empty() ? "" : " of kind " + device_kind);
    return InvalidArgumentError(
        "resource '" + id + "' is a " + TypeName(resource->type) +
        (resource->device_kind.empty() ? "" : " of kind " + resource->device_kind) + ", not a " +
        wanted);
  }
  return resource;
}

types::BookingViolation PluginFailure(const PluginCallResult& result) {
  types::BookingViolation violation;
  violation.set_code("check-incomplete");
  violation.set_message(result.instance->plugin_id() + " could not check the booking (" +
                        result.message + "); it is refused until it can");
  return violation;
}

}  // namespace

StatusOr<LoadedPlan> LoadActivePlan(Store& store, const ClinicPlugins& plugins,
                                    const std::string& clinic_id, const std::string& plan_id) {
  if (plan_id.empty()) return InvalidArgumentError("plan_id is required");
  NW_ASSIGN_OR_RETURN(PlanRecord record, store.GetPlan(clinic_id, plan_id));
  if (record.status != types::PLAN_STATUS_ACTIVE) {
    return FailedPreconditionError("plan " + plan_id + " is " +
                                   types::PlanStatus_Name(record.status) + ", not active");
  }
  LoadedPlan plan{record, {}, {}};
  plan.series.ParseFromString(record.series_bytes);
  plan.session = ComposeSession(plan.series, plan.series.add_ons(), plugins);
  return plan;
}

Status CheckSessionIndex(const LoadedPlan& plan, int session_index) {
  int count = plan.series.session_count();
  if (session_index >= 0 && session_index < count) return OkStatus();
  // session_index is 0-based; people (and errors) count sessions from 1.
  return Status(StatusCode::kOutOfRange,
                "session_index " + std::to_string(session_index) + " (session " +
                    std::to_string(int64_t{session_index} + 1) + ") is out of range: plan " +
                    plan.record.plan_id + " has " + std::to_string(count) +
                    " sessions (session_index 0 to " + std::to_string(count - 1) +
                    ", sessions 1 to " + std::to_string(count) + ")");
}

StatusOr<std::vector<std::string>> AssignResources(const ClinicCalendar& calendar,
                                                   const LoadedPlan& plan,
                                                   const std::string& practitioner_id,
                                                   const std::string& room_id,
                                                   const std::vector<std::string>& device_ids) {
  std::vector<std::string> unused = device_ids;
  std::vector<std::string> assigned;
  for (const auto& requirement : plan.session.requirements()) {
    std::string id;
    if (requirement.type() == types::RESOURCE_TYPE_PRACTITIONER) id = practitioner_id;
    if (requirement.type() == types::RESOURCE_TYPE_ROOM) id = room_id;
    if (requirement.type() == types::RESOURCE_TYPE_DEVICE) {
      auto it = std::find_if(unused.begin(), unused.end(), [&](const std::string& d) {
        const ResourceRecord* r = calendar.FindResource(d);
        return r != nullptr && r->device_kind == requirement.device_kind();
      });
      if (it != unused.end()) {
        id = *it;
        unused.erase(it);
      }
    }
    if (id.empty()) {
      return InvalidArgumentError(
          "the session needs a " + TypeName(requirement.type()) +
          (requirement.device_kind().empty() ? "" : " of kind " + requirement.device_kind()) +
          "; none was given");
    }
    NW_RETURN_IF_ERROR(
        UsableResource(calendar, id, requirement.type(), requirement.device_kind()).status());
    assigned.push_back(id);
  }
  if (!unused.empty()) {
    return InvalidArgumentError("device '" + unused.front() + "' is not needed by this session");
  }
  for (size_t i = 0; i < assigned.size(); ++i) {
    if (std::find(assigned.begin() + static_cast<long>(i) + 1, assigned.end(), assigned[i]) !=
        assigned.end()) {
      return InvalidArgumentError("resource '" + assigned[i] +
                                  "' is named twice; each requirement needs its own resource");
    }
  }
  return assigned;
}

Status CheckOpeningHours(const ClinicCalendar& calendar, int64_t start, int64_t end) {
  auto date = slots::LocalDate(start, calendar.zone);
  for (const auto& span : slots::OpeningSpansOn(date, calendar.hours, calendar.zone)) {
    if (span.start <= start && end <= span.end) return OkStatus();
  }
  return FailedPreconditionError("the session " + slots::FormatLocal(start, calendar.zone) +
                                 " to " + slots::FormatLocal(end, calendar.zone) +
                                 " is outside the clinic's opening hours: " +
                                 slots::DescribeHoursOn(date, calendar.hours, calendar.zone));
}

Status CheckResourcesFree(Store& store, const ClinicCalendar& calendar,
                          const AppointmentRecord& appointment, const std::string& ignore) {
  NW_ASSIGN_OR_RETURN(
      auto busy, store.ListBusy(calendar.clinic.clinic_id, appointment.start, appointment.end));
  for (const std::string& id : appointment.resource_ids) {  // practitioner, room, devices
    auto held = std::ranges::find_if(busy, [&](const BusyRecord& b) {
      return b.resource_id == id && b.appointment_id != ignore;
    });
    if (held == busy.end()) continue;
    const ResourceRecord* resource = calendar.FindResource(id);
    return FailedPreconditionError(
        TypeName(resource != nullptr ? resource->type : types::RESOURCE_TYPE_DEVICE) + " '" + id +
        "' is already booked by appointment " + held->appointment_id + " from " +
        slots::FormatLocal(held->start, calendar.zone) + " to " +
        slots::FormatLocal(held->end, calendar.zone) +
        "; choose a time when it is free (FindSlots offers only those)");
  }
  return OkStatus();
}

StatusOr<std::vector<AppointmentRecord>> PlanHistory(Store& store, const LoadedPlan& plan,
                                                     const std::string& ignore_appointment) {
  NW_ASSIGN_OR_RETURN(auto sessions,
                      store.ListAppointmentsOfPlan(plan.record.clinic_id, plan.record.plan_id));
  std::erase_if(sessions,
                [&](const AppointmentRecord& s) { return s.appointment_id == ignore_appointment; });
  return sessions;
}

StatusOr<std::vector<types::BookingViolation>> PluginViolations(
    const PluginCalls& plugins, const ClinicCalendar& calendar, const LoadedPlan& plan,
    int session_index, int64_t start, int64_t end, const std::vector<AppointmentRecord>& history) {
  auto snapshot = plugins.registry.Snapshot(calendar.clinic.clinic_id);
  if (!snapshot->BaseServes(HOOK_CHECK_BOOKING) && snapshot->unavailable.empty()) {
    return FailedPreconditionError("no scheduling plugin is enabled for clinic '" +
                                   calendar.clinic.clinic_id +
                                   "', so bookings cannot be checked; an admin can enable "
                                   "org.needlework.scheduling");
  }
  needlework::plugin::v1::CheckBookingRequest request;
  request.set_plan_id(plan.record.plan_id);
  *request.mutable_plan() = plan.series;
  *request.mutable_plan()->mutable_add_ons() = plan.session.add_ons();  // those still offered
  request.set_plan_status(static_cast<types::PlanStatus>(plan.record.status));
  request.set_screening_outcome(static_cast<types::Outcome>(plan.record.screening_outcome));
  request.set_session_index(session_index);
  request.set_start_unix_seconds(start);
  request.set_end_unix_seconds(end);
  request.set_clinic_time_zone(calendar.zone.name());
  for (const auto& session : history) *request.add_history() = ToSessionRecord(session);
  auto results = RunHookAndWait(
      plugins, snapshot->ForTreatment(HOOK_CHECK_BOOKING, plan.session.add_ons()),
      HOOK_CHECK_BOOKING, request.SerializeAsString(), plugins.deadlines.For("check_booking"));
  return MergeViolations(results, snapshot->unavailable);
}

std::vector<types::BookingViolation> MergeViolations(
    const std::vector<PluginCallResult>& results,
    const std::vector<UnavailablePlugin>& unavailable) {
  std::vector<types::BookingViolation> violations;
  for (const auto& missing : unavailable) {
    types::BookingViolation violation;
    violation.set_code("check-incomplete");
    violation.set_message(missing.plugin_id + " is enabled for this clinic but unavailable (" +
                          missing.reason + "), so it could not check the booking");
    violations.push_back(std::move(violation));
  }
  for (const auto& result : results) {
    needlework::plugin::v1::CheckBookingResponse answer;
    if (result.state != needlework::v1::PluginRun::STATE_OK ||
        !answer.ParseFromString(result.response)) {
      violations.push_back(PluginFailure(result));
      continue;
    }
    violations.insert(violations.end(), answer.violations().begin(), answer.violations().end());
  }
  return violations;
}

Status ViolationsToStatus(const std::vector<types::BookingViolation>& violations) {
  if (violations.empty()) return OkStatus();
  std::string message = "the booking is not allowed: ";
  for (size_t i = 0; i < violations.size(); ++i) {
    message += (i == 0 ? "" : "; ") + violations[i].message() + " [" + violations[i].code() + "]";
  }
  return FailedPreconditionError(message);
}

}  // namespace needlework::host
