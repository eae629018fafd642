// The scheduling plugin's catalog hook: microneedling as the clinic's BASE therapy, shaped by
// the same config as the plans (numbing and needling minutes, session requirements).
#include "plugins/scheduling/catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "needlework/code_systems.h"
#include "plugins/scheduling/scheduling_plugin.h"
#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::ElementsAre;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

// "practitioner", "room" or the device kind of each requirement, in order.
std::vector<std::string> Kinds(const types::v1::Therapy& therapy) {
  std::vector<std::string> kinds;
  for (const auto& requirement : therapy.requirements()) {
    switch (requirement.type()) {
      case types::v1::RESOURCE_TYPE_PRACTITIONER:
        kinds.push_back("practitioner");
        break;
      case types::v1::RESOURCE_TYPE_ROOM:
        kinds.push_back("room");
        break;
      default:
        kinds.push_back(requirement.device_kind());
    }
  }
  return kinds;
}

TEST(SchedulingCatalogTest, OffersMicroneedlingAsTheBaseTherapyWithItsUsualSession) {
  const types::v1::Therapy therapy = BaseTherapy(CompileOrDie());
  EXPECT_EQ(therapy.code().system(), code_systems::kProcedure);
  EXPECT_EQ(therapy.code().code(), "microneedling");
  EXPECT_EQ(therapy.display_name(), "Microneedling");
  EXPECT_THAT(therapy.description(), ::testing::HasSubstr("Collagen induction therapy"));
  EXPECT_EQ(therapy.kind(), types::v1::THERAPY_KIND_BASE);
  EXPECT_EQ(therapy.minutes(), 30 + 30) << "numbing, then one face area";
  EXPECT_THAT(Kinds(therapy), ElementsAre("practitioner", "room", "microneedling-pen"));
  EXPECT_FALSE(therapy.record_product_lot());
}

TEST(SchedulingCatalogTest, FollowsTheClinicsConfig) {
  const Json patch = Json::parse(R"({
    "therapy": {"display_name": null, "description": null},
    "numbing_minutes": 20,
    "area_groups": {"face": {"needling_minutes": 40}, "body": {"needling_minutes": 35}},
    "requirements": {"room": false,
                     "devices": {"microneedling-pen": null, "rf-unit": "RF unit"}}})");
  const types::v1::Therapy therapy = BaseTherapy(CompileOrDie(patch));
  EXPECT_EQ(therapy.display_name(), "Microneedling (collagen induction therapy)")
      << "without a display_name, the therapy's display";
  EXPECT_EQ(therapy.description(), "");
  EXPECT_EQ(therapy.minutes(), 20 + 35);
  EXPECT_THAT(Kinds(therapy), ElementsAre("practitioner", "rf-unit"));
}

TEST(SchedulingCatalogTest, ThePluginAnswersTheCatalogHook) {
  auto plugin = SchedulingPlugin::Create({"clinic-1", PatchedConfig(), HostServices(nullptr)});
  ASSERT_THAT(plugin, IsOk());
  plugin::v1::CatalogResponse response;
  ASSERT_THAT((*plugin)->Catalog(plugin::v1::CatalogRequest(), &response), IsOk());
  ASSERT_EQ(response.therapies_size(), 1);
  EXPECT_EQ(response.therapies(0).code().code(), "microneedling");
}

TEST(SchedulingCatalogTest, AnEmptyDisplayNameIsRefused) {
  auto refused = SchedulingPlugin::Create(
      {"clinic-1", PatchedConfig(Json::parse(R"({"therapy": {"display_name": ""}})")),
       HostServices(nullptr)});
  EXPECT_THAT(refused, StatusIs(StatusCode::kInvalidArgument,
                                ::testing::HasSubstr("therapy.display_name: must be a non-empty")));
}

}  // namespace
}  // namespace needlework::scheduling
