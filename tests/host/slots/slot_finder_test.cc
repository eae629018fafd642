#include "host/slots/slot_finder.h"

#include <gmock/gmock.h>

#include "host/slots/slots_test_util.h"
#include "support/status_matchers.h"

namespace needlework::host::slots {
namespace {

using ::needlework::testing::IsOk;
using testing::Days;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::Locals;
using ::testing::SizeIs;
using testing::Utc;
using testing::Zone;

constexpr int kSunday = 0;
constexpr int kMonday = 1;
const CivilDate kMonday1June(2026, 6, 1);

std::vector<OpeningHours> EveryDay(int open_minute, int close_minute) {
  std::vector<OpeningHours> hours;
  for (int day = 0; day < 7; ++day) hours.push_back({day, open_minute, close_minute});
  return hours;
}

// A London clinic open 09:00-17:00 every day, searching one day at a time.
class SlotFinderTest : public ::testing::Test {
 protected:
  SlotFinderTest() : london_(Zone("Europe/London")) {
    query_.zone = &london_;
    query_.hours = EveryDay(540, 1020);
    query_.window = Days(london_, kMonday1June, kMonday1June);
    query_.max_results = 1000;
    query_.resources = {
        {"dr-b", ResourceType::kPractitioner, "", {}},
        {"dr-a", ResourceType::kPractitioner, "", {}},
        {"room-2", ResourceType::kRoom, "", {}},
        {"room-1", ResourceType::kRoom, "", {}},
        {"pen-1", ResourceType::kDevice, "microneedling-pen", {}},
        {"rf-1", ResourceType::kDevice, "rf-unit", {}},
    };
  }

  std::vector<Slot> Find() {
    StatusOr<std::vector<Slot>> slots = FindFreeSlots(query_);
    EXPECT_THAT(slots, IsOk());
    return slots.ok() ? *slots : std::vector<Slot>{};
  }
  std::vector<std::string> LocalStarts() {
    std::vector<int64_t> starts;
    for (const Slot& slot : Find()) starts.push_back(slot.start);
    return Locals(starts, london_);
  }
  Resource& Named(const std::string& id) {
    for (Resource& resource : query_.resources) {
      if (resource.id == id) return resource;
    }
    ADD_FAILURE() << "no resource " << id;
    return query_.resources.front();
  }
  // 2026-06-01 (a Monday) at `hh_mm` London time (BST).
  static int64_t June1(const std::string& hh_mm) {
    return Utc("2026-06-01T" + hh_mm + ":00+01:00");
  }

  ClinicZone london_;
  SlotQuery query_;
};

TEST_F(SlotFinderTest, NineToFiveGivesHourlySlotsWithTheirEnds) {
  query_.step_minutes = 60;
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(8));
  EXPECT_EQ(slots.front().start, June1("09:00"));
  EXPECT_EQ(slots.front().end, June1("10:00"));
  EXPECT_EQ(slots.back().start, June1("16:00"));
  EXPECT_EQ(slots.back().end, June1("17:00"));
  EXPECT_THAT(slots.front().resource_ids, IsEmpty());
}

TEST_F(SlotFinderTest, NineOClockLocalOnBothSidesOfEachLondonChange) {
  query_.step_minutes = 60;
  query_.window = Days(london_, CivilDate(2026, 3, 28), CivilDate(2026, 3, 29));
  std::vector<Slot> spring = Find();
  ASSERT_THAT(spring, SizeIs(16));
  EXPECT_EQ(spring[0].start, Utc("2026-03-28T09:00:00Z"));
  EXPECT_EQ(spring[8].start, Utc("2026-03-29T08:00:00Z"));
  EXPECT_EQ(FormatLocal(spring[8].start, london_), "2026-03-29T09:00:00+01:00");
  query_.window = Days(london_, CivilDate(2026, 10, 24), CivilDate(2026, 10, 25));
  std::vector<Slot> autumn = Find();
  ASSERT_THAT(autumn, SizeIs(16));
  EXPECT_EQ(autumn[0].start, Utc("2026-10-24T08:00:00Z"));
  EXPECT_EQ(autumn[8].start, Utc("2026-10-25T09:00:00Z"));
  EXPECT_EQ(FormatLocal(autumn[8].start, london_), "2026-10-25T09:00:00+00:00");
}

TEST_F(SlotFinderTest, NewYorkAndKolkataNineOClock) {
  ClinicZone new_york = Zone("America/New_York");
  query_.zone = &new_york;
  query_.step_minutes = 60;
  query_.window = Days(new_york, CivilDate(2026, 3, 7), CivilDate(2026, 3, 8));
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(16));
  EXPECT_EQ(slots[0].start, Utc("2026-03-07T14:00:00Z"));
  EXPECT_EQ(slots[8].start, Utc("2026-03-08T13:00:00Z"));
  ClinicZone kolkata = Zone("Asia/Kolkata");
  query_.zone = &kolkata;
  query_.window = Days(kolkata, CivilDate(2026, 3, 29), CivilDate(2026, 3, 29));
  EXPECT_EQ(Find().front().start, Utc("2026-03-29T03:30:00Z"));
}

