// examples/vendor-plugin, built out of tree against the installed SDK by the fixture
// SdkVendorPluginBuildsAgainstInstalledSdk (build_vendor_plugin.sh), loads into the real
// host beside the built-ins, offers its LED add-on in the clinic's catalog, and serves
// screening over gRPC for sessions with that add-on once a clinic enables it.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr char kLumen[] = "com.example.lumen";

class VendorPluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HostOptions options;
    options.plugin_dirs = {NEEDLEWORK_VENDOR_PLUGIN_DIR, NEEDLEWORK_PLUGIN_DIR};
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
  }

  std::unique_ptr<HostProcess> host_;
};

TEST_F(VendorPluginTest, LoadsBesideTheBuiltIns) {
  auto reply = Api(*host_).ListPlugins(host_->admin_token());
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  const v1::InstalledPlugin* lumen = nullptr;
  for (const auto& plugin : reply.response.plugins()) {
    if (plugin.file().ends_with("/lumen.so")) lumen = &plugin;
  }
  ASSERT_NE(lumen, nullptr) << host_->Log();
  EXPECT_EQ(lumen->state(), v1::InstalledPlugin::STATE_LOADED) << lumen->refusal_reason();
  EXPECT_EQ(lumen->manifest().id(), kLumen);
  EXPECT_THAT(lumen->manifest().hooks(), UnorderedElementsAre("screen", "aftercare", "catalog"));
}

TEST_F(VendorPluginTest, ItsFindingsComeBackFromScreenOnceEnabled) {
  Api api(*host_);
  auto enabled = api.Enable(host_->admin_token(), "demo", kLumen);
  ASSERT_TRUE(enabled.status.ok()) << enabled.status.error_message();

  // Epilepsy in the history and isotretinoin taken now.
  v1::ScreenRequest request = FactsWithConditions({"84757009"});
  auto* medication = request.mutable_facts()->add_medications();
  *medication->add_codes() = RxNorm("6064");
  medication->set_status(types::MEDICATION_STATUS_ACTIVE);
  medication->set_source_ref("MedicationRequest/isotretinoin");
  auto* led = request.add_add_ons();
  led->set_system(std::string(code_systems::kProcedure));
  led->set_code("led-light-therapy");

  auto reply = api.Screen(host_->emr_token(), request);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  auto findings = FindingsFrom(reply.response, kLumen);
  ASSERT_EQ(findings.size(), 2u) << reply.response.DebugString();
  std::vector<std::string> rules;
  for (const auto& finding : findings) rules.push_back(finding.rule_id());
  EXPECT_THAT(rules, UnorderedElementsAre("photosensitising-medication", "seizure-disorder"));
  for (const auto& finding : findings) EXPECT_EQ(finding.applies_to().code(), "led-light-therapy");
  // The findings block the add-on, not the treatment.
  ASSERT_EQ(reply.response.add_ons_size(), 1);
  EXPECT_EQ(reply.response.add_ons(0).therapy().code(), "led-light-therapy");
  EXPECT_EQ(reply.response.add_ons(0).outcome(), types::OUTCOME_CONTRAINDICATED);
  EXPECT_EQ(reply.response.add_ons(0).plugin_id(), kLumen);
}

TEST_F(VendorPluginTest, RefusesABadConfigNamingTheProblem) {
  Api api(*host_);
  ASSERT_TRUE(api.Enable(host_->admin_token(), "demo", kLumen).status.ok());
  auto refused = api.Configure(host_->admin_token(), "demo", kLumen, R"({"avoid_sun_hours": 0})");
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("avoid_sun_hours"));
}

}  // namespace
}  // namespace needlework::testing
