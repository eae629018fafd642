// Helpers for the scheduling plugin's tests: applying a clinic's merge patch to the default
// config as the host does, building plan and check_booking requests, reading the answers.
#ifndef NEEDLEWORK_TESTS_PLUGINS_SCHEDULING_TEST_SUPPORT_H_
#define NEEDLEWORK_TESTS_PLUGINS_SCHEDULING_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/plugin/v1/check_booking.pb.h"
#include "needlework/plugin/v1/plan.pb.h"
#include "plugins/scheduling/civil_date.h"
#include "plugins/scheduling/scheduling_rules.h"
#include "support/plugin_test_helpers.h"
#include "support/status_matchers.h"

namespace needlework::scheduling::testing {

using Json = nlohmann::json;
using plugin::v1::CheckBookingRequest;
using plugin::v1::CheckBookingResponse;
using plugin::v1::PlanRequest;
using plugin::v1::PlanResponse;
using types::v1::Coding;
using types::v1::SeriesPlan;

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;

// The default config with `patch` applied as an RFC 7386 merge patch, as the host does.
std::string PatchedConfig(const Json& patch = Json::object());

// CompileConfig(PatchedConfig(patch)); fails the test when it is refused.
SchedulingRules CompileOrDie(const Json& patch = Json::object());

using needlework::testing::MakeCoding;
Coding Concern(std::string_view code);
Coding Area(std::string_view code);

// A plan request for `concerns` on `areas` (local codes) at `severity`.
PlanRequest MakePlanRequest(std::initializer_list<std::string_view> concerns,
                            std::initializer_list<std::string_view> areas,
                            types::v1::Severity severity = types::v1::SEVERITY_UNSPECIFIED);

// Adds an observation with a code of the local observation system (e.g. skin-laxity-grade).
void AddObservation(PlanRequest& request, std::string_view code, double value,
                    std::string_view effective);

// ProposeSeries(rules, request, today); fails the test when it returns an error.
SeriesPlan PlanOrDie(const SchedulingRules& rules, const PlanRequest& request,
                     std::optional<Day> today = std::nullopt);

// True when some rationale line of `plan` contains `text`.
bool HasRationale(const SeriesPlan& plan, std::string_view text);

// Unix seconds of `date` ("YYYY-MM-DD") at `hour`:`minute` UTC.
int64_t At(std::string_view date, int hour = 10, int minute = 0);

// The default plan the booking tests use: 6 sessions, 28 to 42 days apart, 60 minutes
// (30 numbing).
SeriesPlan SixSessionPlan();

// A request for session `index` of SixSessionPlan() from `start` for 60 minutes, plan
// ACTIVE, screening ELIGIBLE, no history.
CheckBookingRequest MakeBooking(int index, int64_t start);

// Appends a history record and returns the request for chaining.
CheckBookingRequest& AddSession(
    CheckBookingRequest& request, std::string_view appointment_id, int index, int64_t start,
    types::v1::AppointmentStatus status = types::v1::APPOINTMENT_STATUS_BOOKED);

// CheckSessionBooking(rules, request); fails the test when it returns an error.
CheckBookingResponse CheckOrDie(const BookingRules& rules, const CheckBookingRequest& request);

// The violation codes of `response`, in order.
std::vector<std::string> Codes(const CheckBookingResponse& response);

// The message of the first violation with `code`, or "" when there is none.
std::string MessageFor(const CheckBookingResponse& response, std::string_view code);

}  // namespace needlework::scheduling::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_SCHEDULING_TEST_SUPPORT_H_
