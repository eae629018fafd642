// needlework_screening.so as the host sees it: loaded with dlopen, driven only through the
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
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::HasSubstr;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

using Buffer = needlework::testing::SinkBuffer;

class PluginModuleTest : public needlework::testing::PluginModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_SCREENING_MODULE); }
};

TEST_F(PluginModuleTest, VersionBlockMatchesThisBuild) {
  needlework::testing::ExpectVersionBlockOfThisBuild(api_);
}

TEST_F(PluginModuleTest, DescribeReturnsTheManifest) {
  Buffer out;
  ASSERT_EQ(api_->describe(&out.sink), NW_OK) << out.bytes;
  plugin::v1::Manifest manifest;
  ASSERT_TRUE(manifest.ParseFromString(out.bytes));
  EXPECT_EQ(manifest.id(), "org.needlework.screening");
}

TEST_F(PluginModuleTest, CreateScreenDestroy) {
  Buffer error;
  nw_instance* instance = CreateOrNull(PatchedConfig(), error);
  ASSERT_EQ(last_code_, NW_OK) << error.bytes;
  ASSERT_NE(instance, nullptr);

  ScreenRequest request;
  AddCondition(request, Snomed("88616000"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/1");
  const std::string bytes = request.SerializeAsString();
  Buffer out;
  ASSERT_EQ(api_->invoke(instance, plugin::v1::HOOK_SCREEN,
                         reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &out.sink),
            NW_OK)
      << out.bytes;
  ScreenResponse response;
  ASSERT_TRUE(response.ParseFromString(out.bytes));
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_DEFER);
  ASSERT_EQ(response.findings_size(), 1);
  EXPECT_EQ(response.findings(0).rule_id(), "active-acne");
  api_->destroy_instance(instance);
}

TEST_F(PluginModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  Buffer error;
  nw_instance* instance =
      CreateOrNull(PatchedConfig(Json::parse(R"({"rules": {"eczema": {"bogus": 1}}})")), error);
  EXPECT_EQ(instance, nullptr);
  EXPECT_EQ(last_code_, NW_INVALID_ARGUMENT);
  EXPECT_THAT(error.bytes, HasSubstr("rules.eczema: unknown key \"bogus\""));
}

}  // namespace
}  // namespace needlework::screening
