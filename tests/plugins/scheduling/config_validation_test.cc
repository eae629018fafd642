// Configs the scheduling plugin refuses, and the messages that tell an admin what to fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "plugins/scheduling/config.h"
#include "plugins/scheduling/embedded_config.h"
#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

StatusOr<SchedulingRules> CompilePatched(const char* patch) {
  return CompileConfig(PatchedConfig(Json::parse(patch)));
}

// Expects `patch` to be refused with a message containing `problem`.
void ExpectRefused(const char* patch, const std::string& problem) {
  EXPECT_THAT(CompilePatched(patch),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("scheduling config refused: "), HasSubstr(problem))))
      << patch;
}

TEST(SchedulingConfigValidationTest, DefaultConfigCompiles) {
  StatusOr<SchedulingRules> rules = CompileConfig(kDefaultConfigJson);
  ASSERT_THAT(rules, IsOk());
  EXPECT_EQ(rules->concerns.size(), 11u);  // keloid scars go to a consult, not a plan
  EXPECT_EQ(rules->areas.size(), 14u);
  EXPECT_EQ(rules->area_groups.size(), 2u);
  ASSERT_EQ(rules->adjustments.size(), 1u);  // laxity on; skin type and age off
  EXPECT_EQ(rules->adjustments[0].id, "skin-laxity");
  EXPECT_EQ(rules->booking.forbidding_outcomes.size(), 4u);
  EXPECT_TRUE(rules->booking.require_previous_session);
}

TEST(SchedulingConfigValidationTest, NotJsonOrNotAnObjectIsRefused) {
  EXPECT_THAT(CompileConfig("{"), StatusIs(StatusCode::kInvalidArgument,
                                           HasSubstr("scheduling config is not valid JSON")));
  EXPECT_THAT(CompileConfig("[1]"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("must be a JSON object, not [1]")));
}

TEST(SchedulingConfigValidationTest, UnknownKeysAreRefusedWithTheKnownOnes) {
  ExpectRefused(R"({"spacing": 30})", "config: unknown key \"spacing\" (known keys: therapy,");
  ExpectRefused(R"({"concerns": {"acne-scars": {"sesions": {}}}})",
                "concerns.acne-scars: unknown key \"sesions\" (known keys: display, sessions, "
                "sessions_by_area_group)");
  ExpectRefused(R"({"concerns": {"acne-scars": {"sessions": {"extreme": 9}}}})",
                "concerns.acne-scars.sessions: unknown key \"extreme\"");
}

TEST(SchedulingConfigValidationTest, SessionCountsMustBeWholeNumbersInRange) {
  ExpectRefused(R"({"concerns": {"melasma": {"sessions": {"mild": 2.5}}}})",
                "concerns.melasma.sessions.mild: must be a whole number from 1 to 50, not 2.5");
  ExpectRefused(R"({"concerns": {"melasma": {"sessions": {"mild": 0}}}})",
                "concerns.melasma.sessions.mild: must be from 1 to 50, not 0");
  ExpectRefused(
      R"({"concerns": {"fine-lines": {"sessions_by_area_group": {"body": {"severe": "8"}}}}})",
      "concerns.fine-lines.sessions_by_area_group.body.severe: must be a whole number");
}

TEST(SchedulingConfigValidationTest, SessionsMustNotDecreaseWithSeverity) {
  ExpectRefused(R"({"concerns": {"stretch-marks": {"sessions": {"severe": 5}}}})",
                "concerns.stretch-marks.sessions: sessions must not decrease with severity");
}

TEST(SchedulingConfigValidationTest, NewConcernNeedsDisplayAndSessions) {
  ExpectRefused(R"({"concerns": {"rosacea": {}}})", "concerns.rosacea.display: is required");
  ExpectRefused(R"({"concerns": {"rosacea": {}}})", "concerns.rosacea.sessions: is required");
  ExpectRefused(R"({"concerns": {"Rosacea": {"display": "R", "sessions": {}}}})",
                "concerns.Rosacea: key must be lower-case letters and digits");
}

TEST(SchedulingConfigValidationTest, TableForAnUnknownAreaGroupIsRefused) {
  ExpectRefused(R"({"concerns": {"melasma": {"sessions_by_area_group": {
                    "legs": {"mild": 1, "moderate": 1, "severe": 1}}}}})",
                "concerns.melasma.sessions_by_area_group: unknown area group \"legs\" (known "
                "area groups: body, face)");
}

TEST(SchedulingConfigValidationTest, AreaInTwoGroupsIsRefused) {
  ExpectRefused(R"({"area_groups": {"body": {"areas": {"neck": "neck"}}}})",
                "area_groups.face.areas.neck: area is already in area group \"body\"");
}

