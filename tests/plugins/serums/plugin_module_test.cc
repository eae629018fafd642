// needlework_serums.so as the host sees it: loaded with dlopen, driven only through the C ABI
// with serialized messages (the checks every add-on passes are in
// addon_support/addon_module_common_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_module_test.h"
#include "plugins/addon_support/addon_test_support.h"
#include "plugins/serums/embedded_config.h"

namespace needlework::serums {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

class SerumsModuleTest : public AddOnModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_ADDON_MODULE); }
};

TEST_F(SerumsModuleTest, CatalogScreenAndAftercareAcrossTheAbi) {
  nw_instance* instance = CreateOrFail(kDefaultConfigJson);
  ASSERT_NE(instance, nullptr);
  auto catalog = Call<plugin::v1::CatalogResponse>(instance, plugin::v1::HOOK_CATALOG,
                                                   plugin::v1::CatalogRequest());
  EXPECT_EQ(catalog.therapies_size(), 2);
  PatientFacts facts;
  AddAllergy(facts, code_systems::kRxNorm, "5431");
  auto screen = Call<ScreenResponse>(instance, plugin::v1::HOOK_SCREEN,
                                     MakeScreenRequest(facts, {Procedure("ha-serum")}));
  ASSERT_EQ(screen.findings_size(), 1);
  EXPECT_EQ(screen.findings(0).summary(),
            "Hyaluronic-acid serum contraindicated: allergy to hyaluronic acid");
  auto aftercare = Call<AftercareResponse>(instance, plugin::v1::HOOK_AFTERCARE,
                                           MakeAftercareRequest({Procedure("ha-serum")}));
  EXPECT_EQ(aftercare.instructions_size(), 1);
  api_->destroy_instance(instance);
}

TEST_F(SerumsModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  EXPECT_THAT(Refusal(R"({"products": {}})"), HasSubstr("allergy_finding: is required"));
}

}  // namespace
}  // namespace needlework::serums
