// A plugin library as the host sees it: dlopen'ed (never closed, like the host), driven only
// through the C ABI with serialized messages. For tests of built plugin modules.
#ifndef NEEDLEWORK_TESTS_SUPPORT_PLUGIN_MODULE_H_
#define NEEDLEWORK_TESTS_SUPPORT_PLUGIN_MODULE_H_

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <string>

#include "needlework/build_key.h"
#include "needlework/message_fingerprints.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin_abi.h"

namespace needlework::testing {

// Collects what a plugin writes to a sink.
struct SinkBuffer {
  std::string bytes;
  nw_sink sink{this, &Write};
  static void Write(void* context, const uint8_t* data, size_t size) {
    static_cast<SinkBuffer*>(context)->bytes.assign(reinterpret_cast<const char*>(data), size);
  }
};

// The API table of the module at `path`, or nullptr after a test failure.
inline const nw_plugin_api* LoadPluginApi(const char* path) {
  void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  EXPECT_NE(handle, nullptr) << dlerror();
  if (handle == nullptr) return nullptr;
  // BOOST_DLL_ALIAS exports a variable holding the entry point's address.
  void* alias = dlsym(handle, NEEDLEWORK_ENTRY_POINT);
  EXPECT_NE(alias, nullptr) << dlerror();
  if (alias == nullptr) return nullptr;
  return reinterpret_cast<nw_entry_point>(*static_cast<void**>(alias))();
}

// create_instance for clinic "clinic-1" with `config`; the instance or nullptr, the code in
// `code` and any refusal in `error`.
inline nw_instance* CreatePluginInstance(const nw_plugin_api* api, const std::string& config,
                                         SinkBuffer& error, int32_t* code) {
  nw_instance* instance = nullptr;
  *code = api->create_instance(nullptr, "clinic-1", 8, config.data(), config.size(), &instance,
                               &error.sink);
  return instance;
}

// invoke `hook` with `request`; the status code, the answer (or error text) in `out`.
inline int32_t InvokePlugin(const nw_plugin_api* api, nw_instance* instance,
                            needlework::plugin::v1::Hook hook,
                            const google::protobuf::MessageLite& request, SinkBuffer& out) {
  const std::string bytes = request.SerializeAsString();
  return api->invoke(instance, hook, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                     &out.sink);
}

// Fixture for one plugin module per test binary: call Load(path) from SetUpTestSuite.
class PluginModuleTest : public ::testing::Test {
 protected:
  static void Load(const char* path) { api_ = LoadPluginApi(path); }

  // create_instance; the instance or nullptr, the code in last_code_.
  nw_instance* CreateOrNull(const std::string& config, SinkBuffer& error) {
    return CreatePluginInstance(api_, config, error, &last_code_);
  }
  // invoke `hook` with `request`; the status code, the answer in `out`.
  int32_t Invoke(nw_instance* instance, needlework::plugin::v1::Hook hook,
                 const google::protobuf::MessageLite& request, SinkBuffer& out) {
    return InvokePlugin(api_, instance, hook, request, out);
  }

  static inline const nw_plugin_api* api_ = nullptr;
  int32_t last_code_ = -1;
};

// The module's version block is this build's: ABI version, struct size, build key and the
// message fingerprints of this build's SDK headers.
inline void ExpectVersionBlockOfThisBuild(const nw_plugin_api* api) {
  ASSERT_NE(api, nullptr);
  ASSERT_GE(api->struct_size, NEEDLEWORK_API_SIZE_1_4);
  EXPECT_EQ(api->abi_major, static_cast<uint32_t>(NEEDLEWORK_ABI_MAJOR));
  EXPECT_EQ(api->abi_minor, static_cast<uint32_t>(NEEDLEWORK_ABI_MINOR));
  EXPECT_EQ(std::string(api->build_key), NEEDLEWORK_BUILD_KEY);
  ASSERT_NE(api->message_fingerprints, nullptr);
  EXPECT_EQ(std::string(api->message_fingerprints), NEEDLEWORK_MESSAGE_FINGERPRINTS);
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_PLUGIN_MODULE_H_
