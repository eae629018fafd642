// What every built-in add-on module must do across the C ABI, compiled into each add-on's
// test binary with NEEDLEWORK_ADDON_MODULE (the built .so), NEEDLEWORK_ADDON_ID (its plugin
// id) and NEEDLEWORK_ADDON_DEFAULT_CONFIG (its default_config.json) defined by
// AddOnTest.cmake.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "plugins/addon_support/addon_module_test.h"
#include "plugins/addon_support/addon_test_support.h"

namespace needlework::addon::testing {
namespace {

// The text of the file at `path`.
std::string FileText(const char* path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(in.good()) << path;
  return text.str();
}

class AddOnModuleCommonTest : public AddOnModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_ADDON_MODULE); }
};

TEST_F(AddOnModuleCommonTest, VersionBlockMatchesThisBuild) {
  needlework::testing::ExpectVersionBlockOfThisBuild(api_);
}

TEST_F(AddOnModuleCommonTest, DescribesItselfWithTheAddOnHooksAndItsDefaultConfig) {
  ExpectAddOnManifest(DescribedManifest(), NEEDLEWORK_ADDON_ID,
                      FileText(NEEDLEWORK_ADDON_DEFAULT_CONFIG));
}

TEST_F(AddOnModuleCommonTest, ItsPublishedDefaultsMakeAnInstanceThatOffersAddOnsOnly) {
  nw_instance* instance = CreateOrFail(DescribedManifest().default_config_json());
  ASSERT_NE(instance, nullptr);
  auto catalog = Call<plugin::v1::CatalogResponse>(instance, plugin::v1::HOOK_CATALOG,
                                                   plugin::v1::CatalogRequest());
  ASSERT_GT(catalog.therapies_size(), 0);
  for (const auto& therapy : catalog.therapies()) {
    EXPECT_EQ(therapy.kind(), types::v1::THERAPY_KIND_ADD_ON) << therapy.code().code();
  }
  // Nothing planned: an empty, OK answer from every hook it serves.
  auto screen = Call<ScreenResponse>(instance, plugin::v1::HOOK_SCREEN, ScreenRequest());
  EXPECT_EQ(screen.outcome(), types::v1::OUTCOME_ELIGIBLE);
  EXPECT_THAT(screen.findings(), IsEmpty());
  EXPECT_THAT(Call<AftercareResponse>(instance, plugin::v1::HOOK_AFTERCARE, AftercareRequest())
                  .instructions(),
              IsEmpty());
  EXPECT_EQ(Call<TriageResponse>(instance, plugin::v1::HOOK_TRIAGE, TriageRequest()).level(),
            types::v1::TRIAGE_LEVEL_UNSPECIFIED);
  Buffer unserved;
  EXPECT_EQ(Invoke(instance, plugin::v1::HOOK_PLAN, plugin::v1::PlanRequest(), unserved),
            NW_UNIMPLEMENTED);
  api_->destroy_instance(instance);
}

TEST_F(AddOnModuleCommonTest, NotJsonIsRefusedAcrossTheAbi) {
  EXPECT_THAT(Refusal("{\"therapy\": "), HasSubstr("is not valid JSON"));
}

}  // namespace
}  // namespace needlework::addon::testing