TEST(SchedulingConfigValidationTest, AreaGroupNumbersAreChecked) {
  ExpectRefused(R"({"area_groups": {"face": {"max_needling_minutes": 20}}})",
                "area_groups.face.max_needling_minutes: must not be below needling_minutes (30)");
  ExpectRefused(R"({"area_groups": {"body": {"needling_minutes": null}}})",
                "area_groups.body.needling_minutes: is required");
  ExpectRefused(R"({"area_groups": {"body": {"areas": {"hands": ""}}}})",
                "area_groups.body.areas.hands: display must be a non-empty string");
}

TEST(SchedulingConfigValidationTest, RangesNeedMaxAtLeastMin) {
  ExpectRefused(R"({"days_between": {"min": 42, "max": 28}})",
                "days_between.max: must not be below min (42)");
  ExpectRefused(R"({"days_between": {"min": 0}})", "days_between.min: must be from 1 to 365");
  ExpectRefused(R"({"maintenance_months": {"max": null}})", "maintenance_months.max: is required");
  ExpectRefused(R"({"numbing_minutes": -5})", "numbing_minutes: must be from 0 to 240, not -5");
}

TEST(SchedulingConfigValidationTest, SeverityTherapyAndDevicesAreChecked) {
  ExpectRefused(R"({"default_severity": "medium"})",
                "default_severity: \"medium\" is not one of mild, moderate, severe");
  ExpectRefused(R"({"therapy": {"code": "Micro Needling"}})",
                "therapy.code: \"Micro Needling\" must be a code of");
  ExpectRefused(R"({"requirements": {"devices": {"rf-unit": true}}})",
                "requirements.devices.rf-unit: display must be a non-empty string, not true");
  ExpectRefused(R"({"requirements": {"room": "yes"}})",
                "requirements.room: must be true or false, not \"yes\"");
}

TEST(SchedulingConfigValidationTest, AdjustmentNeedsExactlyOneTrigger) {
  ExpectRefused(R"({"adjustments": {"mature-skin": {"observation": "urn:x|age"}}})",
                "adjustments.mature-skin: needs exactly one trigger");
  ExpectRefused(R"({"adjustments": {"tan": {"display": "Tan", "extra_sessions": 1}}})",
                "adjustments.tan: needs exactly one trigger");
  ExpectRefused(R"({"adjustments": {"mature-skin": {"min_value": 3}}})",
                "adjustments.mature-skin.min_value: goes with \"observation\"");
}

TEST(SchedulingConfigValidationTest, AdjustmentObservationMustBeSystemBarCode) {
  ExpectRefused(R"({"adjustments": {"skin-laxity": {"observation": "skin-laxity-grade"}}})",
                "adjustments.skin-laxity.observation: \"skin-laxity-grade\" must be "
                "\"system|code\"");
  ExpectRefused(R"({"adjustments": {"skin-laxity": {"min_value": null}}})",
                "adjustments.skin-laxity.min_value: is required with \"observation\"");
}

TEST(SchedulingConfigValidationTest, DisabledAdjustmentsAreValidatedToo) {
  ExpectRefused(R"({"adjustments": {"darker-skin-type": {"extra_days_between": -1}}})",
                "adjustments.darker-skin-type.extra_days_between: must be from 0 to 365");
}

TEST(SchedulingConfigValidationTest, BookingRulesAreChecked) {
  ExpectRefused(R"({"booking": {"forbidding_outcomes": {"postpone": true}}})",
                "booking.forbidding_outcomes: unknown outcome \"postpone\" (outcomes: "
                "unspecified, eligible, eligible_with_caution, review_required, "
                "consult_required, defer, refer, contraindicated)");
  ExpectRefused(R"({"booking": {"forbidding_outcomes": {"refer": "yes"}}})",
                "booking.forbidding_outcomes.refer: must be true or false");
  ExpectRefused(R"({"booking": {"require_previous_session": 1}})",
                "booking.require_previous_session: must be true or false, not 1");
}

TEST(SchedulingConfigValidationTest, EveryProblemIsListedInOneRefusal) {
  StatusOr<SchedulingRules> rules = CompilePatched(
      R"({"numbing_minutes": "30", "concerns": {"melasma": {"sessions": {"mild": 0}}},
          "booking": {"extra": true}})");
  EXPECT_THAT(rules, StatusIs(StatusCode::kInvalidArgument,
                              AllOf(HasSubstr("numbing_minutes: must be a whole number"),
                                    HasSubstr("; concerns.melasma.sessions.mild: "),
                                    HasSubstr("; booking: unknown key \"extra\""))));
}

TEST(SchedulingConfigValidationTest, EmptyConcernsOrAreaGroupsAreRefused) {
  Json config = Json::parse(kDefaultConfigJson);
  config["concerns"] = Json::object();
  config["area_groups"] = Json::object();
  EXPECT_THAT(CompileConfig(config.dump()),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("concerns: must define at least one concern"),
                             HasSubstr("area_groups: must define at least one area group"))));
}

}  // namespace
}  // namespace needlework::scheduling
