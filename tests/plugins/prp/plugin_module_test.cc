// needlework_prp.so as the host sees it: loaded with dlopen, driven only through the C ABI
// with serialized messages (the checks every add-on passes are in
// addon_support/addon_module_common_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_module_test.h"
#include "plugins/addon_support/addon_test_support.h"
#include "plugins/prp/embedded_config.h"

namespace needlework::prp {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

class PrpModuleTest : public AddOnModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_ADDON_MODULE); }
};

TEST_F(PrpModuleTest, ApixabanBlocksPrpAcrossTheAbi) {
  nw_instance* instance = CreateOrFail(kDefaultConfigJson);
  ASSERT_NE(instance, nullptr);
  PatientFacts facts;
  AddMedication(facts, "1364445", "1364430", "apixaban");
  auto screen = Call<ScreenResponse>(instance, plugin::v1::HOOK_SCREEN,
                                     MakeScreenRequest(facts, {Procedure("prp-serum")}));
  EXPECT_EQ(screen.outcome(), types::v1::OUTCOME_CONTRAINDICATED);
  ASSERT_EQ(screen.findings_size(), 1);
  EXPECT_EQ(screen.findings(0).summary(), "PRP contraindicated: apixaban");
  auto catalog = Call<plugin::v1::CatalogResponse>(instance, plugin::v1::HOOK_CATALOG,
                                                   plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).minutes(), 30);
  api_->destroy_instance(instance);
}

TEST_F(PrpModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  EXPECT_THAT(Refusal(MergePatched(kDefaultConfigJson,
                                   {{"rules", {{"low-platelets", {{"below", "low"}}}}}})),
              HasSubstr("rules.low-platelets.below: must be a number"));
}

}  // namespace
}  // namespace needlework::prp
