// The serums add-on's config validation: every problem named by its JSON path (its
// manifest: addon_module_common_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/serums/embedded_config.h"
#include "plugins/serums/serums_plugin.h"

namespace needlework::serums {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

Status Refusal(const Json& patch) { return RefusalOf<SerumsPlugin>(kDefaultConfigJson, patch); }

TEST(SerumsConfigTest, ItPublishesItsOwnSchema) {
  EXPECT_EQ(Json::parse(SerumsPlugin::Describe().config_schema_json())["$id"],
            "https://needlework.dev/schemas/plugins/org.needlework.serums/config.json");
}

TEST(SerumsConfigTest, EveryProductGetsTheAllergyRuleOfItsIngredients) {
  auto plugin = CreateOrDie<SerumsPlugin>(kDefaultConfigJson);
  ASSERT_NE(plugin, nullptr);
  ASSERT_EQ(plugin->rules().offers.size(), 2u);
  for (const auto& offer : plugin->rules().offers) {
    ASSERT_EQ(offer.rules.size(), 1u);
    EXPECT_EQ(offer.rules[0].finding.rule_id, "ingredient-allergy");
    EXPECT_EQ(offer.rules[0].criteria.allergies.size(), 1u);
  }
}

TEST(SerumsConfigTest, ProductProblemsNameTheirPath) {
  const Json patch = {
      {"products",
       {{"ha-serum",
         {{"ingredients", {{"http://www.nlm.nih.gov/research/umls/rxnorm|5431", nullptr}}},
          {"minutes", "five"}}},
        {"growth-factor-serum", {{"ingredients", nullptr}, {"lot", true}}},
        {"HA", {{"display_name", "x"}}}}}};
  EXPECT_THAT(
      Refusal(patch),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("serums config refused: "),
                     HasSubstr("products.ha-serum.ingredients: needs at least one ingredient"),
                     HasSubstr("products.ha-serum.minutes: must be a whole number from 0 to 600"),
                     HasSubstr("products.growth-factor-serum.ingredients: is required"),
                     HasSubstr("products.growth-factor-serum: unknown key \"lot\""),
                     HasSubstr("products.HA: must be an object keyed by a local code"))));
}

TEST(SerumsConfigTest, FindingAndAftercareProblemsNameTheirPath) {
  const Json patch = {
      {"allergy_finding", {{"outcome", nullptr}, {"summary", std::string(140, 'x')}}},
      {"aftercare", {{"instructions", {{"approved-products-only", {{"indicator", "red"}}}}}}}};
  EXPECT_THAT(
      Refusal(patch),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("allergy_finding.outcome: is required"),
                     HasSubstr("allergy_finding.summary: must be at most 139 characters"),
                     HasSubstr("aftercare.instructions.approved-products-only.indicator: \"red\" "
                               "is not one of info, warning, critical"))));
}

}  // namespace
}  // namespace needlework::serums
