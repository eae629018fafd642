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

class PluginModuleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    api_ = needlework::testing::LoadPluginApi(NEEDLEWORK_SCREENING_MODULE);
    ASSERT_NE(api_, nullptr);
  }

  nw_instance* CreateOrNull(const std::string& config, Buffer& error) {
    return needlework::testing::CreatePluginInstance(api_, config, error, &last_code_);
  }

  static inline const nw_plugin_api* api_ = nullptr;
  int32_t last_code_ = -1;
};

TEST_F(PluginModuleTest, VersionBlockMatchesThisBuild) {
  ASSERT_NE(api_, nullptr);
  EXPECT_GE(api_->struct_size, NEEDLEWORK_API_SIZE_1_0);
  EXPECT_EQ(api_->abi_major, static_cast<uint32_t>(NEEDLEWORK_ABI_MAJOR));
  EXPECT_EQ(std::string(api_->build_key), NEEDLEWORK_BUILD_KEY);
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
