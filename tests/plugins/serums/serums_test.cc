// The serums add-on: one catalog entry per product, an ingredient allergy contraindicating
// that product only, and the aftercare line for a session with any product; from the default
// config and from clinic patches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/serums/embedded_config.h"
#include "plugins/serums/serums_plugin.h"

namespace needlework::serums {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

const Coding kGrowthFactor = Procedure("growth-factor-serum");
const Coding kHa = Procedure("ha-serum");

// Egg protein in the growth-factor serum: a clinic's own product, entered by its patch.
const Json kEggInGrowthFactor = {
    {"products",
     {{"growth-factor-serum",
       {{"ingredients", {{"http://snomed.info/sct|102263004", "Eggs (edible)"}}}}}}}};

ScreenResponse Screen(const PatientFacts& facts, std::vector<Coding> add_ons,
                      const Json& patch = Json::object()) {
  return AnswerPatched<SerumsPlugin>(kDefaultConfigJson, patch, &Plugin::Screen,
                                     MakeScreenRequest(facts, std::move(add_ons)));
}

TEST(SerumsCatalogTest, OffersOneAddOnPerProductWithItsLotRecorded) {
  auto catalog = AnswerPatched<SerumsPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Catalog,
                                             plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 2);
  ExpectAddOnTherapy(catalog.therapies(0), "growth-factor-serum", "Growth-factor serum", 5, {});
  ExpectAddOnTherapy(catalog.therapies(1), "ha-serum", "Hyaluronic-acid serum", 5, {});
  for (const auto& therapy : catalog.therapies()) EXPECT_TRUE(therapy.record_product_lot());
}

TEST(SerumsCatalogTest, AClinicAddsAProductAndDropsOne) {
  const Json patch = {
      {"products",
       {{"ha-serum", nullptr},
        {"exosome-serum",
         {{"display_name", "Exosome serum"},
          {"minutes", 10},
          {"record_product_lot", true},
          {"ingredients", {{"http://snomed.info/sct|102263004", "Eggs (edible)"}}}}},
        {"growth-factor-serum", {{"enabled", false}}}}}};
  auto catalog = AnswerPatched<SerumsPlugin>(kDefaultConfigJson, patch, &Plugin::Catalog,
                                             plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).code().code(), "exosome-serum");
  EXPECT_EQ(catalog.therapies(0).minutes(), 10);
}

TEST(SerumsScreeningTest, AnIngredientAllergyContraindicatesEachPlannedProductWithIt) {
  PatientFacts facts;
  AddAllergy(facts, code_systems::kRxNorm, "5431", types::v1::ALLERGY_STATUS_ACTIVE,
             "Hyaluronic acid");
  ScreenResponse response = Screen(facts, {kHa, kGrowthFactor});
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_EQ(response.findings_size(), 2);
  EXPECT_EQ(response.findings(0).applies_to().code(), "growth-factor-serum");
  EXPECT_EQ(response.findings(0).summary(),
            "Growth-factor serum contraindicated: allergy to Hyaluronic acid");
  EXPECT_EQ(response.findings(1).applies_to().code(), "ha-serum");
  EXPECT_EQ(response.findings(1).rule_id(), "ingredient-allergy");
  EXPECT_EQ(response.findings(1).evidence(0).description(), "active allergy");
  EXPECT_EQ(response.findings(1).evidence(0).source_ref(), "AllergyIntolerance/5431");
}

TEST(SerumsScreeningTest, OnlyTheProductWithTheIngredientIsContraindicated) {
  PatientFacts facts;
  AddAllergy(facts, kSnomed, "102263004");
  ScreenResponse response = Screen(facts, {kGrowthFactor, kHa}, kEggInGrowthFactor);
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).applies_to().code(), "growth-factor-serum");
  EXPECT_EQ(response.findings(0).summary(),
            "Growth-factor serum contraindicated: allergy to Eggs (edible)");
  // Not planned, not screened.
  EXPECT_THAT(Screen(facts, {kHa}, kEggInGrowthFactor).findings(), IsEmpty());
}

TEST(SerumsScreeningTest, AnInactiveAllergyOrNoProductPlannedSaysNothing) {
  PatientFacts facts;
  AddAllergy(facts, code_systems::kRxNorm, "5431", types::v1::ALLERGY_STATUS_RESOLVED);
  EXPECT_EQ(Screen(facts, {kHa}).outcome(), types::v1::OUTCOME_ELIGIBLE);
  EXPECT_THAT(Screen(facts, {kHa}).findings(), IsEmpty());
  PatientFacts allergic;
  AddAllergy(allergic, code_systems::kRxNorm, "5431");
  EXPECT_THAT(Screen(allergic, {Procedure("prp-serum")}).findings(), IsEmpty());
}

TEST(SerumsAftercareTest, ApprovedProductsOnlyForTheFirstDayAfterAnyProduct) {
  for (const Coding& product : {kHa, kGrowthFactor}) {
    auto response = AnswerPatched<SerumsPlugin>(
        kDefaultConfigJson, Json::object(), &Plugin::Aftercare, MakeAftercareRequest({product}));
    ASSERT_THAT(InstructionIds(response), ElementsAre("approved-products-only")) << product.code();
    EXPECT_EQ(response.instructions(0).until().offset_minutes(), 24 * 60);
    EXPECT_EQ(response.instructions(0).indicator(), types::v1::INDICATOR_WARNING);
  }
  auto both = AnswerPatched<SerumsPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Aftercare,
                                          MakeAftercareRequest({kHa, kGrowthFactor}));
  EXPECT_EQ(both.instructions_size(), 1) << "one line, however many products";
}

TEST(SerumsAftercareTest, NoLineWithoutAProductAndAWindowFromThePatch) {
  auto none = AnswerPatched<SerumsPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Aftercare,
                                          MakeAftercareRequest({Procedure("rf-microneedling")}));
  EXPECT_THAT(none.instructions(), IsEmpty());
  const Json patch = {
      {"aftercare", {{"instructions", {{"approved-products-only", {{"until_hours", 48}}}}}}}};
  auto longer = AnswerPatched<SerumsPlugin>(kDefaultConfigJson, patch, &Plugin::Aftercare,
                                            MakeAftercareRequest({kHa}));
  ASSERT_EQ(longer.instructions_size(), 1);
  EXPECT_EQ(longer.instructions(0).until().offset_minutes(), 48 * 60);
}

TEST(SerumsTriageTest, NoOpinionByDefaultAndTheClinicsRuleWhenItHasOne) {
  auto request = MakeTriageRequest("itching", 1, types::v1::SYMPTOM_SEVERITY_MODERATE, {kHa});
  EXPECT_EQ(
      AnswerPatched<SerumsPlugin>(kDefaultConfigJson, Json::object(), &Plugin::Triage, request)
          .level(),
      types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  const Json patch = {{"triage",
                       {{"itching-after-serum",
                         {{"symptom", "itching"},
                          {"level", "monitor"},
                          {"advice", "Watch it; call if it spreads."}}}}}};
  auto answer = AnswerPatched<SerumsPlugin>(kDefaultConfigJson, patch, &Plugin::Triage, request);
  EXPECT_EQ(answer.level(), types::v1::TRIAGE_LEVEL_MONITOR);
  EXPECT_EQ(answer.rule_id(), "itching-after-serum");
  EXPECT_EQ(answer.indicator(), types::v1::INDICATOR_WARNING);
}

}  // namespace
}  // namespace needlework::serums
