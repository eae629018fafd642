// Plugins built against another ABI, another build, or with no entry point are refused with
// every problem named, and the good ones load beside them. The versioning policy
// (plugin_abi.h, sdk/README.md): a plugin of an older minor loads and is called, one of a
// newer minor is refused, and a hook newer than a plugin is never asked of it. Message
// layouts: a plugin whose SDK saw a contract message differently is refused naming it; one
// whose SDK only lacked newer messages, or that uses no generated class, loads and is called;
// one of an older minor loads with a warning that its layouts are unchecked.
#include <gmock/gmock.h>

#include <cctype>
#include <string>
#include <vector>

#include "integration/api_helpers.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin_abi.h"

namespace needlework::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class AbiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HostOptions options;
    options.plugin_dirs = {NEEDLEWORK_BINARY_DIR "/test-plugins/abi", NEEDLEWORK_PLUGIN_DIR};
    host_ = HostProcess::Start(options);
    ASSERT_NE(host_, nullptr);
    auto reply = Api(*host_).ListPlugins(host_->admin_token());
    ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
    plugins_ = reply.response;
  }

  const v1::InstalledPlugin* ByFile(const std::string& file_name) const {
    for (const auto& plugin : plugins_.plugins()) {
      if (plugin.file().ends_with("/" + file_name)) return &plugin;
    }
    return nullptr;
  }

  std::string RefusalOf(const std::string& file_name) const {
    const auto* plugin = ByFile(file_name);
    if (plugin == nullptr) return "(not listed)";
    EXPECT_EQ(plugin->state(), v1::InstalledPlugin::STATE_REFUSED) << file_name;
    return plugin->refusal_reason();
  }

  // Whether `file_name` is listed as loaded; a test failure naming the reason when not.
  bool Loaded(const std::string& file_name) const {
    const auto* plugin = ByFile(file_name);
    if (plugin == nullptr) {
      ADD_FAILURE() << file_name << " is not listed";
      return false;
    }
    EXPECT_EQ(plugin->state(), v1::InstalledPlugin::STATE_LOADED) << plugin->refusal_reason();
    return plugin->state() == v1::InstalledPlugin::STATE_LOADED;
  }

  // Enables `plugin_id` for the demo clinic, screens a patient, and returns the rule ids of
  // that plugin's findings (a failed call fails the test).
  std::vector<std::string> RulesAfterEnablingAndScreening(const std::string& plugin_id) {
    Api api(*host_);
    auto enabled = api.Enable(host_->admin_token(), "demo", plugin_id);
    EXPECT_TRUE(enabled.status.ok()) << enabled.status.error_message();
    auto reply = api.Screen(host_->emr_token(), FactsWithConditions({"88616000"}));
    EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
    std::vector<std::string> rules;
    for (const auto& finding : FindingsFrom(reply.response, plugin_id)) {
      rules.push_back(finding.rule_id());
    }
    return rules;
  }

  std::unique_ptr<HostProcess> host_;
  v1::ListPluginsResponse plugins_;
};

TEST_F(AbiTest, DifferentMajorIsRefused) {
  EXPECT_THAT(RefusalOf("raw_bad_major.so"), HasSubstr("abi_major 2 differs from the host's 1"));
}

TEST_F(AbiTest, NewerMinorIsRefused) {
  const std::string host_minor = std::to_string(NEEDLEWORK_ABI_MINOR);
  EXPECT_THAT(RefusalOf("raw_newer_minor.so"), HasSubstr("abi_minor 99 is newer than the host's " +
                                                         host_minor + "; upgrade needlework-host"));
  // Built against the very next SDK: still refused, naming the field.
  EXPECT_THAT(RefusalOf("raw_next_minor.so"),
              HasSubstr("abi_minor " + std::to_string(NEEDLEWORK_ABI_MINOR + 1) +
                        " is newer than the host's " + host_minor));
}

constexpr char kOldMinor[] = "org.needlework.test.old-minor";

// How often the ABI 1.0 plugin logged being asked for `hook` ("" = any hook).
int TimesAsked(const std::string& log, const std::string& hook = "") {
  const std::string line = "old-minor plugin asked for hook " + hook;
  int count = 0;
  for (size_t at = log.find(line); at != std::string::npos; at = log.find(line, at + 1)) {
    if (hook.empty() || !std::isdigit(static_cast<unsigned char>(log[at + line.size()]))) ++count;
  }
  return count;
}