TEST_F(SlotFinderTest, TwentyThreeAndTwentyFiveHourDaysOfAnAllDayClinic) {
  query_.hours = EveryDay(0, 1440);
  query_.step_minutes = 60;
  query_.window = Days(london_, CivilDate(2026, 3, 29), CivilDate(2026, 3, 29));
  std::vector<Slot> spring = Find();
  EXPECT_THAT(spring, SizeIs(23));  // 01:00 does not exist
  EXPECT_EQ(spring.back().end, query_.window.end);
  query_.window = Days(london_, CivilDate(2026, 10, 25), CivilDate(2026, 10, 25));
  std::vector<Slot> autumn = Find();
  EXPECT_THAT(autumn, SizeIs(24));  // 01:00 happens twice; it is offered once
  EXPECT_EQ(autumn[1].start, Utc("2026-10-25T00:00:00Z"));
  EXPECT_EQ(autumn[2].start, Utc("2026-10-25T02:00:00Z"));
  EXPECT_EQ(autumn.back().end, query_.window.end);
}

TEST_F(SlotFinderTest, GapAndOverlapRules) {
  query_.hours = {{kSunday, 0, 180}};
  query_.step_minutes = 30;
  query_.duration_minutes = 30;
  query_.window = Days(london_, CivilDate(2026, 3, 29), CivilDate(2026, 3, 29));
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-03-29T00:00:00+00:00", "2026-03-29T00:30:00+00:00",
                                         "2026-03-29T02:00:00+01:00", "2026-03-29T02:30:00+01:00"));
  query_.window = Days(london_, CivilDate(2026, 10, 25), CivilDate(2026, 10, 25));
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-10-25T00:00:00+01:00", "2026-10-25T00:30:00+01:00",
                                         "2026-10-25T01:00:00+01:00", "2026-10-25T01:30:00+01:00",
                                         "2026-10-25T02:00:00+00:00", "2026-10-25T02:30:00+00:00"));
}

// For each resource type: busy 10:00-11:30 blocks exactly the 60-minute slots that overlap
// it; 09:00-10:00 and 11:30-12:30 only touch it.
TEST_F(SlotFinderTest, EachResourceTypeBusyBlocksExactlyItsOverlappingCandidates) {
  query_.hours = {{kMonday, 540, 780}};
  query_.step_minutes = 30;
  for (const char* id : {"dr-a", "room-1", "pen-1"}) {
    SCOPED_TRACE(id);
    query_.requirements = {{ResourceType::kPractitioner, ""},
                           {ResourceType::kRoom, ""},
                           {ResourceType::kDevice, "microneedling-pen"}};
    query_.resources = {{"dr-a", ResourceType::kPractitioner, "", {}},
                        {"room-1", ResourceType::kRoom, "", {}},
                        {"pen-1", ResourceType::kDevice, "microneedling-pen", {}}};
    Named(id).busy = {{June1("10:00"), June1("11:30")}};
    std::vector<Slot> slots = Find();
    std::vector<int64_t> starts;
    for (const Slot& slot : slots) starts.push_back(slot.start);
    EXPECT_THAT(starts, ElementsAre(June1("09:00"), June1("11:30"), June1("12:00")));
    EXPECT_THAT(slots.front().resource_ids, ElementsAre("dr-a", "room-1", "pen-1"));
  }
}

TEST_F(SlotFinderTest, DeviceKindPicksADeviceOfThatKind) {
  query_.requirements = {{ResourceType::kDevice, "rf-unit"}};
  Named("pen-1").busy = {{0, June1("23:00")}};
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(29));
  EXPECT_THAT(slots, Each(::testing::Field(&Slot::resource_ids, ElementsAre("rf-1"))));
}

TEST_F(SlotFinderTest, FirstRoomBusySecondRoomChosenThenFirstAgain) {
  query_.step_minutes = 60;
  query_.requirements = {{ResourceType::kRoom, ""}};
  Named("room-1").busy = {{June1("09:00"), June1("10:00")}};
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(8));
  EXPECT_THAT(slots[0].resource_ids, ElementsAre("room-2"));
  EXPECT_THAT(slots[1].resource_ids, ElementsAre("room-1"));
}

TEST_F(SlotFinderTest, OneResourceNeverFillsTwoRequirements) {
  query_.step_minutes = 60;
  query_.requirements = {{ResourceType::kPractitioner, ""}, {ResourceType::kPractitioner, ""}};
  Named("dr-a").busy = {{June1("10:00"), June1("11:00")}};
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(7));  // no 10:00: only dr-b is free
  EXPECT_THAT(slots[0].resource_ids, ElementsAre("dr-a", "dr-b"));
  EXPECT_EQ(slots[1].start, June1("11:00"));
}

