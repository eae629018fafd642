// Every INVALID_ARGUMENT of FindFreeSlots(), with its message.
#include <gmock/gmock.h>

#include "host/slots/slot_finder.h"
#include "host/slots/slots_test_util.h"
#include "support/status_matchers.h"

namespace needlework::host::slots {
namespace {

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;
using testing::Utc;
using testing::Zone;

class SlotQueryCheckTest : public ::testing::Test {
 protected:
  SlotQueryCheckTest() : london_(Zone("Europe/London")) {
    query_.zone = &london_;
    query_.hours = {{1, 540, 1020}};
    query_.window = {Utc("2026-06-01T00:00:00Z"), Utc("2026-06-15T00:00:00Z")};
    query_.requirements = {{ResourceType::kPractitioner, ""},
                           {ResourceType::kRoom, ""},
                           {ResourceType::kDevice, "microneedling-pen"}};
    query_.resources = {{"dr-a", ResourceType::kPractitioner, "", {}},
                        {"room-1", ResourceType::kRoom, "", {}},
                        {"pen-1", ResourceType::kDevice, "microneedling-pen", {}}};
  }

  // Expects FindFreeSlots() to fail with INVALID_ARGUMENT and exactly `message`.
  void ExpectInvalid(const std::string& message) {
    EXPECT_THAT(FindFreeSlots(query_), StatusIs(StatusCode::kInvalidArgument, message));
  }

  ClinicZone london_;
  SlotQuery query_;
};

TEST_F(SlotQueryCheckTest, TheBaseQueryIsValid) { EXPECT_THAT(FindFreeSlots(query_), IsOk()); }

TEST_F(SlotQueryCheckTest, ZoneIsRequired) {
  query_.zone = nullptr;
  ExpectInvalid("zone is required");
}

TEST_F(SlotQueryCheckTest, DurationStepAndMaxResultsMustBePositive) {
  query_.duration_minutes = 0;
  ExpectInvalid("duration_minutes must be positive (got 0)");
  query_.duration_minutes = 60;
  query_.step_minutes = -15;
  ExpectInvalid("step_minutes must be positive (got -15)");
  query_.step_minutes = 15;
  query_.max_results = 0;
  ExpectInvalid("max_results must be positive (got 0)");
}

TEST_F(SlotQueryCheckTest, WindowEndingBeforeItStarts) {
  query_.window = {Utc("2026-06-15T00:00:00Z"), Utc("2026-06-01T00:00:00Z")};
  ExpectInvalid(
      "window ends (2026-06-01T01:00:00+01:00) before it starts "
      "(2026-06-15T01:00:00+01:00)");
}

TEST_F(SlotQueryCheckTest, WindowTooLongOrOutOfRange) {
  query_.window = {Utc("2026-01-01T00:00:00Z"), Utc("2028-01-03T00:00:00Z")};
  ExpectInvalid("window is longer than 731 days");
  query_.window = {-86400, 0};
  ExpectInvalid("window must lie between the years 1970 and 9999");
}

TEST_F(SlotQueryCheckTest, OpeningHoursOutOfRange) {
  query_.hours = {{1, 540, 1020}, {7, 540, 1020}};
  ExpectInvalid("opening hours[1]: weekday 7 is not 0 (Sunday) to 6 (Saturday)");
  query_.hours = {{1, 1020, 540}};
  ExpectInvalid(
      "opening hours[0]: open_minute 1020, close_minute 540: need 0 <= open_minute < "
      "close_minute <= 1440");
  query_.hours = {{1, 540, 1500}};
  EXPECT_THAT(FindFreeSlots(query_),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("close_minute 1500")));
}

TEST_F(SlotQueryCheckTest, DeviceKindOnlyAndAlwaysForDevices) {
  query_.requirements[2].device_kind.clear();
  ExpectInvalid("requirements[2]: a device requirement needs a device_kind");
  query_.requirements[2].device_kind = "microneedling-pen";
  query_.requirements[1].device_kind = "microneedling-pen";
  ExpectInvalid("requirements[1]: device_kind is only for device requirements");
}

TEST_F(SlotQueryCheckTest, RequirementNoResourceCanFillNamesIt) {
  query_.requirements.push_back({ResourceType::kDevice, "rf-unit"});
  ExpectInvalid("no device of kind \"rf-unit\" in this clinic");
  query_.requirements.pop_back();
  query_.resources.erase(query_.resources.begin() + 1);
  ExpectInvalid("no room in this clinic");
  query_.resources.clear();
  ExpectInvalid("no practitioner in this clinic");
}

TEST_F(SlotQueryCheckTest, MoreRequirementsOfAKindThanResources) {
  query_.requirements.push_back({ResourceType::kRoom, ""});
  ExpectInvalid("a session needs 2 rooms but this clinic has 1");
  query_.requirements.pop_back();
  query_.requirements.push_back({ResourceType::kDevice, "microneedling-pen"});
  ExpectInvalid("a session needs 2 devices of kind \"microneedling-pen\" but this clinic has 1");
}

TEST_F(SlotQueryCheckTest, ResourceIdsAndBusyIntervals) {
  query_.resources.push_back({"", ResourceType::kRoom, "", {}});
  ExpectInvalid("resources[3] has no id");
  query_.resources.back().id = "dr-a";
  ExpectInvalid("resource id \"dr-a\" appears twice");
  query_.resources.back().id = "room-2";
  query_.resources.back().busy = {{10, 20}, {30, 29}};
  ExpectInvalid("resource \"room-2\": busy[1] ends before it starts");
}

TEST_F(SlotQueryCheckTest, OnlyResourceIdMustExistAndFillARequirement) {
  query_.only_resource_id = "dr-x";
  ExpectInvalid("only_resource_id \"dr-x\" is not a resource of this clinic");
  query_.resources.push_back({"rf-1", ResourceType::kDevice, "rf-unit", {}});
  query_.only_resource_id = "rf-1";
  ExpectInvalid("only_resource_id \"rf-1\" fills none of the requirements");
  query_.only_resource_id = "room-1";
  EXPECT_THAT(FindFreeSlots(query_), IsOk());
}

}  // namespace
}  // namespace needlework::host::slots
