// needlework_scheduling.so as the host sees it: loaded with dlopen, driven only through the
// C ABI and serialized messages. (The host's own loader is tested with the host.)
#include "support/plugin_module.h"

#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "needlework/build_key.h"
#include "needlework/plugin/v1/catalog.pb.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/plugin_abi.h"
#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

using Buffer = needlework::testing::SinkBuffer;

class SchedulingModuleTest : public needlework::testing::PluginModuleTest {
 protected:
  static void SetUpTestSuite() { Load(NEEDLEWORK_SCHEDULING_MODULE); }
};

TEST_F(SchedulingModuleTest, VersionBlockMatchesThisBuild) {
  needlework::testing::ExpectVersionBlockOfThisBuild(api_);
}

TEST_F(SchedulingModuleTest, DescribeReturnsTheManifest) {
  Buffer out;
  ASSERT_EQ(api_->describe(&out.sink), NW_OK) << out.bytes;
  plugin::v1::Manifest manifest;
  ASSERT_TRUE(manifest.ParseFromString(out.bytes));
  EXPECT_EQ(manifest.id(), "org.needlework.scheduling");
  EXPECT_THAT(manifest.hooks(), ElementsAre(plugin::v1::HOOK_PLAN, plugin::v1::HOOK_CHECK_BOOKING,
                                            plugin::v1::HOOK_CATALOG));
}

TEST_F(SchedulingModuleTest, CreatePlanCheckDestroy) {
  Buffer error;
  nw_instance* instance = CreateOrNull(PatchedConfig(), error);
  ASSERT_EQ(last_code_, NW_OK) << error.bytes;
  ASSERT_NE(instance, nullptr);

  Buffer planned;
  ASSERT_EQ(
      Invoke(instance, plugin::v1::HOOK_PLAN,
             MakePlanRequest({"stretch-marks"}, {"abdomen"}, types::v1::SEVERITY_SEVERE), planned),
      NW_OK)
      << planned.bytes;
  PlanResponse plan;
  ASSERT_TRUE(plan.ParseFromString(planned.bytes));
  EXPECT_EQ(plan.plan().session_count(), 8);
  EXPECT_EQ(plan.plan().session_minutes(), 75);

  CheckBookingRequest booking = MakeBooking(1, At("2024-03-20"));
  *booking.mutable_plan() = plan.plan();
  AddSession(booking, "a-1", 0, At("2024-03-01"), types::v1::APPOINTMENT_STATUS_FULFILLED);
  Buffer checked;
  ASSERT_EQ(Invoke(instance, plugin::v1::HOOK_CHECK_BOOKING, booking, checked), NW_OK)
      << checked.bytes;
  CheckBookingResponse response;
  ASSERT_TRUE(response.ParseFromString(checked.bytes));
  EXPECT_THAT(Codes(response), ElementsAre("too-soon", "too-short"));

  Buffer refused;
  EXPECT_EQ(Invoke(instance, plugin::v1::HOOK_PLAN, MakePlanRequest({"tattoo"}, {"arms"}), refused),
            NW_INVALID_ARGUMENT);
  EXPECT_THAT(refused.bytes, HasSubstr("unknown concern \"tattoo\""));
  Buffer described;
  ASSERT_EQ(Invoke(instance, plugin::v1::HOOK_CATALOG, plugin::v1::CatalogRequest(), described),
            NW_OK)
      << described.bytes;
  plugin::v1::CatalogResponse catalog;
  ASSERT_TRUE(catalog.ParseFromString(described.bytes));
  ASSERT_EQ(catalog.therapies_size(), 1);
  EXPECT_EQ(catalog.therapies(0).kind(), types::v1::THERAPY_KIND_BASE);

  Buffer unserved;
  EXPECT_EQ(Invoke(instance, plugin::v1::HOOK_SCREEN, plugin::v1::ScreenRequest(), unserved),
            NW_UNIMPLEMENTED);
  api_->destroy_instance(instance);
}

TEST_F(SchedulingModuleTest, BadConfigIsRefusedAcrossTheAbi) {
  Buffer error;
  nw_instance* instance = CreateOrNull(
      PatchedConfig(Json::parse(R"({"concerns": {"melasma": {"sessions": {"mild": 0}}}})")), error);
  EXPECT_EQ(instance, nullptr);
  EXPECT_EQ(last_code_, NW_INVALID_ARGUMENT);
  EXPECT_THAT(error.bytes, HasSubstr("concerns.melasma.sessions.mild: must be from 1 to 50"));
}

}  // namespace
}  // namespace needlework::scheduling
