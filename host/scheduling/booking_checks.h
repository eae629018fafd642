// What a booking (new or moved) must pass before the store's overlap check: a session the
// plan has, resources that fill the plan's requirements, opening hours, and every enabled
// check_booking plugin.
#ifndef NEEDLEWORK_HOST_SCHEDULING_BOOKING_CHECKS_H_
#define NEEDLEWORK_HOST_SCHEDULING_BOOKING_CHECKS_H_

#include <string>
#include <vector>

#include "host/calendar/clinic_calendar.h"
#include "host/plugins/clinic_registry.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::host {

// A plan as loaded for booking: the record, its decoded series, and one session's shape
// (time and resources with the add-ons the clinic offers now).
struct LoadedPlan {
  PlanRecord record;
  needlework::types::v1::SeriesPlan series;
  needlework::types::v1::SessionShape session;
};

// NOT_FOUND for an unknown plan (or another clinic's); FAILED_PRECONDITION unless ACTIVE.
// The session is shaped by `plugins`' catalog (see ComposeSession).
StatusOr<LoadedPlan> LoadActivePlan(Store& store, const ClinicPlugins& plugins,
                                    const std::string& clinic_id, const std::string& plan_id);

// OUT_OF_RANGE naming the valid indexes.
Status CheckSessionIndex(const LoadedPlan& plan, int session_index);

// The resource ids of a booking, one per requirement of the session in its order: the
// practitioner, the room, and for each device requirement one of `device_ids` of that kind.
// NOT_FOUND for an unknown resource; INVALID_ARGUMENT for a missing, inactive, wrong-type or
// surplus one.
StatusOr<std::vector<std::string>> AssignResources(const ClinicCalendar& calendar,
                                                   const LoadedPlan& plan,
                                                   const std::string& practitioner_id,
                                                   const std::string& room_id,
                                                   const std::vector<std::string>& device_ids);

// FAILED_PRECONDITION unless [start, end) lies inside one opening span of its local day.
Status CheckOpeningHours(const ClinicCalendar& calendar, int64_t start, int64_t end);

// FAILED_PRECONDITION naming the resource, the appointment holding it and that
// appointment's times in the clinic's zone when a resource of `appointment` is already held
// at an overlapping time by an appointment other than `ignore` (the one being moved): a plain
// clash with what was committed before the booking was checked. The store checks again in
// its write transaction; a clash found only there was committed while this booking was
// checked (a lost race: ABORTED, see Store::SaveBooking).
Status CheckResourcesFree(Store& store, const ClinicCalendar& calendar,
                          const AppointmentRecord& appointment, const std::string& ignore);

// The plan's appointments other than `ignore_appointment`: the history its bookings are
// checked against (and which the store re-checks when it commits one).
StatusOr<std::vector<AppointmentRecord>> PlanHistory(Store& store, const LoadedPlan& plan,
                                                     const std::string& ignore_appointment);

// The violations every enabled check_booking plugin taking part in the session (see
// ClinicPlugins::ForTreatment) reports for booking `session_index` at [start, end), given
// the plan's `history` (see PlanHistory). A plugin that fails counts as a violation (fail
// closed). FAILED_PRECONDITION when no plugin serves the hook for the clinic.
StatusOr<std::vector<needlework::types::v1::BookingViolation>> PluginViolations(
    const PluginCalls& plugins, const ClinicCalendar& calendar, const LoadedPlan& plan,
    int session_index, int64_t start, int64_t end, const std::vector<AppointmentRecord>& history);

// The violations of one booking from the check_booking answers `results`: one
// check-incomplete violation for each of `unavailable` (enabled plugins that could not be
// instantiated), then each plugin's violations in plugin order. Fails closed: a plugin that
// did not answer OK, or answered bytes that are not a CheckBookingResponse, is a
// check-incomplete violation naming it. Empty only when every plugin answered and none
// objected.
std::vector<needlework::types::v1::BookingViolation> MergeViolations(
    const std::vector<PluginCallResult>& results,
    const std::vector<UnavailablePlugin>& unavailable);

// FAILED_PRECONDITION listing the violations; OK when there are none.
Status ViolationsToStatus(const std::vector<needlework::types::v1::BookingViolation>& violations);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCHEDULING_BOOKING_CHECKS_H_
