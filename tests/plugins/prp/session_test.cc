// The PRP add-on in a session: its catalog entry, aftercare lines and triage answers, from
// the default config and from clinic patches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/prp/embedded_config.h"
#include "plugins/prp/prp_plugin.h"

namespace needlework::prp {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

const Coding kPrp = Procedure("prp-serum");

AftercareResponse Aftercare(std::vector<Coding> add_ons, const Json& patch = Json::object()) {
  return AnswerPatched<PrpPlugin>(kDefaultConfigJson, patch, &Plugin::Aftercare,
                                  MakeAftercareRequest(std::move(add_ons)));
}

types::v1::TriageLevel BruisingLevel(double days, std::vector<Coding> add_ons = {kPrp},
                                     const Json& patch = Json::object()) {
  return AnswerPatched<PrpPlugin>(
             kDefaultConfigJson, patch, &Plugin::Triage,
             MakeTriageRequest("bruising", days, types::v1::SYMPTOM_SEVERITY_MILD, add_ons))
      .level();
}

TEST(PrpCatalogTest, OffersPrpAsAnAddOnNeedingACentrifugeAndTime) {
  auto catalog = AnswerPatched<PrpPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Catalog,
                                          plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  ExpectAddOnTherapy(catalog.therapies(0), "prp-serum", "PRP serum (platelet-rich plasma)", 30,
                     {"centrifuge"});
  EXPECT_FALSE(catalog.therapies(0).record_product_lot()) << "the serum is the patient's own";
}

TEST(PrpCatalogTest, AClinicPatchChangesTimeDeviceAndLotRecording) {
  const Json patch = {{"therapy",
                       {{"minutes", 45},
                        {"record_product_lot", true},
                        {"devices", {{"centrifuge", nullptr}, {"prp-centrifuge", "PRP kit"}}}}}};
  auto catalog = AnswerPatched<PrpPlugin>(kDefaultConfigJson, patch, &Plugin::Catalog,
                                          plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).minutes(), 45);
  EXPECT_TRUE(catalog.therapies(0).record_product_lot());
  ASSERT_EQ(catalog.therapies(0).requirements_size(), 1);
  EXPECT_EQ(catalog.therapies(0).requirements(0).device_kind(), "prp-centrifuge");
}

TEST(PrpAftercareTest, LeaveTheSerumOnUntilTheEveningAndKeepThePlasterOn) {
  AftercareResponse response = Aftercare({kPrp});
  EXPECT_THAT(InstructionIds(response), ElementsAre("prp-draw-site", "prp-leave-on"));
  auto leave_on = Instruction(response, "prp-leave-on");
  EXPECT_EQ(leave_on.until().anchor(), types::v1::ANCHOR_SESSION_END);
  ASSERT_TRUE(leave_on.until().has_local());
  EXPECT_EQ(leave_on.until().local().day_offset(), 0);
  EXPECT_EQ(leave_on.until().local().minute_of_day(), 19 * 60);
  EXPECT_EQ(leave_on.indicator(), types::v1::INDICATOR_WARNING);
  auto plaster = Instruction(response, "prp-draw-site");
  EXPECT_EQ(plaster.from().offset_minutes(), 0);
  EXPECT_EQ(plaster.until().offset_minutes(), 60);
  ASSERT_THAT(EffectIds(response), ElementsAre("draw-site-bruise"));
  EXPECT_EQ(response.expected_effects(0).normal_course_hours(), 168);
}

TEST(PrpAftercareTest, AClinicPatchTurnsTheEveningIntoHours) {
  AftercareResponse response = Aftercare(
      {kPrp},
      {{"aftercare",
        {{"instructions", {{"prp-leave-on", {{"until_time", nullptr}, {"until_hours", 8}}}}}}}});
  auto leave_on = Instruction(response, "prp-leave-on");
  EXPECT_FALSE(leave_on.until().has_local());
  EXPECT_EQ(leave_on.until().offset_minutes(), 8 * 60);
}

TEST(PrpAftercareTest, NoLinesForASessionWithoutPrp) {
  AftercareResponse response = Aftercare({Procedure("rf-microneedling")});
  EXPECT_THAT(response.instructions(), IsEmpty());
  EXPECT_THAT(response.expected_effects(), IsEmpty());
}

TEST(PrpTriageTest, BruisingIsWatchedForAWeekThenTheClinicIsContacted) {
  EXPECT_EQ(BruisingLevel(3), types::v1::TRIAGE_LEVEL_MONITOR);
  EXPECT_EQ(BruisingLevel(7), types::v1::TRIAGE_LEVEL_MONITOR);
  EXPECT_EQ(BruisingLevel(7.5), types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
  auto late = AnswerPatched<PrpPlugin>(
      kDefaultConfigJson, Json::object(), &Plugin::Triage,
      MakeTriageRequest("bruising", 9, types::v1::SYMPTOM_SEVERITY_MILD, {kPrp}));
  EXPECT_EQ(late.rule_id(), "bruising-past-course");
  EXPECT_EQ(late.indicator(), types::v1::INDICATOR_WARNING);
  EXPECT_THAT(late.advice(), ::testing::HasSubstr("more than a week"));
}

TEST(PrpTriageTest, NoOpinionOnOtherSymptomsOrWithoutPrp) {
  EXPECT_EQ(BruisingLevel(3, {Procedure("rf-microneedling")}), types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  auto redness = AnswerPatched<PrpPlugin>(
      kDefaultConfigJson, Json::object(), &Plugin::Triage,
      MakeTriageRequest("redness", 1, types::v1::SYMPTOM_SEVERITY_SEVERE, {kPrp}));
  EXPECT_EQ(redness.level(), types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  EXPECT_EQ(redness.rule_id(), "");
}

TEST(PrpTriageTest, AClinicPatchShortensTheBruisingCourse) {
  const Json patch = {{"triage",
                       {{"bruising-within-course", {{"within_hours", 72}}},
                        {"bruising-past-course", {{"after_hours", 72}}}}}};
  EXPECT_EQ(BruisingLevel(2, {kPrp}, patch), types::v1::TRIAGE_LEVEL_MONITOR);
  EXPECT_EQ(BruisingLevel(4, {kPrp}, patch), types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
}

}  // namespace
}  // namespace needlework::prp
