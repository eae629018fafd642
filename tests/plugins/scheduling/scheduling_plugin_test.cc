// The SchedulingPlugin class through the SDK's C++ interface: Create, the manifest, and the
// host clock as "today".
#include "plugins/scheduling/scheduling_plugin.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

// A host whose clock reads `now_micros` and which keeps the log lines.
struct FakeHost {
  int64_t now_micros = 0;
  std::vector<std::string> log;
  nw_host_services services{sizeof(nw_host_services), this, &Log, &Now};

  static void Log(void* context, int32_t /*level*/, const char* message, size_t size) {
    static_cast<FakeHost*>(context)->log.emplace_back(message, size);
  }
  static int64_t Now(void* context) { return static_cast<FakeHost*>(context)->now_micros; }
};

StatusOr<std::unique_ptr<SchedulingPlugin>> CreateWith(FakeHost& host, const std::string& config) {
  return SchedulingPlugin::Create(
      InstanceContext{"clinic-1", config, HostServices(&host.services)});
}

TEST(SchedulingPluginTest, ManifestServesPlanCheckBookingAndCatalog) {
  const plugin::v1::Manifest manifest = SchedulingPlugin::Describe();
  EXPECT_EQ(manifest.id(), "org.needlework.scheduling");
  EXPECT_THAT(manifest.hooks(), ElementsAre(plugin::v1::HOOK_PLAN, plugin::v1::HOOK_CHECK_BOOKING,
                                            plugin::v1::HOOK_CATALOG));
  EXPECT_EQ(Json::parse(manifest.default_config_json())["days_between"]["min"], 28);
  EXPECT_EQ(Json::parse(manifest.config_schema_json())["title"],
            "Needlework scheduling plugin config");
}

TEST(SchedulingPluginTest, CreateLogsAndRefusesABadConfig) {
  FakeHost host;
  ASSERT_THAT(CreateWith(host, PatchedConfig()), IsOk());
  EXPECT_THAT(host.log, ElementsAre(HasSubstr("11 concerns, 14 treatment areas")));
  EXPECT_THAT(CreateWith(host, PatchedConfig(Json::parse(R"({"days_between": {"max": 7}})"))),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("days_between.max")));
}

TEST(SchedulingPluginTest, PlanTakesTodayFromTheHostClock) {
  FakeHost host;
  auto plugin = CreateWith(
      host, PatchedConfig(Json::parse(R"({"adjustments": {"mature-skin": {"enabled": true}}})")));
  ASSERT_THAT(plugin, IsOk());
  PlanRequest request = MakePlanRequest({"fine-lines"}, {"face"});
  request.mutable_patient()->set_birth_date("1974-06-02");
  PlanResponse response;
  host.now_micros = int64_t{At("2024-06-02", 9)} * 1'000'000;  // 50th birthday
  ASSERT_THAT((*plugin)->Plan(request, &response), IsOk());
  EXPECT_EQ(response.plan().session_count(), 4);
  host.now_micros = int64_t{At("2024-06-01", 9)} * 1'000'000;
  response.Clear();
  ASSERT_THAT((*plugin)->Plan(request, &response), IsOk());
  EXPECT_EQ(response.plan().session_count(), 3);
}

TEST(SchedulingPluginTest, ScreenIsNotServed) {
  FakeHost host;
  auto plugin = CreateWith(host, PatchedConfig());
  ASSERT_THAT(plugin, IsOk());
  plugin::v1::ScreenResponse response;
  EXPECT_THAT((*plugin)->Screen(plugin::v1::ScreenRequest(), &response),
              StatusIs(StatusCode::kUnimplemented, HasSubstr("screen")));
}

}  // namespace
}  // namespace needlework::scheduling
