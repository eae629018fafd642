// The radiofrequency add-on in a session: its catalog entry, aftercare lines and triage
// answers, from the default config and from clinic patches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/radiofrequency/embedded_config.h"
#include "plugins/radiofrequency/radiofrequency_plugin.h"

namespace needlework::radiofrequency {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

const Coding kRf = Procedure("rf-microneedling");

plugin::v1::CatalogResponse Catalog(const Json& patch = Json::object()) {
  return AnswerPatched<RadiofrequencyPlugin>(kDefaultConfigJson, patch, &Plugin::Catalog,
                                             plugin::v1::CatalogRequest());
}

AftercareResponse Aftercare(std::vector<Coding> add_ons, const Json& patch = Json::object()) {
  return AnswerPatched<RadiofrequencyPlugin>(kDefaultConfigJson, patch, &Plugin::Aftercare,
                                             MakeAftercareRequest(std::move(add_ons)));
}

TriageResponse Triage(std::string_view symptom, double days, types::v1::SymptomSeverity severity,
                      std::vector<Coding> add_ons = {kRf}, const Json& patch = Json::object()) {
  return AnswerPatched<RadiofrequencyPlugin>(
      kDefaultConfigJson, patch, &Plugin::Triage,
      MakeTriageRequest(symptom, days, severity, std::move(add_ons)));
}

TEST(RadiofrequencyCatalogTest, OffersRfAsAnAddOnNeedingAnRfUnit) {
  auto catalog = Catalog();
  ASSERT_EQ(catalog.therapies_size(), 1);
  ExpectAddOnTherapy(catalog.therapies(0), "rf-microneedling", "Radiofrequency microneedling", 15,
                     {"rf-unit"});
  EXPECT_FALSE(catalog.therapies(0).record_product_lot());
}

TEST(RadiofrequencyCatalogTest, AClinicPatchChangesMinutesAndDevice) {
  auto catalog = Catalog(
      {{"therapy", {{"minutes", 20}, {"devices", {{"rf-unit", nullptr}, {"rf-pen", "RF pen"}}}}}});
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).minutes(), 20);
  ASSERT_EQ(catalog.therapies(0).requirements_size(), 1);
  EXPECT_EQ(catalog.therapies(0).requirements(0).device_kind(), "rf-pen");
}

TEST(RadiofrequencyAftercareTest, ASessionWithRfAvoidsHeatAndSunForThreeDays) {
  AftercareResponse response = Aftercare({Procedure("prp-serum"), kRf});
  EXPECT_THAT(InstructionIds(response), ElementsAre("avoid-heat", "avoid-sun"));
  for (const char* id : {"avoid-heat", "avoid-sun"}) {
    auto line = Instruction(response, id);
    EXPECT_EQ(line.from().anchor(), types::v1::ANCHOR_SESSION_END) << id;
    EXPECT_EQ(line.from().offset_minutes(), 0) << id;
    EXPECT_EQ(line.until().anchor(), types::v1::ANCHOR_SESSION_END) << id;
    EXPECT_EQ(line.until().offset_minutes(), 72 * 60) << id;
    EXPECT_EQ(line.indicator(), types::v1::INDICATOR_WARNING) << id;
  }
  EXPECT_THAT(Instruction(response, "avoid-heat").text(), ::testing::HasSubstr("sauna"));
  ASSERT_THAT(EffectIds(response), ElementsAre("rf-heat-redness"));
  EXPECT_EQ(response.expected_effects(0).normal_course_hours(), 72);
}

TEST(RadiofrequencyAftercareTest, NoLinesForASessionWithoutRf) {
  AftercareResponse response = Aftercare({Procedure("prp-serum")});
  EXPECT_THAT(response.instructions(), IsEmpty());
  EXPECT_THAT(response.expected_effects(), IsEmpty());
}

TEST(RadiofrequencyAftercareTest, AClinicPatchChangesAWindowAndDropsALine) {
  AftercareResponse response = Aftercare(
      {kRf}, {{"aftercare",
               {{"instructions", {{"avoid-heat", {{"until_hours", 96}}}, {"avoid-sun", nullptr}}},
                {"effects", {{"rf-heat-redness", {{"normal_course_hours", 96}}}}}}}});
  ASSERT_THAT(InstructionIds(response), ElementsAre("avoid-heat"));
  EXPECT_EQ(response.instructions(0).until().offset_minutes(), 96 * 60);
  EXPECT_EQ(response.expected_effects(0).normal_course_hours(), 96);
}

TEST(RadiofrequencyTriageTest, SeverePainAfterRfContactsTheClinic) {
  TriageResponse response = Triage("pain", 1, types::v1::SYMPTOM_SEVERITY_SEVERE);
  EXPECT_EQ(response.level(), types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
  EXPECT_EQ(response.rule_id(), "severe-pain");
  EXPECT_EQ(response.indicator(), types::v1::INDICATOR_WARNING);
  EXPECT_THAT(response.advice(), ::testing::HasSubstr("contact the clinic"));
}

TEST(RadiofrequencyTriageTest, MildPainHasNoOpinion) {
  TriageResponse response = Triage("pain", 1, types::v1::SYMPTOM_SEVERITY_MILD);
  EXPECT_EQ(response.level(), types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  EXPECT_EQ(response.rule_id(), "");
  EXPECT_EQ(response.advice(), "");
}

TEST(RadiofrequencyTriageTest, RednessPastThreeDaysContactsTheClinic) {
  EXPECT_EQ(Triage("redness", 2, types::v1::SYMPTOM_SEVERITY_MILD).level(),
            types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  EXPECT_EQ(Triage("redness", 3, types::v1::SYMPTOM_SEVERITY_MILD).level(),
            types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  TriageResponse late = Triage("redness", 3.5, types::v1::SYMPTOM_SEVERITY_MILD);
  EXPECT_EQ(late.level(), types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
  EXPECT_EQ(late.rule_id(), "lasting-redness");
}

TEST(RadiofrequencyTriageTest, NoOpinionOnOtherSymptomsOrWithoutRf) {
  EXPECT_EQ(Triage("blistering", 1, types::v1::SYMPTOM_SEVERITY_SEVERE).level(),
            types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  EXPECT_EQ(Triage("pain", 1, types::v1::SYMPTOM_SEVERITY_SEVERE, {}).level(),
            types::v1::TRIAGE_LEVEL_UNSPECIFIED);
}

TEST(RadiofrequencyTriageTest, AClinicPatchMovesTheRednessWindow) {
  const Json patch = {{"triage", {{"lasting-redness", {{"after_hours", 120}}}}}};
  EXPECT_EQ(Triage("redness", 4, types::v1::SYMPTOM_SEVERITY_MILD, {kRf}, patch).level(),
            types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  EXPECT_EQ(Triage("redness", 6, types::v1::SYMPTOM_SEVERITY_MILD, {kRf}, patch).level(),
            types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
}

TEST(RadiofrequencyTriageTest, ANegativeDayIsRefused) {
  auto plugin = CreateOrDie<RadiofrequencyPlugin>(kDefaultConfigJson);
  ASSERT_NE(plugin, nullptr);
  TriageResponse response;
  EXPECT_THAT(plugin->Triage(MakeTriageRequest("pain", -1, types::v1::SYMPTOM_SEVERITY_MILD, {kRf}),
                             &response),
              StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr("days_since_session")));
}

}  // namespace
}  // namespace needlework::radiofrequency
