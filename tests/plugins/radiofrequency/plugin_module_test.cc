// needlework_radiofrequency.so as the host sees it: loaded with dlopen, driven only through
// the C ABI with serialized messages.
#include "support/plugin_module.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/addon_support/addon_test_support.h"
#include "plugins/radiofrequency/embedded_config.h"

namespace needlework::radiofrequency {
namespace {

using namespace needlework::addon::testing;  // NOLINT(build/namespaces)
using ::testing::HasSubstr;
using Buffer = needlework::testing::SinkBuffer;

class RadiofrequencyModuleTest : public needlework::testing::PluginModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_RADIOFREQUENCY_MODULE); }

  // Invokes `hook` on `instance` and parses the answer; fails the test unless it is OK.
  template <typename Response>
  Response Call(nw_instance* instance, plugin::v1::Hook hook,
                const google::protobuf::MessageLite& request) {
    Buffer out;
    EXPECT_EQ(Invoke(instance, hook, request, out), NW_OK) << out.bytes;
    Response response;
    EXPECT_TRUE(response.ParseFromString(out.bytes));
    return response;
  }
};

TEST_F(RadiofrequencyModuleTest, VersionBlockMatchesThisBuild) {
  needlework::testing::ExpectVersionBlockOfThisBuild(api_);
}

TEST_F(RadiofrequencyModuleTest, DescribeReturnsTheManifest) {
  Buffer out;
  ASSERT_EQ(api_->describe(&out.sink), NW_OK) << out.bytes;
  plugin::v1::Manifest manifest;
  ASSERT_TRUE(manifest.ParseFromString(out.bytes));
  EXPECT_EQ(manifest.id(), "org.needlework.radiofrequency");
  EXPECT_EQ(manifest.hooks_size(), 4);
  EXPECT_EQ(Json::parse(manifest.default_config_json()), Json::parse(kDefaultConfigJson));
}

TEST_F(RadiofrequencyModuleTest, CreateCatalogScreenAftercareTriageDestroy) {
  Buffer error;
  nw_instance* instance = CreateOrNull(std::string(kDefaultConfigJson), error);
  ASSERT_EQ(last_code_, NW_OK) << error.bytes;
  ASSERT_NE(instance, nullptr);
  const Coding rf = Procedure("rf-microneedling");

  auto catalog = Call<plugin::v1::CatalogResponse>(instance, plugin::v1::HOOK_CATALOG,
                                                   plugin::v1::CatalogRequest());
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).code().code(), "rf-microneedling");

  PatientFacts facts;
  AddCondition(facts, "http://snomed.info/sct", "441509002");
  auto screen =
      Call<ScreenResponse>(instance, plugin::v1::HOOK_SCREEN, MakeScreenRequest(facts, {rf}));
  EXPECT_EQ(screen.outcome(), types::v1::OUTCOME_CONTRAINDICATED);

  auto aftercare =
      Call<AftercareResponse>(instance, plugin::v1::HOOK_AFTERCARE, MakeAftercareRequest({rf}));
  EXPECT_EQ(aftercare.instructions_size(), 2);

  auto triage =
      Call<TriageResponse>(instance, plugin::v1::HOOK_TRIAGE,
                           MakeTriageRequest("pain", 1, types::v1::SYMPTOM_SEVERITY_SEVERE, {rf}));
  EXPECT_EQ(triage.level(), types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);

  Buffer unserved;
  EXPECT_EQ(Invoke(instance, plugin::v1::HOOK_PLAN, plugin::v1::PlanRequest(), unserved),
            NW_UNIMPLEMENTED);
  api_->destroy_instance(instance);
}

TEST_F(RadiofrequencyModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  Buffer error;
  nw_instance* instance =
      CreateOrNull(MergePatched(kDefaultConfigJson, {{"therapy", {{"minutes", -1}}}}), error);
  EXPECT_EQ(instance, nullptr);
  EXPECT_EQ(last_code_, NW_INVALID_ARGUMENT);
  EXPECT_THAT(error.bytes, HasSubstr("therapy.minutes: must be from 0 to 600, not -1"));
}

}  // namespace
}  // namespace needlework::radiofrequency
