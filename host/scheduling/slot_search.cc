#include "host/scheduling/slot_search.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "host/common/time_util.h"
#include "host/scheduling/booking_checks.h"
#include "host/slots/slot_finder.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
using slots::Interval;

constexpr int kMaxWindowDays = 92;
constexpr int kDefaultResults = 50;
constexpr int kMaxResults = 500;
constexpr int64_t kDay = 24 * 3600;

StatusOr<Interval> RequestedWindow(const needlework::v1::FindSlotsRequest& request,
                                   const slots::ClinicZone& zone) {
  auto from = slots::ParseDate(request.from_date());
  if (!from.ok()) return from.status().WithPrefix("from_date");
  auto to = slots::ParseDate(request.to_date());
  if (!to.ok()) return to.status().WithPrefix("to_date");
  if (*to < *from) return InvalidArgumentError("to_date is before from_date");
  if (*to - *from > kMaxWindowDays) {
    return InvalidArgumentError("the window is over " + std::to_string(kMaxWindowDays) +
                                " days; search a shorter range");
  }
  return slots::LocalDayRangeToUtc({*from, *to}, zone);
}

// The starts the plan's spacing allows for `session_index`: from the local day
// min_days_between after the previous session to the end of the day max_days_between after.
StatusOr<Interval> SpacingWindow(Store& store, const ClinicCalendar& calendar,
                                 const LoadedPlan& plan, int session_index) {
  Interval open{INT64_MIN / 2, INT64_MAX / 2};
  if (session_index == 0) return open;
  NW_ASSIGN_OR_RETURN(auto sessions,
                      store.ListAppointmentsOfPlan(calendar.clinic.clinic_id, plan.record.plan_id));
  for (const auto& s : sessions) {
    bool held = s.status == types::APPOINTMENT_STATUS_BOOKED ||
                s.status == types::APPOINTMENT_STATUS_FULFILLED;
    if (s.session_index != session_index - 1 || !held) continue;
    auto day = slots::LocalDate(s.start, calendar.zone);
    return slots::LocalDayRangeToUtc(
        {day + plan.series.min_days_between(), day + plan.series.max_days_between()},
        calendar.zone);
  }
  return open;  // no previous session booked: the plugins say so for each slot
}

slots::ResourceType ToSlotType(int type) {
  if (type == types::RESOURCE_TYPE_ROOM) return slots::ResourceType::kRoom;
  if (type == types::RESOURCE_TYPE_DEVICE) return slots::ResourceType::kDevice;
  return slots::ResourceType::kPractitioner;
}

StatusOr<slots::SlotQuery> BuildQuery(Store& store, const ClinicCalendar& calendar,
                                      const LoadedPlan& plan, Interval window,
                                      const needlework::v1::FindSlotsRequest& request) {
  slots::SlotQuery query;
  query.zone = &calendar.zone;
  query.hours = calendar.hours;
  query.window = window;
  query.duration_minutes = plan.session.minutes();
  query.only_resource_id = request.practitioner_id();
  for (const auto& r : plan.session.requirements()) {
    query.requirements.push_back({ToSlotType(r.type()), r.device_kind()});
  }
  NW_ASSIGN_OR_RETURN(
      auto busy, store.ListBusy(calendar.clinic.clinic_id, window.start - kDay, window.end + kDay));
  std::map<std::string, std::vector<Interval>> busy_by_resource;
  for (const auto& b : busy) busy_by_resource[b.resource_id].push_back({b.start, b.end});
  for (const auto& r : calendar.resources) {
    if (!r.active) continue;
    query.resources.push_back(
        {r.resource_id, ToSlotType(r.type), r.device_kind, busy_by_resource[r.resource_id]});
  }
  return query;
}

