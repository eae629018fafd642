// A clinic's JSON merge patch (RFC 7386) over the default config, applied as the host
// applies it, changes what the plan and check_booking hooks do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/scheduling/check_booking.h"
#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

constexpr types::v1::Severity kSevere = types::v1::SEVERITY_SEVERE;

TEST(SchedulingConfigPatchTest, ChangingOneSessionCountLeavesTheRest) {
  const SchedulingRules rules =
      CompileOrDie(Json::parse(R"({"concerns": {"stretch-marks": {"sessions": {"severe": 10}}}})"));
  EXPECT_EQ(
      PlanOrDie(rules, MakePlanRequest({"stretch-marks"}, {"thighs"}, kSevere)).session_count(),
      10);
  EXPECT_EQ(PlanOrDie(rules, MakePlanRequest({"stretch-marks"}, {"thighs"})).session_count(), 6);
  EXPECT_EQ(rules.concerns.size(), CompileOrDie().concerns.size());
}

TEST(SchedulingConfigPatchTest, ClinicCanAddAConcernAndAnArea) {
  const SchedulingRules rules = CompileOrDie(Json::parse(R"({
      "concerns": {"hair-loss": {"display": "Hair thinning",
                                 "sessions": {"mild": 4, "moderate": 5, "severe": 6}}},
      "area_groups": {"face": {"areas": {"scalp": "scalp"}}}})"));
  const SeriesPlan plan = PlanOrDie(rules, MakePlanRequest({"hair-loss"}, {"scalp"}, kSevere));
  EXPECT_EQ(plan.session_count(), 6);
  EXPECT_TRUE(HasRationale(plan, "Hair thinning: face and neck (scalp), severe: 6 sessions"));
}

TEST(SchedulingConfigPatchTest, NullRemovesABodyTable) {
  const SchedulingRules rules = CompileOrDie(
      Json::parse(R"({"concerns": {"fine-lines": {"sessions_by_area_group": null}}})"));
  EXPECT_EQ(PlanOrDie(rules, MakePlanRequest({"fine-lines"}, {"abdomen"}, kSevere)).session_count(),
            4);
}

TEST(SchedulingConfigPatchTest, AreaCanMoveToAnotherGroup) {
  const SchedulingRules rules = CompileOrDie(Json::parse(R"({
      "area_groups": {"face": {"areas": {"hands": "hands"}},
                      "body": {"areas": {"hands": null}}}})"));
  const SeriesPlan plan = PlanOrDie(rules, MakePlanRequest({"fine-lines"}, {"hands"}));
  EXPECT_EQ(plan.session_count(), 3);
  EXPECT_EQ(plan.session_minutes(), 60);
}

TEST(SchedulingConfigPatchTest, SpacingMinutesAndMaintenanceFollowTheConfig) {
  const SchedulingRules rules = CompileOrDie(Json::parse(R"({
      "days_between": {"min": 35, "max": 49}, "numbing_minutes": 20,
      "maintenance_months": {"min": 9},
      "area_groups": {"face": {"needling_minutes": 40}}})"));
  const SeriesPlan plan = PlanOrDie(rules, MakePlanRequest({"fine-lines"}, {"face"}));
  EXPECT_EQ(plan.min_days_between(), 35);
  EXPECT_EQ(plan.max_days_between(), 49);
  EXPECT_EQ(plan.numbing_minutes(), 20);
  EXPECT_EQ(plan.session_minutes(), 60);
  EXPECT_EQ(plan.maintenance_min_months(), 9);
  EXPECT_EQ(plan.maintenance_max_months(), 12);
}

TEST(SchedulingConfigPatchTest, DevicesAreAddedAndRemovedByKind) {
  const SchedulingRules rules = CompileOrDie(Json::parse(R"({"requirements": {
      "room": false, "devices": {"microneedling-pen": null, "rf-unit": "RF microneedling unit"}}})"));
  const SeriesPlan plan = PlanOrDie(rules, MakePlanRequest({"acne-scars"}, {"cheeks"}));
  ASSERT_EQ(plan.requirements_size(), 2);
  EXPECT_EQ(plan.requirements(0).type(), types::v1::RESOURCE_TYPE_PRACTITIONER);
  EXPECT_EQ(plan.requirements(1).type(), types::v1::RESOURCE_TYPE_DEVICE);
  EXPECT_EQ(plan.requirements(1).device_kind(), "rf-unit");
}

TEST(SchedulingConfigPatchTest, LaxityThresholdAndEffectAreConfigurable) {
  PlanRequest request = MakePlanRequest({"fine-lines"}, {"face"});
  AddObservation(request, "skin-laxity-grade", 2, "2024-01-01");
  EXPECT_EQ(PlanOrDie(CompileOrDie(), request).session_count(), 4);
  EXPECT_EQ(
      PlanOrDie(CompileOrDie(Json::parse(R"({"adjustments": {"skin-laxity": {"min_value": 3}}})")),
                request)
          .session_count(),
      3);
  EXPECT_EQ(
      PlanOrDie(
          CompileOrDie(Json::parse(R"({"adjustments": {"skin-laxity": {"extra_sessions": 2}}})")),
          request)
          .session_count(),
      5);
  EXPECT_EQ(PlanOrDie(CompileOrDie(
                          Json::parse(R"({"adjustments": {"skin-laxity": {"enabled": false}}})")),
                      request)
                .session_count(),
            3);
}

TEST(SchedulingConfigPatchTest, DefaultSeverityIsConfigurable) {
  const SchedulingRules rules = CompileOrDie(Json::parse(R"({"default_severity": "severe"})"));
  const SeriesPlan plan = PlanOrDie(rules, MakePlanRequest({"stretch-marks"}, {"abdomen"}));
  EXPECT_EQ(plan.session_count(), 8);
  EXPECT_EQ(plan.rationale(0), "Severity not given: planned as severe");
}

TEST(SchedulingConfigPatchTest, ForbiddingOutcomesAreConfigurable) {
  const SchedulingRules rules = CompileOrDie(Json::parse(
      R"({"booking": {"forbidding_outcomes": {"consult_required": true, "defer": false}}})"));
  CheckBookingRequest request = MakeBooking(0, At("2024-03-01"));
  request.set_screening_outcome(types::v1::OUTCOME_CONSULT_REQUIRED);
  EXPECT_THAT(Codes(CheckOrDie(rules.booking, request)), ElementsAre(kScreeningForbids));
  request.set_screening_outcome(types::v1::OUTCOME_DEFER);
  EXPECT_THAT(Codes(CheckOrDie(rules.booking, request)), IsEmpty());
  request.set_screening_outcome(types::v1::OUTCOME_CONTRAINDICATED);
  EXPECT_THAT(Codes(CheckOrDie(rules.booking, request)), ElementsAre(kScreeningForbids));
}

}  // namespace
}  // namespace needlework::scheduling
