// needlework_radiofrequency.so as the host sees it: loaded with dlopen, driven only through
// the C ABI with serialized messages (the checks every add-on passes are in
// addon_support/addon_module_common_test.cc).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_module_test.h"
#include "plugins/addon_support/addon_test_support.h"
#include "plugins/radiofrequency/embedded_config.h"

namespace needlework::radiofrequency {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)

class RadiofrequencyModuleTest : public AddOnModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_ADDON_MODULE); }
};

TEST_F(RadiofrequencyModuleTest, EveryHookAnswersForASessionWithRf) {
  nw_instance* instance = CreateOrFail(kDefaultConfigJson);
  ASSERT_NE(instance, nullptr);
  const Coding rf = Procedure("rf-microneedling");
  auto catalog = Call<plugin::v1::CatalogResponse>(instance, plugin::v1::HOOK_CATALOG,
                                                   plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).code().code(), "rf-microneedling");

  PatientFacts facts;
  AddCondition(facts, "http://snomed.info/sct", "441509002");
  EXPECT_EQ(Call<ScreenResponse>(instance, plugin::v1::HOOK_SCREEN, MakeScreenRequest(facts, {rf}))
                .outcome(),
            types::v1::OUTCOME_CONTRAINDICATED);
  EXPECT_EQ(
      Call<AftercareResponse>(instance, plugin::v1::HOOK_AFTERCARE, MakeAftercareRequest({rf}))
          .instructions_size(),
      2);
  EXPECT_EQ(
      Call<TriageResponse>(instance, plugin::v1::HOOK_TRIAGE,
                           MakeTriageRequest("pain", 1, types::v1::SYMPTOM_SEVERITY_SEVERE, {rf}))
          .level(),
      types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
  api_->destroy_instance(instance);
}

TEST_F(RadiofrequencyModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  EXPECT_THAT(Refusal(MergePatched(kDefaultConfigJson, {{"therapy", {{"minutes", -1}}}})),
              HasSubstr("therapy.minutes: must be from 0 to 600, not -1"));
}

}  // namespace
}  // namespace needlework::radiofrequency
