// Plugins built against another ABI, another build, or with no entry point are refused with
// every problem named, and the good ones load beside them.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"
#include "needlework/plugin_abi.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

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

  std::unique_ptr<HostProcess> host_;
  v1::ListPluginsResponse plugins_;
};

TEST_F(AbiTest, DifferentMajorIsRefused) {
  EXPECT_THAT(RefusalOf("raw_bad_major.so"), HasSubstr("abi_major 2 differs from the host's 1"));
}

TEST_F(AbiTest, NewerMinorIsRefused) {
  EXPECT_THAT(RefusalOf("raw_newer_minor.so"),
              HasSubstr("abi_minor 99 is newer than the host's " +
                        std::to_string(NEEDLEWORK_ABI_MINOR) + "; upgrade needlework-host"));
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
  EXPECT_THAT(ByFile("raw_good.so")->manifest().hooks(), ::testing::ElementsAre("screen"));
}

TEST_F(AbiTest, EveryRefusalIsLoggedWithItsReason) {
  std::string log = host_->Log();
  for (const char* file :
       {"raw_bad_major.so", "raw_newer_minor.so", "raw_wrong_key.so", "no_entry.so"}) {
    EXPECT_THAT(log, HasSubstr(std::string(file))) << file;
  }
  EXPECT_THAT(log, HasSubstr("\"event\":\"plugin_refused\""));
  EXPECT_THAT(log, HasSubstr("\"event\":\"plugin_loaded\""));
}

}  // namespace
}  // namespace needlework::testing
