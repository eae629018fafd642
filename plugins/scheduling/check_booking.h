// The `check_booking` hook: may session `session_index` of a plan be booked at a time?
//
// Contract with the host:
//  - `history` holds the plan's other sessions as the store knows them. Only BOOKED and
//    FULFILLED records count; PROPOSED, CANCELLED and NOSHOW ones are ignored.
//  - Rescheduling: the host OMITS the appointment being moved from `history` (a proposed
//    booking carries no appointment id, so the plugin could not tell it from a second
//    booking of the same session). Any counted record for the same session index is
//    therefore another appointment: a duplicate.
//  - Times are Unix seconds (UTC). Days are UTC calendar dates, see civil_date.h; the
//    request's clinic_time_zone is not used, and dates in messages say "(UTC)".
//  - Spacing (min/max_days_between) and session_minutes come from the plan itself; the
//    forbidding outcomes and the previous-session rule from the config.
// Sessions are numbered from 1 in messages ("session 3" is session_index 2).
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_CHECK_BOOKING_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_CHECK_BOOKING_H_

#include <string_view>

#include "needlework/plugin/v1/check_booking.pb.h"
#include "needlework/status.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// Violation codes, stable for the EMR and the host.
inline constexpr std::string_view kPlanNotActive = "plan-not-active";
inline constexpr std::string_view kSessionOutOfRange = "session-out-of-range";
inline constexpr std::string_view kScreeningForbids = "screening-forbids";
inline constexpr std::string_view kPreviousSessionMissing = "previous-session-missing";
inline constexpr std::string_view kTooSoon = "too-soon";
inline constexpr std::string_view kPastWindow = "past-window";
inline constexpr std::string_view kBreaksNextSession = "breaks-next-session";
inline constexpr std::string_view kDuplicateSession = "duplicate-session";
inline constexpr std::string_view kTooShort = "too-short";

// Appends to `response` (owned by the caller, passed empty) every violation, in this order:
//  plan-not-active       plan_status is not ACTIVE;
//  session-out-of-range  session_index < 0 or >= plan.session_count (the checks against
//                        other sessions below are then skipped);
//  screening-forbids     screening_outcome is in rules.forbidding_outcomes;
//  previous-session-missing  index k > 0 and no counted record of session k-1, when
//                        rules.require_previous_session;
//  too-soon / past-window  the start's day is fewer than min_days_between or more than
//                        max_days_between days after the day of session k-1 (booked or
//                        fulfilled; exactly min or max is allowed);
//  breaks-next-session   a counted record of session k+1 would then be fewer than min or
//                        more than max days after this one;
//  duplicate-session     one per counted record of session k (see the contract above);
//  too-short             end - start is less than plan.session_minutes.
// When several records exist for session k-1 (or k+1), the fulfilled one counts over a
// booked one, and among equals the latest start. An empty response means "may be booked".
// Returns INVALID_ARGUMENT for a plan whose spacing is unusable (min_days_between < 0 or
// max_days_between < min_days_between).
Status CheckSessionBooking(const BookingRules& rules,
                           const plugin::v1::CheckBookingRequest& request,
                           plugin::v1::CheckBookingResponse* response);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_CHECK_BOOKING_H_
