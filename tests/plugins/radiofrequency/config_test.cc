// The radiofrequency add-on's config validation: the defaults compile, and a bad config is
// refused with every problem named by its JSON path (its manifest: addon_module_common_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/radiofrequency/embedded_config.h"
#include "plugins/radiofrequency/radiofrequency_plugin.h"

namespace needlework::radiofrequency {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

Status Refusal(const Json& patch) {
  return RefusalOf<RadiofrequencyPlugin>(kDefaultConfigJson, patch);
}

TEST(RadiofrequencyConfigTest, TheDefaultsCompile) {
  auto plugin = CreateOrDie<RadiofrequencyPlugin>(kDefaultConfigJson);
  ASSERT_NE(plugin, nullptr);
  ASSERT_EQ(plugin->rules().offers.size(), 1u);
  EXPECT_EQ(plugin->rules().offers[0].rules.size(), 4u);
  EXPECT_EQ(plugin->rules().triage.size(), 2u);
}

TEST(RadiofrequencyConfigTest, NotJsonOrNotAnObjectIsRefused) {
  auto created = RadiofrequencyPlugin::Create({"clinic-1", "[1, 2]", HostServices(nullptr)});
  EXPECT_THAT(created, StatusIs(StatusCode::kInvalidArgument,
                                HasSubstr("radiofrequency config must be a JSON object")));
}

TEST(RadiofrequencyConfigTest, CatalogProblemsNameTheirPath) {
  EXPECT_THAT(Refusal({{"therapy", {{"minutes", 601}, {"devices", {{"RF unit", "x"}}}}}}),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("radiofrequency config refused: "),
                             HasSubstr("therapy.minutes: must be from 0 to 600, not 601"),
                             HasSubstr("therapy.devices.RF unit: key must be a local code"))));
  EXPECT_THAT(Refusal({{"therapy", {{"code", "RF"}}}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("therapy.code: \"RF\" must be")));
}

TEST(RadiofrequencyConfigTest, RuleProblemsNameTheirPath) {
  const Json patch = {{"rules",
                       {{"pregnancy",
                         {{"outcome", "maybe"},
                          {"summary", "RF deferred: {patient}"},
                          {"conditions", {{"77386006", "Pregnancy"}}}}},
                        {"metal-implant", {{"treatment_areas", {{"Face", "face"}}}}}}}};
  EXPECT_THAT(
      Refusal(patch),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("rules.pregnancy.outcome: \"maybe\" is not one of eligible"),
                     HasSubstr("rules.pregnancy.summary: unknown placeholder {patient}"),
                     HasSubstr("rules.pregnancy.conditions.77386006: key must be \"system|code\""),
                     HasSubstr("rules.metal-implant.treatment_areas.Face: key must be a local"))));
}

TEST(RadiofrequencyConfigTest, ADisabledRuleIsStillValidated) {
  EXPECT_THAT(
      Refusal({{"rules", {{"pregnancy", {{"enabled", false}, {"colour", "red"}}}}}}),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("rules.pregnancy: unknown key \"colour\"")));
}

TEST(RadiofrequencyConfigTest, AftercareAndTriageProblemsNameTheirPath) {
  const Json patch = {
      {"aftercare", {{"instructions", {{"avoid-heat", {{"until_hours", 0}}}}}}},
      {"triage", {{"severe-pain", {{"level", "panic"}}}, {"lasting-redness", {{"symptom", 7}}}}},
      {"colour", "red"}};
  EXPECT_THAT(
      Refusal(patch),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("aftercare.instructions.avoid-heat.until_hours: must be from 1"),
                     HasSubstr("triage.severe-pain.level: \"panic\" is not one of expected"),
                     HasSubstr("triage.lasting-redness.symptom: must be a non-empty string"),
                     HasSubstr("config: unknown key \"colour\""))));
}

}  // namespace
}  // namespace needlework::radiofrequency
