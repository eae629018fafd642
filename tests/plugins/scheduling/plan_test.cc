// The plan hook with the default config: session counts per concern, area and severity,
// the maximum over concerns, skin-factor adjustments, minutes, and refused requests.
#include "plugins/scheduling/plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "needlework/code_systems.h"
#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

constexpr types::v1::Severity kMild = types::v1::SEVERITY_MILD;
constexpr types::v1::Severity kModerate = types::v1::SEVERITY_MODERATE;
constexpr types::v1::Severity kSevere = types::v1::SEVERITY_SEVERE;

int Sessions(const SchedulingRules& rules, std::initializer_list<std::string_view> concerns,
             std::initializer_list<std::string_view> areas, types::v1::Severity severity) {
  return PlanOrDie(rules, MakePlanRequest(concerns, areas, severity)).session_count();
}

StatusOr<SeriesPlan> TryPlan(const PlanRequest& request) {
  PlanResponse response;
  NW_RETURN_IF_ERROR(ProposeSeries(CompileOrDie(), request, std::nullopt, &response));
  return response.plan();
}

TEST(SchedulingPlanTest, FaceFineLinesTakeAFewSessions) {
  const SchedulingRules rules = CompileOrDie();
  EXPECT_EQ(Sessions(rules, {"fine-lines"}, {"periorbital"}, kMild), 3);
  EXPECT_EQ(Sessions(rules, {"fine-lines"}, {"forehead"}, kModerate), 3);
  EXPECT_EQ(Sessions(rules, {"fine-lines"}, {"face"}, kSevere), 4);
}

TEST(SchedulingPlanTest, StretchMarksTakeFourToEightSessionsBySeverity) {
  const SchedulingRules rules = CompileOrDie();
  EXPECT_EQ(Sessions(rules, {"stretch-marks"}, {"abdomen"}, kMild), 4);
  EXPECT_EQ(Sessions(rules, {"stretch-marks"}, {"thighs"}, kModerate), 6);
  const SeriesPlan plan =
      PlanOrDie(rules, MakePlanRequest({"stretch-marks"}, {"abdomen"}, kSevere));
  EXPECT_EQ(plan.session_count(), 8);
  EXPECT_TRUE(HasRationale(plan, "Stretch marks: body (abdomen), severe: 8 sessions"));
}

TEST(SchedulingPlanTest, BodyWrinklesUseTheBodyTable) {
  const SchedulingRules rules = CompileOrDie();
  EXPECT_EQ(Sessions(rules, {"fine-lines"}, {"arms"}, kMild), 4);
  EXPECT_EQ(Sessions(rules, {"fine-lines"}, {"hands"}, kModerate), 6);
  EXPECT_EQ(Sessions(rules, {"fine-lines"}, {"buttocks"}, kSevere), 8);
}

TEST(SchedulingPlanTest, UnspecifiedSeverityIsPlannedAsModerate) {
  const SeriesPlan plan = PlanOrDie(CompileOrDie(), MakePlanRequest({"stretch-marks"}, {"back"}));
  EXPECT_EQ(plan.session_count(), 6);
  EXPECT_EQ(plan.rationale(0), "Severity not given: planned as moderate");
}

TEST(SchedulingPlanTest, SeriesTakesTheMaximumOverConcerns) {
  const SeriesPlan plan =
      PlanOrDie(CompileOrDie(), MakePlanRequest({"fine-lines", "acne-scars"}, {"cheeks"}, kSevere));
  EXPECT_EQ(plan.session_count(), 8);
  EXPECT_TRUE(HasRationale(plan, "Fine lines and wrinkles: face and neck (cheeks), severe: 4"));
  EXPECT_TRUE(HasRationale(plan, "Acne scars: face and neck (cheeks), severe: 8 sessions"));
  EXPECT_TRUE(HasRationale(plan, "8 sessions: the most any concern and area group needs"));
}

TEST(SchedulingPlanTest, SeriesTakesTheMaximumOverAreaGroups) {
  const SeriesPlan plan =
      PlanOrDie(CompileOrDie(), MakePlanRequest({"fine-lines"}, {"face", "abdomen"}, kModerate));
  EXPECT_EQ(plan.session_count(), 6);
  EXPECT_TRUE(HasRationale(plan, "Fine lines and wrinkles: body (abdomen), moderate: 6 sessions"));
  EXPECT_TRUE(HasRationale(plan, "Fine lines and wrinkles: face and neck (face), moderate: 3"));
}