TEST_F(AbiTest, OlderMinorPluginLoadsAndIsCalled) {
  ASSERT_TRUE(Loaded("old_minor.so"));
  EXPECT_THAT(ByFile("old_minor.so")->manifest().hooks(), ElementsAre("screen"));
  EXPECT_THAT(RulesAfterEnablingAndScreening(kOldMinor), ElementsAre("old-minor"));
  EXPECT_EQ(TimesAsked(host_->Log(), "1"), 1) << host_->Log();
  EXPECT_THAT(host_->Log(), HasSubstr("\"event\":\"plugin_layout_unchecked\""));
  EXPECT_THAT(host_->Log(), HasSubstr("unchecked: ABI 1.0 predates message fingerprints"));
}

TEST_F(AbiTest, NewerHooksAreNeverAskedOfAnOlderPlugin) {
  // Enabling and reconfiguring create instances, which is when the host asks the catalog
  // hook (ABI 1.3) of every plugin that lists it; screening then runs every screen plugin.
  Api api(*host_);
  ASSERT_TRUE(api.Enable(host_->admin_token(), "demo", kOldMinor).status.ok());
  auto configured = api.Configure(host_->admin_token(), "demo", kOldMinor, R"({"any": 1})");
  ASSERT_TRUE(configured.status.ok()) << configured.status.error_message();
  ASSERT_TRUE(api.Screen(host_->emr_token(), FactsWithConditions({"88616000"})).status.ok());
  const std::string log = host_->Log();
  EXPECT_EQ(TimesAsked(log, std::to_string(needlework::plugin::v1::HOOK_CATALOG)), 0) << log;
  EXPECT_EQ(TimesAsked(log), TimesAsked(log, "1")) << "asked for a hook it does not list:\n" << log;
  EXPECT_EQ(TimesAsked(log, "1"), 1) << log;
}

TEST_F(AbiTest, AnOlderSdksViewOfAMessageIsRefusedNamingItAndTheSdk) {
  std::string reason = RefusalOf("older_layout.so");
  EXPECT_THAT(reason, HasSubstr("built against another SDK: needlework.plugin.v1.ScreenRequest; "
                                "rebuild it against Needlework SDK "));
  EXPECT_THAT(reason, Not(HasSubstr("ScreenResponse")));
}

TEST_F(AbiTest, APluginLackingOnlyNewerMessagesLoadsAndIsCalled) {
  ASSERT_TRUE(Loaded("older_messages.so"));
  EXPECT_THAT(RulesAfterEnablingAndScreening("org.needlework.test.older-messages"),
              ElementsAre("older-sdk"));
  EXPECT_THAT(host_->Log(), HasSubstr("message layouts match the host's (32 compared)"));
}

TEST_F(AbiTest, APluginWithoutGeneratedClassesLoads) {
  ASSERT_TRUE(Loaded("wire_only.so"));
  EXPECT_EQ(ByFile("wire_only.so")->manifest().id(), "org.needlework.test.wire-only");
  EXPECT_THAT(host_->Log(), HasSubstr("no messages reported"));
}

TEST_F(AbiTest, WrongBuildKeyIsRefusedNamingBothKeys) {
  std::string reason = RefusalOf("raw_wrong_key.so");
  EXPECT_THAT(reason, HasSubstr("build_key 'itanium/libc++/protobuf-9999999' differs"));
  EXPECT_THAT(reason, HasSubstr("itanium/libstdc++/protobuf-"));
}

TEST_F(AbiTest, MissingEntryPointIsRefused) {
  EXPECT_THAT(RefusalOf("no_entry.so"), HasSubstr("no entry point 'needlework_plugin_v1'"));
}

TEST_F(AbiTest, GoodPluginsStillLoad) {
  for (const char* file : {"raw_good.so", "needlework_screening.so"}) {
    const auto* plugin = ByFile(file);
    ASSERT_NE(plugin, nullptr) << file;
    EXPECT_EQ(plugin->state(), v1::InstalledPlugin::STATE_LOADED) << plugin->refusal_reason();
  }
  EXPECT_EQ(ByFile("raw_good.so")->manifest().id(), "org.needlework.test.good");
  EXPECT_THAT(ByFile("raw_good.so")->manifest().hooks(), ElementsAre("screen"));
}

TEST_F(AbiTest, EveryRefusalIsLoggedWithItsReason) {
  std::string log = host_->Log();
  for (const char* file : {"raw_bad_major.so", "raw_newer_minor.so", "raw_next_minor.so",
                           "raw_wrong_key.so", "no_entry.so", "older_layout.so"}) {
    EXPECT_THAT(log, HasSubstr(std::string(file))) << file;
  }
  EXPECT_THAT(log, HasSubstr("\"event\":\"plugin_refused\""));
  EXPECT_THAT(log, HasSubstr("\"event\":\"plugin_loaded\""));
}

}  // namespace
}  // namespace needlework::testing
