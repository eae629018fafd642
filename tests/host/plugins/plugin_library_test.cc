// The version-block rules, on plain structs: every mismatch is named, all at once.
#include "host/plugins/plugin_library.h"

#include <gmock/gmock.h>

namespace needlework::host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

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
  EXPECT_THAT(CheckVersionBlock(api), HasSubstr("smaller than ABI 1.0 requires"));
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

TEST(LoadPluginLibraryTest, MissingFileIsRefusedWithTheLoaderMessage) {
  auto loaded = LoadPluginLibrary("/nonexistent/plugin.so");
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(loaded.status().message(), HasSubstr("cannot load"));
}

}  // namespace
}  // namespace needlework::host