void AddSlot(const slots::Slot& slot, const LoadedPlan& plan, const ClinicCalendar& calendar,
             needlework::v1::FindSlotsResponse* response) {
  auto* out = response->add_slots();
  out->set_start(slots::FormatLocal(slot.start, calendar.zone));
  out->set_end(slots::FormatLocal(slot.end, calendar.zone));
  for (size_t i = 0; i < slot.resource_ids.size(); ++i) {
    int type = plan.session.requirements(static_cast<int>(i)).type();
    if (type == types::RESOURCE_TYPE_PRACTITIONER) out->set_practitioner_id(slot.resource_ids[i]);
    if (type == types::RESOURCE_TYPE_ROOM) out->set_room_id(slot.resource_ids[i]);
    if (type == types::RESOURCE_TYPE_DEVICE) out->add_device_ids(slot.resource_ids[i]);
  }
}

}  // namespace

Status FindSlots(Store& store, const PluginCalls& plugins, const std::string& clinic_id,
                 const needlework::v1::FindSlotsRequest& request,
                 needlework::v1::FindSlotsResponse* response) {
  NW_ASSIGN_OR_RETURN(LoadedPlan plan, LoadActivePlan(store, *plugins.registry.Snapshot(clinic_id),
                                                      clinic_id, request.plan_id()));
  NW_RETURN_IF_ERROR(CheckSessionIndex(plan, request.session_index()));
  NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store, clinic_id));
  NW_ASSIGN_OR_RETURN(Interval requested, RequestedWindow(request, calendar.zone));
  *response->mutable_session() = plan.session;
  NW_ASSIGN_OR_RETURN(Interval spacing,
                      SpacingWindow(store, calendar, plan, request.session_index()));
  Interval window{std::max({requested.start, spacing.start, NowUnixMicros() / 1000000}),
                  std::min(requested.end, spacing.end)};
  response->set_time_zone(calendar.zone.name());
  if (window.end <= window.start) {
    return FailedPreconditionError(
        "no start in " + request.from_date() + " to " + request.to_date() +
        " is allowed: the plan's spacing allows session " +
        std::to_string(request.session_index() + 1) + " from " +
        slots::FormatLocal(spacing.start, calendar.zone) + " to " +
        slots::FormatLocal(spacing.end, calendar.zone) + ", and never in the past");
  }
  response->set_window_start(slots::FormatLocal(window.start, calendar.zone));
  response->set_window_end(slots::FormatLocal(window.end, calendar.zone));
  int wanted =
      request.max_results() > 0 ? std::min(request.max_results(), kMaxResults) : kDefaultResults;
  NW_ASSIGN_OR_RETURN(auto query, BuildQuery(store, calendar, plan, window, request));
  query.max_results = wanted * 4;  // room for slots the plugins refuse
  NW_ASSIGN_OR_RETURN(auto slots, slots::FindFreeSlots(query));
  std::vector<types::BookingViolation> first_refusal;
  // Each candidate costs one check_booking round; a slow plugin must not hold this thread
  // for minutes. Past the budget the slots found so far are answered.
  auto budget_end = std::chrono::steady_clock::now() + 4 * plugins.deadlines.For("check_booking");
  NW_ASSIGN_OR_RETURN(auto history, PlanHistory(store, plan, ""));
  size_t checked = 0;
  for (; checked < slots.size(); ++checked) {
    if (response->slots_size() >= wanted || std::chrono::steady_clock::now() > budget_end) break;
    const auto& slot = slots[checked];
    NW_ASSIGN_OR_RETURN(auto violations,
                        PluginViolations(plugins, calendar, plan, request.session_index(),
                                         slot.start, slot.end, history));
    if (violations.empty()) {
      AddSlot(slot, plan, calendar, response);
    } else if (first_refusal.empty()) {
      first_refusal = violations;
    }
  }
  response->set_truncated(checked < slots.size() ||
                          slots.size() == static_cast<size_t>(query.max_results));
  if (response->slots_size() == 0 && !first_refusal.empty())
    return ViolationsToStatus(first_refusal);
  return OkStatus();
}

}  // namespace needlework::host
