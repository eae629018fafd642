// A fixture for tests of a built add-on module: loaded with dlopen and driven only through
// the C ABI with serialized messages, as the host drives it.
#ifndef NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_ADDON_MODULE_TEST_H_
#define NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_ADDON_MODULE_TEST_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "needlework/plugin/v1/manifest.pb.h"
#include "support/plugin_module.h"

namespace needlework::addon::testing {

class AddOnModuleTest : public needlework::testing::PluginModuleTest {
 protected:
  using Buffer = needlework::testing::SinkBuffer;

  // The manifest the module describes; fails the test when it cannot.
  static plugin::v1::Manifest DescribedManifest() {
    Buffer out;
    EXPECT_EQ(api_->describe(&out.sink), NW_OK) << out.bytes;
    plugin::v1::Manifest manifest;
    EXPECT_TRUE(manifest.ParseFromString(out.bytes));
    return manifest;
  }

  // An instance for `config`; fails the test (nullptr) when it is refused.
  nw_instance* CreateOrFail(std::string_view config) {
    Buffer error;
    nw_instance* instance = CreateOrNull(std::string(config), error);
    EXPECT_EQ(last_code_, NW_OK) << error.bytes;
    EXPECT_NE(instance, nullptr);
    return instance;
  }

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

  // The refusal text of `config` (the create_instance error), expecting INVALID_ARGUMENT.
  std::string Refusal(const std::string& config) {
    Buffer error;
    nw_instance* instance = CreateOrNull(config, error);
    EXPECT_EQ(instance, nullptr);
    EXPECT_EQ(last_code_, NW_INVALID_ARGUMENT);
    return error.bytes;
  }
};

}  // namespace needlework::addon::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_ADDON_MODULE_TEST_H_