TEST(SchedulingPlanTest, DefaultPlanCarriesTherapySpacingResourcesAndMaintenance) {
  const SeriesPlan plan =
      PlanOrDie(CompileOrDie(), MakePlanRequest({"fine-lines"}, {"periorbital"}, kMild));
  EXPECT_EQ(plan.therapy().system(), code_systems::kProcedure);
  EXPECT_EQ(plan.therapy().code(), "microneedling");
  EXPECT_EQ(plan.therapy().display(), "Microneedling (collagen induction therapy)");
  EXPECT_EQ(plan.min_days_between(), 28);
  EXPECT_EQ(plan.max_days_between(), 42);
  EXPECT_EQ(plan.numbing_minutes(), 30);
  EXPECT_EQ(plan.session_minutes(), 60);
  EXPECT_EQ(plan.maintenance_min_months(), 6);
  EXPECT_EQ(plan.maintenance_max_months(), 12);
  ASSERT_EQ(plan.requirements_size(), 3);
  EXPECT_EQ(plan.requirements(0).type(), types::v1::RESOURCE_TYPE_PRACTITIONER);
  EXPECT_EQ(plan.requirements(1).type(), types::v1::RESOURCE_TYPE_ROOM);
  EXPECT_EQ(plan.requirements(2).type(), types::v1::RESOURCE_TYPE_DEVICE);
  EXPECT_EQ(plan.requirements(2).device_kind(), "microneedling-pen");
  EXPECT_THAT(plan.rationale(),
              ElementsAre("Fine lines and wrinkles: face and neck (around the eyes), mild: 3 "
                          "sessions",
                          "Needling face and neck (around the eyes): 30 minutes",
                          "60 minutes per session: 30 numbing + 30 needling",
                          "Sessions 28 to 42 days apart, counted from the previous session's day",
                          "Maintenance sessions every 6 to 12 months after the series"));
}

TEST(SchedulingPlanTest, MinutesGrowWithAreasUpToTheGroupCap) {
  const SchedulingRules rules = CompileOrDie();
  auto minutes = [&](std::initializer_list<std::string_view> areas) {
    return PlanOrDie(rules, MakePlanRequest({"fine-lines"}, areas)).session_minutes();
  };
  EXPECT_EQ(minutes({"face"}), 30 + 30);
  EXPECT_EQ(minutes({"face", "neck"}), 30 + 40);
  EXPECT_EQ(minutes({"face", "neck", "decolletage", "forehead", "cheeks"}), 30 + 60);
  EXPECT_EQ(minutes({"abdomen"}), 30 + 45);
  EXPECT_EQ(minutes({"abdomen", "thighs"}), 30 + 60);
  EXPECT_EQ(minutes({"abdomen", "thighs", "arms"}), 30 + 60);
  EXPECT_EQ(minutes({"face", "abdomen"}), 30 + 30 + 45);
}

TEST(SchedulingPlanTest, RepeatedCodesCountOnce) {
  const SeriesPlan plan = PlanOrDie(
      CompileOrDie(), MakePlanRequest({"melasma", "melasma"}, {"cheeks", "cheeks"}, kSevere));
  EXPECT_EQ(plan.session_count(), 4);
  EXPECT_EQ(plan.session_minutes(), 60);
  EXPECT_FALSE(HasRationale(plan, "the most any concern"));
}

TEST(SchedulingPlanTest, LaxityAtOrAboveTheThresholdAddsASession) {
  const SchedulingRules rules = CompileOrDie();
  PlanRequest request = MakePlanRequest({"skin-laxity"}, {"jawline"}, kModerate);
  AddObservation(request, "skin-laxity-grade", 1, "2024-05-01");
  EXPECT_EQ(PlanOrDie(rules, request).session_count(), 3);

  AddObservation(request, "skin-laxity-grade", 2, "2024-06-01");
  const SeriesPlan plan = PlanOrDie(rules, request);
  EXPECT_EQ(plan.session_count(), 4);
  EXPECT_TRUE(HasRationale(plan, "Skin laxity, skin-laxity-grade 2 (at least 2): 1 more session"));
  EXPECT_TRUE(HasRationale(plan, "4 sessions in all"));
}

TEST(SchedulingPlanTest, LatestLaxityGradeDecides) {
  PlanRequest request = MakePlanRequest({"fine-lines"}, {"face"}, kMild);
  AddObservation(request, "skin-laxity-grade", 1, "2024-06-01");
  AddObservation(request, "skin-laxity-grade", 3, "2023-01-01");
  EXPECT_EQ(PlanOrDie(CompileOrDie(), request).session_count(), 3);
}