TEST_F(SlotFinderTest, OnlyResourceIdIsAlwaysUsedAndItsBusyTimeCounts) {
  query_.step_minutes = 60;
  query_.requirements = {{ResourceType::kRoom, ""}, {ResourceType::kPractitioner, ""}};
  query_.only_resource_id = "dr-b";
  Named("dr-b").busy = {{June1("09:00"), June1("10:00")}};
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(7));
  EXPECT_EQ(slots[0].start, June1("10:00"));  // dr-a is free at 09:00, but dr-b is not
  EXPECT_THAT(slots, Each(::testing::Field(&Slot::resource_ids, ElementsAre("room-1", "dr-b"))));
}

TEST_F(SlotFinderTest, OnlyResourceIdWithTwoRequirementsOfItsType) {
  query_.step_minutes = 60;
  query_.requirements = {{ResourceType::kRoom, ""}, {ResourceType::kRoom, ""}};
  query_.resources.push_back({"room-0", ResourceType::kRoom, "", {}});
  query_.only_resource_id = "room-2";
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(8));
  EXPECT_THAT(slots[0].resource_ids, ElementsAre("room-0", "room-2"));
}

TEST_F(SlotFinderTest, MaxResultsKeepsTheEarliest) {
  query_.max_results = 3;
  query_.window = Days(london_, kMonday1June, CivilDate(2026, 6, 14));
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-06-01T09:00:00+01:00", "2026-06-01T09:15:00+01:00",
                                         "2026-06-01T09:30:00+01:00"));
}

TEST_F(SlotFinderTest, StepSetsTheCandidateGrid) {
  query_.step_minutes = 20;
  query_.hours = {{kMonday, 540, 660}};
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-06-01T09:00:00+01:00", "2026-06-01T09:20:00+01:00",
                                         "2026-06-01T09:40:00+01:00", "2026-06-01T10:00:00+01:00"));
}

TEST_F(SlotFinderTest, LunchBreakHours) {
  query_.step_minutes = 30;
  query_.hours = {{kMonday, 780, 1020}, {kMonday, 540, 720}};
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-06-01T09:00:00+01:00", "2026-06-01T09:30:00+01:00",
                                         "2026-06-01T10:00:00+01:00", "2026-06-01T10:30:00+01:00",
                                         "2026-06-01T11:00:00+01:00", "2026-06-01T13:00:00+01:00",
                                         "2026-06-01T13:30:00+01:00", "2026-06-01T14:00:00+01:00",
                                         "2026-06-01T14:30:00+01:00", "2026-06-01T15:00:00+01:00",
                                         "2026-06-01T15:30:00+01:00", "2026-06-01T16:00:00+01:00"));
}

TEST_F(SlotFinderTest, WindowBoundsStartsOnlyAndIsHalfOpen) {
  query_.window = {June1("09:05"), June1("10:00")};
  query_.duration_minutes = 90;
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-06-01T09:15:00+01:00", "2026-06-01T09:30:00+01:00",
                                         "2026-06-01T09:45:00+01:00"));
  query_.window = {June1("09:00"), June1("09:00")};
  EXPECT_THAT(LocalStarts(), IsEmpty());
}

TEST_F(SlotFinderTest, ResultsRunInStartOrderAcrossDays) {
  query_.window = Days(london_, CivilDate(2026, 10, 20), CivilDate(2026, 10, 30));
  query_.requirements = {{ResourceType::kPractitioner, ""}};
  std::vector<Slot> slots = Find();
  ASSERT_THAT(slots, SizeIs(11 * 29));
  for (size_t i = 1; i < slots.size(); ++i) EXPECT_LT(slots[i - 1].start, slots[i].start);
}

TEST_F(SlotFinderTest, UnsortedOverlappingBusyIntervalsAndOnesOutsideTheWindow) {
  query_.step_minutes = 60;
  query_.requirements = {{ResourceType::kPractitioner, ""}};
  query_.only_resource_id = "dr-a";
  Named("dr-a").busy = {{June1("15:00"), June1("16:00")},
                        {June1("10:00"), June1("12:00")},
                        {June1("11:00"), June1("13:00")},
                        {Utc("2025-01-01T00:00:00Z"), Utc("2025-01-02T00:00:00Z")},
                        {June1("14:00"), June1("14:00")}};
  EXPECT_THAT(LocalStarts(), ElementsAre("2026-06-01T09:00:00+01:00", "2026-06-01T13:00:00+01:00",
                                         "2026-06-01T14:00:00+01:00", "2026-06-01T16:00:00+01:00"));
}

}  // namespace
}  // namespace needlework::host::slots
