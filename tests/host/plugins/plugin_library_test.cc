// The version-block rules, on plain structs: every mismatch is named, all at once. And the
// message-layout rule on the built fixture plugins (tests/fixtures/plugins), loaded as the
// host loads them.
#include "host/plugins/plugin_library.h"

#include <gmock/gmock.h>

#include "needlework/sdk_version.h"
#include "support/status_matchers.h"

namespace needlework::host {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

nw_plugin_api GoodApi() {
  nw_plugin_api api{};
  api.struct_size = sizeof(nw_plugin_api);
  api.abi_major = NEEDLEWORK_ABI_MAJOR;
  api.abi_minor = NEEDLEWORK_ABI_MINOR;
  api.build_key = HostBuildKey();
  return api;
}

TEST(CheckVersionBlockTest, MatchingBlockIsAccepted) {
  EXPECT_EQ(CheckVersionBlock(GoodApi()), "");
}

TEST(CheckVersionBlockTest, OlderMinorIsAccepted) {
  // ABI 1.0 is the oldest minor; a host always accepts minors up to its own.
  nw_plugin_api api = GoodApi();
  api.abi_minor = 0;
  EXPECT_EQ(CheckVersionBlock(api), "");
}

TEST(CheckVersionBlockTest, EveryMismatchIsNamed) {
  nw_plugin_api api = GoodApi();
  api.abi_major = 7;
  api.build_key = "itanium/libc++/protobuf-1";
  EXPECT_THAT(CheckVersionBlock(api), AllOf(HasSubstr("abi_major 7 differs from the host's 1"),
                                            HasSubstr("build_key 'itanium/libc++/protobuf-1'")));
}

TEST(CheckVersionBlockTest, NewerMinorAndMissingKeyAreNamed) {
  nw_plugin_api api = GoodApi();
  api.abi_minor = NEEDLEWORK_ABI_MINOR + 1;
  api.build_key = nullptr;
  EXPECT_THAT(CheckVersionBlock(api),
              AllOf(HasSubstr("is newer than the host's"), HasSubstr("build_key '(none)'")));
}

TEST(CheckVersionBlockTest, TruncatedTablesAreRefused) {
  nw_plugin_api api = GoodApi();
  api.struct_size = 8;
  EXPECT_THAT(CheckVersionBlock(api), HasSubstr("too small for a version block"));
  api.struct_size = NEEDLEWORK_API_SIZE_1_0 - sizeof(void*);
  api.abi_minor = 3;
  EXPECT_THAT(CheckVersionBlock(api), HasSubstr("smaller than ABI 1.3 requires"));
}

TEST(CheckVersionBlockTest, Abi14NeedsRoomForTheFingerprints) {
  nw_plugin_api api = GoodApi();
  api.struct_size = NEEDLEWORK_API_SIZE_1_0;
  EXPECT_THAT(CheckVersionBlock(api),
              HasSubstr("struct_size " + std::to_string(NEEDLEWORK_API_SIZE_1_0) +
                        " is smaller than ABI 1.4 requires (" +
                        std::to_string(NEEDLEWORK_API_SIZE_1_4) + ")"));
  api.abi_minor = 3;
  EXPECT_EQ(CheckVersionBlock(api), "");
}

TEST(CheckSdkLibraryTest, TheHostsHeadersMatchItsSdkLibrary) {
  EXPECT_THAT(CheckSdkLibrary(), IsOk());
}

StatusOr<LoadedPlugin> LoadFixture(const std::string& name) {
  return LoadPluginLibrary(std::string(NEEDLEWORK_BINARY_DIR) + "/test-plugins/abi/" + name);
}

TEST(MessageLayoutTest, AnOlderSdksViewOfAMessageIsRefusedNamingIt) {
  EXPECT_THAT(LoadFixture("older_layout.so"),
              StatusIs(StatusCode::kFailedPrecondition,
                       AllOf(HasSubstr("the layout of 1 contract message(s) differs from the "
                                       "host's, so the plugin was built against another SDK: "
                                       "needlework.plugin.v1.ScreenRequest; rebuild it against "
                                       "Needlework SDK " +
                                       std::string(SdkVersion())),
                             Not(HasSubstr("ScreenResponse")))));
}

TEST(MessageLayoutTest, APluginLackingOnlyNewerMessagesLoadsChecked) {
  auto loaded = LoadFixture("older_messages.so");
  ASSERT_THAT(loaded, IsOk());
  // The fixture is what its SDK would report: no catalog messages, the rest compared.
  EXPECT_THAT(loaded->api->message_fingerprints, Not(HasSubstr("CatalogRequest")));
  EXPECT_THAT(loaded->api->message_fingerprints, HasSubstr("needlework.plugin.v1.ScreenRequest="));
  EXPECT_TRUE(loaded->layout.checked);
  EXPECT_EQ(loaded->layout.summary, "message layouts match the host's (32 compared)");
}

TEST(MessageLayoutTest, ThisBuildsPluginsAndWireOnlyOnesAreChecked) {
  auto good = LoadFixture("raw_good.so");
  ASSERT_THAT(good, IsOk());
  EXPECT_THAT(good->layout.summary, HasSubstr("match the host's"));
  auto wire_only = LoadFixture("wire_only.so");
  ASSERT_THAT(wire_only, IsOk());
  EXPECT_TRUE(wire_only->layout.checked);
  EXPECT_THAT(wire_only->layout.summary, HasSubstr("no messages reported"));
  EXPECT_EQ(wire_only->manifest.id(), "org.needlework.test.wire-only");
}

TEST(MessageLayoutTest, AnAbi10PluginLoadsUnchecked) {
  auto loaded = LoadFixture("old_minor.so");
  ASSERT_THAT(loaded, IsOk());
  EXPECT_FALSE(loaded->layout.checked);
  EXPECT_THAT(loaded->layout.summary,
              HasSubstr("unchecked: ABI 1.0 predates message fingerprints"));
}

TEST(ValidateManifestTest, ProblemsAreListedTogether) {
  needlework::plugin::v1::Manifest manifest;
  manifest.set_id("Not DNS");
  manifest.add_hooks(needlework::plugin::v1::HOOK_UNSPECIFIED);
  manifest.set_default_config_json("[1]");
  Status status = ValidateManifest(manifest);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(),
              AllOf(HasSubstr("is not reverse-DNS"), HasSubstr("version is empty"),
                    HasSubstr("hook 0 is unknown"), HasSubstr("not a JSON object")));
}

TEST(ValidateManifestTest, AVersionAndAHostRangeMustBeSemantic) {
  needlework::plugin::v1::Manifest manifest;
  manifest.set_id("com.acme.rf");
  manifest.set_version("1.0");
  manifest.set_host_versions(">=0.1");
  Status status = ValidateManifest(manifest);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), AllOf(HasSubstr("version '1.0' is not a semantic version"),
                                      HasSubstr("host_versions: version range '>=0.1'")));
  manifest.set_version("1.0.0");
  manifest.set_host_versions(">=0.1.0 <2.0.0");
  EXPECT_TRUE(ValidateManifest(manifest).ok());
}

TEST(LoadPluginLibraryTest, MissingFileIsRefusedWithTheLoaderMessage) {
  auto loaded = LoadPluginLibrary("/nonexistent/plugin.so");
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(loaded.status().message(), HasSubstr("cannot load"));
}

}  // namespace
}  // namespace needlework::host
