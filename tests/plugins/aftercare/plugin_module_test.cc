// needlework_aftercare.so as the host sees it: loaded with dlopen, driven only through the
// C ABI and serialized messages. (The host's own loader is tested with the host.)
#include "support/plugin_module.h"

#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "needlework/build_key.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/plugin_abi.h"
#include "plugins/aftercare/test_support.h"

namespace needlework::aftercare {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace needlework::aftercare::testing;  // NOLINT(build/namespaces)

using Buffer = needlework::testing::SinkBuffer;

class AftercareModuleTest : public needlework::testing::PluginModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_AFTERCARE_MODULE); }
};

TEST_F(AftercareModuleTest, VersionBlockMatchesThisBuild) {
  needlework::testing::ExpectVersionBlockOfThisBuild(api_);
}

TEST_F(AftercareModuleTest, DescribeReturnsTheManifest) {
  Buffer out;
  ASSERT_EQ(api_->describe(&out.sink), NW_OK) << out.bytes;
  plugin::v1::Manifest manifest;
  ASSERT_TRUE(manifest.ParseFromString(out.bytes));
  EXPECT_EQ(manifest.id(), "org.needlework.aftercare");
  EXPECT_THAT(manifest.hooks(), ElementsAre(plugin::v1::HOOK_AFTERCARE, plugin::v1::HOOK_TRIAGE));
  EXPECT_EQ(Json::parse(manifest.default_config_json()), Json::parse(PatchedConfig()));
  EXPECT_TRUE(Json::parse(manifest.config_schema_json()).is_object());
}

TEST_F(AftercareModuleTest, CreateAftercareTriageDestroy) {
  Buffer error;
  nw_instance* instance = CreateOrNull(PatchedConfig(), error);
  ASSERT_EQ(last_code_, NW_OK) << error.bytes;
  ASSERT_NE(instance, nullptr);

  Buffer cared;
  ASSERT_EQ(Invoke(instance, plugin::v1::HOOK_AFTERCARE, MakeAftercareRequest(2, 3, "fr"), cared),
            NW_OK)
      << cared.bytes;
  AftercareResponse aftercare;
  ASSERT_TRUE(aftercare.ParseFromString(cared.bytes));
  EXPECT_EQ(aftercare.instructions_size(), 8);
  EXPECT_EQ(aftercare.expected_effects_size(), 4);
  EXPECT_THAT(MessageIds(aftercare), ElementsAre("day-2", "day-7", "evening", "maintenance"));
  EXPECT_EQ(aftercare.messages(0).language(), "fr");

  Buffer triaged;
  ASSERT_EQ(Invoke(instance, plugin::v1::HOOK_TRIAGE, MakeTriageRequest("fever", 2), triaged),
            NW_OK)
      << triaged.bytes;
  TriageResponse triage;
  ASSERT_TRUE(triage.ParseFromString(triaged.bytes));
  EXPECT_EQ(triage.level(), types::v1::TRIAGE_LEVEL_URGENT);
  EXPECT_EQ(triage.indicator(), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(triage.rule_id(), "fever/infection");

  Buffer refused;
  EXPECT_EQ(Invoke(instance, plugin::v1::HOOK_TRIAGE, MakeTriageRequest("redness", -2), refused),
            NW_INVALID_ARGUMENT);
  EXPECT_THAT(refused.bytes, HasSubstr("days_since_session must be 0 or more, not -2"));
  Buffer unserved;
  EXPECT_EQ(Invoke(instance, plugin::v1::HOOK_SCREEN, plugin::v1::ScreenRequest(), unserved),
            NW_UNIMPLEMENTED);
  api_->destroy_instance(instance);
}

TEST_F(AftercareModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  Buffer error;
  nw_instance* instance = CreateOrNull(
      PatchedConfig(Json::parse(R"({"instructions": {"avoid-sun": {"until_hours": -1}}})")), error);
  EXPECT_EQ(instance, nullptr);
  EXPECT_EQ(last_code_, NW_INVALID_ARGUMENT);
  EXPECT_THAT(error.bytes,
              HasSubstr("instructions.avoid-sun.until_hours: must be from 0 to 8760, not -1"));
}

}  // namespace
}  // namespace needlework::aftercare
