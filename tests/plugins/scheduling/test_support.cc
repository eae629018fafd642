#include "plugins/scheduling/test_support.h"

#include "needlework/code_systems.h"
#include "plugins/scheduling/check_booking.h"
#include "plugins/scheduling/config.h"
#include "plugins/scheduling/embedded_config.h"
#include "plugins/scheduling/plan.h"

namespace needlework::scheduling::testing {

std::string PatchedConfig(const Json& patch) {
  return needlework::testing::MergePatched(kDefaultConfigJson, patch);
}

SchedulingRules CompileOrDie(const Json& patch) {
  StatusOr<SchedulingRules> rules = CompileConfig(PatchedConfig(patch));
  if (!rules.ok()) {
    ADD_FAILURE() << "config refused: " << rules.status().ToString();
    return SchedulingRules();
  }
  return std::move(rules).value();
}

Coding Concern(std::string_view code) { return MakeCoding(code_systems::kConcern, code); }

Coding Area(std::string_view code) { return MakeCoding(code_systems::kTreatmentArea, code); }

PlanRequest MakePlanRequest(std::initializer_list<std::string_view> concerns,
                            std::initializer_list<std::string_view> areas,
                            types::v1::Severity severity) {
  PlanRequest request;
  for (std::string_view code : concerns) *request.add_concerns() = Concern(code);
  for (std::string_view code : areas) *request.add_treatment_areas() = Area(code);
  request.set_severity(severity);
  request.mutable_patient()->set_patient_ref("Patient/p1");
  return request;
}

void AddObservation(PlanRequest& request, std::string_view code, double value,
                    std::string_view effective) {
  types::v1::Observation* observation = request.mutable_patient()->add_observations();
  *observation->add_codes() = MakeCoding(code_systems::kObservation, code);
  observation->set_value(value);
  observation->set_effective(std::string(effective));
}

SeriesPlan PlanOrDie(const SchedulingRules& rules, const PlanRequest& request,
                     std::optional<Day> today) {
  PlanResponse response;
  Status status = ProposeSeries(rules, request, today, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return response.plan();
}

bool HasRationale(const SeriesPlan& plan, std::string_view text) {
  for (const std::string& line : plan.rationale()) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

int64_t At(std::string_view date, int hour, int minute) {
  std::optional<Day> day = ParseDay(date);
  EXPECT_TRUE(day.has_value()) << date;
  const auto seconds = std::chrono::sys_seconds(day.value_or(Day())) + std::chrono::hours(hour) +
                       std::chrono::minutes(minute);
  return seconds.time_since_epoch().count();
}

SeriesPlan SixSessionPlan() {
  SeriesPlan plan;
  plan.set_session_count(6);
  plan.set_min_days_between(28);
  plan.set_max_days_between(42);
  plan.set_session_minutes(60);
  plan.set_numbing_minutes(30);
  return plan;
}

CheckBookingRequest MakeBooking(int index, int64_t start) {
  CheckBookingRequest request;
  request.set_plan_id("plan-1");
  *request.mutable_plan() = SixSessionPlan();
  request.set_plan_status(types::v1::PLAN_STATUS_ACTIVE);
  request.set_screening_outcome(types::v1::OUTCOME_ELIGIBLE);
  request.set_session_index(index);
  request.set_start_unix_seconds(start);
  request.set_end_unix_seconds(start + 60 * 60);
  request.set_clinic_time_zone("Europe/London");
  return request;
}

CheckBookingRequest& AddSession(CheckBookingRequest& request, std::string_view appointment_id,
                                int index, int64_t start, types::v1::AppointmentStatus status) {
  types::v1::SessionRecord* record = request.add_history();
  record->set_appointment_id(std::string(appointment_id));
  record->set_session_index(index);
  record->set_start_unix_seconds(start);
  record->set_end_unix_seconds(start + 60 * 60);
  record->set_status(status);
  return request;
}

CheckBookingResponse CheckOrDie(const BookingRules& rules, const CheckBookingRequest& request) {
  CheckBookingResponse response;
  Status status = CheckSessionBooking(rules, request, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return response;
}

std::vector<std::string> Codes(const CheckBookingResponse& response) {
  std::vector<std::string> codes;
  for (const types::v1::BookingViolation& violation : response.violations()) {
    codes.push_back(violation.code());
  }
  return codes;
}

std::string MessageFor(const CheckBookingResponse& response, std::string_view code) {
  for (const types::v1::BookingViolation& violation : response.violations()) {
    if (violation.code() == code) return violation.message();
  }
  return "";
}

}  // namespace needlework::scheduling::testing
