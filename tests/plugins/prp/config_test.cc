// The PRP add-on's config validation: the defaults compile, and a bad config is refused with
// every problem named by its JSON path (its manifest: addon_module_common_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/prp/embedded_config.h"
#include "plugins/prp/prp_plugin.h"

namespace needlework::prp {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

Status Refusal(const Json& patch) { return RefusalOf<PrpPlugin>(kDefaultConfigJson, patch); }

TEST(PrpConfigTest, ItPublishesTheSharedAddOnSchema) {
  EXPECT_EQ(Json::parse(PrpPlugin::Describe().config_schema_json())["$id"],
            "https://needlework.dev/schemas/plugins/addon-config.json");
}

TEST(PrpConfigTest, TheDefaultsCompile) {
  auto plugin = CreateOrDie<PrpPlugin>(kDefaultConfigJson);
  ASSERT_NE(plugin, nullptr);
  ASSERT_EQ(plugin->rules().offers.size(), 1u);
  EXPECT_EQ(plugin->rules().offers[0].rules.size(), 7u);  // in id order
  ASSERT_EQ(plugin->rules().offers[0].rules[1].finding.rule_id, "blood-thinners");
  EXPECT_EQ(plugin->rules().offers[0].rules[1].criteria.medications.size(), 14u);
}

TEST(PrpConfigTest, AThresholdNeedsItsObservationsAndExactlyOneBound) {
  EXPECT_THAT(Refusal({{"rules", {{"low-platelets", {{"below", nullptr}}}}}}),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.low-platelets: observations need exactly one of "
                                 "\"below\" and \"above\"")));
  EXPECT_THAT(Refusal({{"rules", {{"low-platelets", {{"above", 400}}}}}}),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("exactly one of")));
  EXPECT_THAT(Refusal({{"rules", {{"blood-thinners", {{"below", 3}}}}}}),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.blood-thinners: \"below\" and \"above\" go with "
                                 "observations")));
  EXPECT_THAT(Refusal({{"rules", {{"low-platelets", {{"below", "150"}}}}}}),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.low-platelets.below: must be a number, not \"150\"")));
}

TEST(PrpConfigTest, ARuleWithNoCodesIsRefused) {
  EXPECT_THAT(
      Refusal({{"rules", {{"bloodborne-infection", {{"conditions", nullptr}}}}}}),
      StatusIs(StatusCode::kInvalidArgument,
               HasSubstr("rules.bloodborne-infection: needs at least one code in conditions")));
}

TEST(PrpConfigTest, AftercareWindowProblemsNameTheirPath) {
  const Json patch = {{"aftercare",
                       {{"instructions",
                         {{"prp-leave-on", {{"until_time", "25:00"}}},
                          {"prp-draw-site", {{"until_text", "for a while"}}},
                          {"Wash", {{"text", "x"}}}}},
                        {"effects", {{"draw-site-bruise", {{"normal_course_hours", 0}}}}}}}};
  EXPECT_THAT(
      Refusal(patch),
      StatusIs(StatusCode::kInvalidArgument,
               AllOf(HasSubstr("prp config refused: "),
                     HasSubstr("aftercare.instructions.prp-leave-on.until_time: \"25:00\" must be "
                               "\"HH:MM\""),
                     HasSubstr("aftercare.instructions.prp-draw-site: needs exactly one of "
                               "until_hours, until_time and until_text"),
                     HasSubstr("aftercare.instructions.Wash: must be an object keyed by a local"),
                     HasSubstr("aftercare.effects.draw-site-bruise.normal_course_hours: must be "
                               "from 1"))));
}

TEST(PrpConfigTest, TriageBoundsMustMakeABand) {
  EXPECT_THAT(Refusal({{"triage", {{"bruising-within-course", {{"after_hours", 200}}}}}}),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("triage.bruising-within-course.after_hours: must be below "
                                 "within_hours")));
}

}  // namespace
}  // namespace needlework::prp