TEST(SchedulingPlanTest, ObservationWithoutAValueIsIgnored) {
  PlanRequest request = MakePlanRequest({"fine-lines"}, {"face"}, kMild);
  AddObservation(request, "skin-laxity-grade", 3, "2024-01-01");
  request.mutable_patient()->mutable_observations(0)->clear_value();
  EXPECT_EQ(PlanOrDie(CompileOrDie(), request).session_count(), 3);
}

TEST(SchedulingPlanTest, AgeAdjustmentUsesBirthDateAndToday) {
  const SchedulingRules rules =
      CompileOrDie(Json::parse(R"({"adjustments": {"mature-skin": {"enabled": true}}})"));
  PlanRequest request = MakePlanRequest({"fine-lines"}, {"face"}, kMild);
  request.mutable_patient()->set_birth_date("1974-06-02");
  EXPECT_EQ(PlanOrDie(rules, request, ParseDay("2024-06-01")).session_count(), 3);  // 49
  const SeriesPlan plan = PlanOrDie(rules, request, ParseDay("2024-06-02"));        // 50
  EXPECT_EQ(plan.session_count(), 4);
  EXPECT_TRUE(HasRationale(plan, "Mature skin, age 50 (at least 50): 1 more session"));
  // Without a clock or a full birth date, age is unknown and the adjustment does not apply.
  EXPECT_EQ(PlanOrDie(rules, request, std::nullopt).session_count(), 3);
  request.mutable_patient()->set_birth_date("1974");
  EXPECT_EQ(PlanOrDie(rules, request, ParseDay("2024-06-02")).session_count(), 3);
}

TEST(SchedulingPlanTest, SkinTypeAdjustmentWidensTheSpacing) {
  const SchedulingRules rules =
      CompileOrDie(Json::parse(R"({"adjustments": {"darker-skin-type": {"enabled": true}}})"));
  PlanRequest request = MakePlanRequest({"hyperpigmentation"}, {"cheeks"}, kModerate);
  AddObservation(request, "fitzpatrick-skin-type", 5, "2024-01-01");
  const SeriesPlan plan = PlanOrDie(rules, request);
  EXPECT_EQ(plan.session_count(), 3);
  EXPECT_EQ(plan.min_days_between(), 42);
  EXPECT_EQ(plan.max_days_between(), 56);
  EXPECT_TRUE(HasRationale(plan, "fitzpatrick-skin-type 5 (at least 4): sessions 14 days further"));
  EXPECT_TRUE(HasRationale(plan, "Sessions 42 to 56 days apart"));
}

TEST(SchedulingPlanTest, UnknownConcernIsRefusedListingTheKnownOnes) {
  EXPECT_THAT(TryPlan(MakePlanRequest({"wrinkles"}, {"face"})),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("unknown concern \"wrinkles\""),
                             HasSubstr("knows concerns acne-scars, enlarged-pores, fine-lines"))));
}

TEST(SchedulingPlanTest, UnknownAreaIsRefusedListingTheKnownOnes) {
  EXPECT_THAT(TryPlan(MakePlanRequest({"fine-lines"}, {"scalp"})),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("unknown treatment area \"scalp\""),
                             HasSubstr("knows treatment areas abdomen, arms, back, buttocks, "
                                       "cheeks, decolletage, face, forehead, hands, jawline, "
                                       "neck, perioral, periorbital, thighs"))));
}

TEST(SchedulingPlanTest, CodeOfAnotherSystemIsRefused) {
  PlanRequest request = MakePlanRequest({}, {"face"});
  *request.add_concerns() = MakeCoding("http://snomed.info/sct", "fine-lines");
  EXPECT_THAT(TryPlan(request),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("concern \"http://snomed.info/sct|fine-lines\" is not a code of "
                                 "https://needlework.dev/fhir/CodeSystem/concern")));
}

TEST(SchedulingPlanTest, NoConcernOrNoAreaIsRefused) {
  EXPECT_THAT(TryPlan(MakePlanRequest({}, {"face"})),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("at least one concern")));
  EXPECT_THAT(TryPlan(MakePlanRequest({"fine-lines"}, {})),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("at least one treatment area")));
}

TEST(SchedulingPlanTest, UnknownSeverityNumberIsRefused) {
  PlanRequest request = MakePlanRequest({"fine-lines"}, {"face"});
  request.set_severity(static_cast<types::v1::Severity>(9));
  EXPECT_THAT(TryPlan(request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("unknown severity 9")));
}

}  // namespace
}  // namespace needlework::scheduling
