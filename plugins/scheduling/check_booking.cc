#include "plugins/scheduling/check_booking.h"

#include <cstdint>
#include <string>

#include "plugins/scheduling/civil_date.h"
#include "plugins/scheduling/names.h"

namespace needlework::scheduling {
namespace {

using google::protobuf::RepeatedPtrField;
using plugin::v1::CheckBookingRequest;
using plugin::v1::CheckBookingResponse;
using types::v1::SessionRecord;

// 9999-12-31T23:59:59Z: later (or negative) times are not appointments but bad input.
constexpr int64_t kLatestUnixSeconds = 253402300799;

bool Counts(const SessionRecord& record) {
  return record.status() == types::v1::APPOINTMENT_STATUS_BOOKED ||
         record.status() == types::v1::APPOINTMENT_STATUS_FULFILLED;
}

bool Fulfilled(const SessionRecord& record) {
  return record.status() == types::v1::APPOINTMENT_STATUS_FULFILLED;
}

// The counted record of session `index` that decides (see check_booking.h), or nullptr.
const SessionRecord* FindSession(const RepeatedPtrField<SessionRecord>& history, int index) {
  const SessionRecord* best = nullptr;
  for (const SessionRecord& record : history) {
    if (record.session_index() != index || !Counts(record)) continue;
    if (best == nullptr || Fulfilled(record) > Fulfilled(*best) ||
        (Fulfilled(record) == Fulfilled(*best) &&
         record.start_unix_seconds() > best->start_unix_seconds())) {
      best = &record;
    }
  }
  return best;
}

std::string Session(int index) { return "session " + std::to_string(index + 1); }
std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}
std::string Date(Day day) { return FormatDay(day) + " (UTC)"; }
// "booked on 2024-03-01 (UTC)" or "done on 2024-03-01 (UTC)".
std::string WhenHeld(const SessionRecord& record) {
  return std::string(Fulfilled(record) ? "done on " : "booked on ") +
         Date(UtcDay(record.start_unix_seconds()));
}
// "3 days before" for 3, "2 days after" for -2.
std::string Before(int days) {
  const int magnitude = days < 0 ? -days : days;
  return std::to_string(magnitude) + (magnitude == 1 ? " day " : " days ") +
         (days < 0 ? "after" : "before");
}
std::string Spacing(const types::v1::SeriesPlan& plan) {
  return "sessions must be " + std::to_string(plan.min_days_between()) + " to " +
         std::to_string(plan.max_days_between()) + " days apart";
}

void Add(std::string_view code, std::string message, CheckBookingResponse* response) {
  types::v1::BookingViolation* violation = response->add_violations();
  violation->set_code(std::string(code));
  violation->set_message(std::move(message));
}

Status ValidateRequest(const CheckBookingRequest& request) {
  const types::v1::SeriesPlan& plan = request.plan();
  if (plan.min_days_between() < 0 || plan.max_days_between() < plan.min_days_between()) {
    return InvalidArgumentError("plan spacing is unusable: min_days_between " +
                                std::to_string(plan.min_days_between()) + ", max_days_between " +
                                std::to_string(plan.max_days_between()));
  }
  auto in_range = [](int64_t t) { return t >= 0 && t <= kLatestUnixSeconds; };
  if (!in_range(request.start_unix_seconds()) || !in_range(request.end_unix_seconds())) {
    return InvalidArgumentError("start_unix_seconds and end_unix_seconds must be from 0 to " +
                                std::to_string(kLatestUnixSeconds));
  }
  for (int i = 0; i < request.history_size(); ++i) {
    if (!in_range(request.history(i).start_unix_seconds())) {
      return InvalidArgumentError("history[" + std::to_string(i) +
                                  "].start_unix_seconds is out of range");
    }
  }
  return OkStatus();
}

void CheckPlan(const CheckBookingRequest& request, CheckBookingResponse* response) {
  if (request.plan_status() != types::v1::PLAN_STATUS_ACTIVE) {
    Add(kPlanNotActive,
        "The plan is " + std::string(PlanStatusName(request.plan_status())) +
            ": only sessions of an active plan can be booked.",
        response);
  }
}

bool CheckIndex(const CheckBookingRequest& request, CheckBookingResponse* response) {
  const int index = request.session_index();
  const int count = request.plan().session_count();
  if (index >= 0 && index < count) return true;
  Add(kSessionOutOfRange,
      "Session index " + std::to_string(index) + " is out of range: " +
          (count > 0 ? "the plan has " + std::to_string(count) + " sessions (indexes 0 to " +
                           std::to_string(count - 1) + ")."
                     : std::string("the plan has no sessions.")),
      response);
  return false;
}

void CheckScreening(const BookingRules& rules, const CheckBookingRequest& request,
                    CheckBookingResponse* response) {
  if (!rules.forbidding_outcomes.contains(request.screening_outcome())) return;
  Add(kScreeningForbids,
      "The screening outcome recorded with the plan is \"" +
          OutcomeName(request.screening_outcome()) +
          "\", which this clinic does not book sessions after. Screen the patient again and "
          "record a new plan.",
      response);
}

// Previous-session presence and the window after it.
void CheckPrevious(const BookingRules& rules, const CheckBookingRequest& request,
                   CheckBookingResponse* response) {
  const int index = request.session_index();
  if (index == 0) return;
  const SessionRecord* previous = FindSession(request.history(), index - 1);
  if (previous == nullptr) {
    if (rules.require_previous_session) {
      Add(kPreviousSessionMissing,
          Capitalized(Session(index)) + " needs " + Session(index - 1) + " booked or done first; " +
              Session(index - 1) + " is not booked.",
          response);
    }
    return;
  }
  const types::v1::SeriesPlan& plan = request.plan();
  const Day previous_day = UtcDay(previous->start_unix_seconds());
  const Day day = UtcDay(request.start_unix_seconds());
  const int gap = DaysBetween(previous_day, day);
  if (gap >= plan.min_days_between() && gap <= plan.max_days_between()) return;
  const bool soon = gap < plan.min_days_between();
  Add(soon ? kTooSoon : kPastWindow,
      Capitalized(Session(index)) + " on " + Date(day) + " is too " + (soon ? "soon" : "late") +
          ": " + Session(index - 1) + " is " + WhenHeld(*previous) + ", " + Before(gap) + ", and " +
          Spacing(plan) + ". Book " + Session(index) + " between " +
          FormatDay(AddDays(previous_day, plan.min_days_between())) + " and " +
          Date(AddDays(previous_day, plan.max_days_between())) + ".",
      response);
}

// The window before the next session, when that one is already booked or done.
void CheckNext(const CheckBookingRequest& request, CheckBookingResponse* response) {
  const int index = request.session_index();
  const SessionRecord* next = FindSession(request.history(), index + 1);
  if (next == nullptr) return;
  const types::v1::SeriesPlan& plan = request.plan();
  const Day day = UtcDay(request.start_unix_seconds());
  const Day next_day = UtcDay(next->start_unix_seconds());
  const int gap = DaysBetween(day, next_day);
  if (gap >= plan.min_days_between() && gap <= plan.max_days_between()) return;
  Add(kBreaksNextSession,
      Capitalized(Session(index)) + " on " + Date(day) + " would be " + Before(gap) + " " +
          Session(index + 1) + ", " + WhenHeld(*next) + ", and " + Spacing(plan) + ". With " +
          Session(index + 1) + " on that day, book " + Session(index) + " between " +
          FormatDay(AddDays(next_day, -plan.max_days_between())) + " and " +
          Date(AddDays(next_day, -plan.min_days_between())) + ".",
      response);
}

void CheckDuplicates(const CheckBookingRequest& request, CheckBookingResponse* response) {
  const int index = request.session_index();
  for (const SessionRecord& record : request.history()) {
    if (record.session_index() != index || !Counts(record)) continue;
    Add(kDuplicateSession,
        Capitalized(Session(index)) + " is already " + WhenHeld(record) + " (appointment " +
            record.appointment_id() + "). Move or cancel that appointment instead.",
        response);
  }
}

void CheckDuration(const CheckBookingRequest& request, CheckBookingResponse* response) {
  const int64_t start = request.start_unix_seconds();
  const int64_t end = request.end_unix_seconds();
  const int64_t needed = int64_t{request.plan().session_minutes()} * 60;
  if (end - start >= needed) return;  // both in [0, kLatestUnixSeconds]: no overflow
  const std::string need = std::to_string(request.plan().session_minutes()) + " minutes (" +
                           std::to_string(request.plan().numbing_minutes()) + " of them numbing)";
  Add(kTooShort,
      end <= start ? "The appointment ends at or before its start; a session of this plan needs " +
                         need + "."
                   : "The appointment lasts " + std::to_string((end - start) / 60) +
                         " minutes; a session of this plan needs " + need + ".",
      response);
}

}  // namespace

Status CheckSessionBooking(const BookingRules& rules, const CheckBookingRequest& request,
                           CheckBookingResponse* response) {
  NW_RETURN_IF_ERROR(ValidateRequest(request));
  CheckPlan(request, response);
  const bool in_range = CheckIndex(request, response);
  CheckScreening(rules, request, response);
  if (in_range) {
    CheckPrevious(rules, request, response);
    CheckNext(request, response);
    CheckDuplicates(request, response);
  }
  CheckDuration(request, response);
  return OkStatus();
}

}  // namespace needlework::scheduling
