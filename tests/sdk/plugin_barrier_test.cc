// The C++ wrapper's exception barrier (needlework/plugin.h): nothing a plugin throws, from a
// hook or from its destructor, leaves the library through the C ABI.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "needlework/plugin.h"

namespace {

namespace pv1 = needlework::plugin::v1;

class ThrowingPlugin : public needlework::Plugin {
 public:
  static pv1::Manifest Describe() { return {}; }
  static needlework::StatusOr<std::unique_ptr<ThrowingPlugin>> Create(
      const needlework::InstanceContext& /*context*/) {
    return std::make_unique<ThrowingPlugin>();
  }
  ThrowingPlugin() = default;
  ThrowingPlugin(const ThrowingPlugin&) = delete;
  ThrowingPlugin& operator=(const ThrowingPlugin&) = delete;
  ~ThrowingPlugin() override { throw std::runtime_error("thrown by the destructor"); }

  needlework::Status Screen(const pv1::ScreenRequest& /*request*/,
                            pv1::ScreenResponse* /*response*/) override {
    throw std::runtime_error("thrown by screen");
  }
};

void Append(void* context, const uint8_t* data, size_t size) {
  static_cast<std::string*>(context)->append(reinterpret_cast<const char*>(data), size);
}

nw_instance* NewInstance(const nw_plugin_api& api) {
  std::string error;
  nw_sink sink{&error, &Append};
  nw_instance* instance = nullptr;
  EXPECT_EQ(api.create_instance(nullptr, "c", 1, "{}", 2, &instance, &sink), NW_OK) << error;
  return instance;
}

const nw_plugin_api& Api() { return *needlework::internal::Trampolines<ThrowingPlugin>::Api(); }

TEST(PluginBarrierTest, ExceptionFromAHookIsInternal) {
  nw_instance* instance = NewInstance(Api());
  ASSERT_NE(instance, nullptr);
  std::string out;
  nw_sink sink{&out, &Append};
  EXPECT_EQ(Api().invoke(instance, pv1::HOOK_SCREEN, nullptr, 0, &sink), NW_INTERNAL);
  EXPECT_EQ(out, "plugin threw: thrown by screen");
}

TEST(PluginBarrierTest, ExceptionFromTheDestructorStaysInTheLibrary) {
  nw_instance* instance = NewInstance(Api());
  ASSERT_NE(instance, nullptr);
  Api().destroy_instance(instance);  // std::terminate, were the destructor noexcept
  SUCCEED();
}

}  // namespace
