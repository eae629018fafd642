// A clinic the size the product is built for (10 practitioners, 6 rooms, 4 devices, 20,000
// busy intervals over a year), searched in random 14-day windows and compared with a naive
// search that scans every busy interval for every candidate. No timing is asserted.
#include <gmock/gmock.h>

#include <algorithm>
#include <random>

#include "host/slots/slot_finder.h"
#include "host/slots/slots_test_util.h"
#include "support/status_matchers.h"

namespace needlework::host::slots {
namespace {

using ::needlework::testing::IsOk;
using testing::Days;
using testing::Utc;
using testing::Zone;

constexpr int64_t kDay = 24 * 3600;
constexpr int kBusyIntervals = 20000;

std::vector<Resource> MakeResources() {
  std::vector<Resource> resources;
  for (int i = 0; i < 10; ++i) {
    resources.push_back({"dr-" + std::to_string(i), ResourceType::kPractitioner, "", {}});
  }
  for (int i = 0; i < 6; ++i) {
    resources.push_back({"room-" + std::to_string(i), ResourceType::kRoom, "", {}});
  }
  for (int i = 0; i < 3; ++i) {
    resources.push_back({"pen-" + std::to_string(i), ResourceType::kDevice, "pen", {}});
  }
  resources.push_back({"rf-0", ResourceType::kDevice, "rf", {}});
  return resources;
}

// Busy intervals of 15 minutes to 4 hours, mostly in the daytime, in random order, often
// overlapping each other, some starting off the minute.
void AddRandomBusyTime(std::vector<Resource>& resources, std::mt19937& random) {
  int64_t year_start = Utc("2026-01-01T00:00:00Z");
  std::uniform_int_distribution<size_t> which(0, resources.size() - 1);
  std::uniform_int_distribution<int64_t> day(0, 364), second_of_day(7 * 3600, 20 * 3600),
      length(15 * 60, 4 * 3600);
  for (int i = 0; i < kBusyIntervals; ++i) {
    int64_t start = year_start + day(random) * kDay + second_of_day(random);
    if (i % 3 != 0) start -= start % 300;
    resources[which(random)].busy.push_back({start, start + length(random)});
  }
  std::shuffle(resources.begin(), resources.end(), random);
}

bool NaiveFree(const Resource& resource, const Interval& slot) {
  return std::none_of(resource.busy.begin(), resource.busy.end(),
                      [&](const Interval& busy) { return Overlaps(busy, slot); });
}

bool NaiveFills(const Resource& resource, const Requirement& requirement) {
  return resource.type == requirement.type && resource.device_kind == requirement.device_kind;
}

// Requirement by requirement, the free resource with the smallest id not yet used; the
// only_resource_id for its own requirement. (Enough for queries with one requirement of the
// only resource's type, which is all this test asks.)
std::optional<std::vector<std::string>> NaivePick(const SlotQuery& query, const Interval& slot) {
  std::vector<const Resource*> sorted;
  const Resource* forced = nullptr;
  for (const Resource& resource : query.resources) {
    sorted.push_back(&resource);
    if (resource.id == query.only_resource_id) forced = &resource;
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const Resource* a, const Resource* b) { return a->id < b->id; });
  std::vector<std::string> ids;
  for (const Requirement& requirement : query.requirements) {
    bool forced_here = forced != nullptr && NaiveFills(*forced, requirement);
    auto usable = [&](const Resource* resource) {
      return NaiveFills(*resource, requirement) && (!forced_here || resource == forced) &&
             std::find(ids.begin(), ids.end(), resource->id) == ids.end() &&
             NaiveFree(*resource, slot);
    };
    auto chosen = std::find_if(sorted.begin(), sorted.end(), usable);
    if (chosen == sorted.end()) return std::nullopt;
    ids.push_back((*chosen)->id);
  }
  return ids;
}

std::string Describe(const Slot& slot) {
  std::string text = std::to_string(slot.start) + "-" + std::to_string(slot.end);
  for (const std::string& id : slot.resource_ids) text += " " + id;
  return text;
}

// EXPECT_EQ with a readable first difference.
void ExpectSameSlots(const std::vector<Slot>& actual, const std::vector<Slot>& expected) {
  EXPECT_EQ(actual.size(), expected.size());
  for (size_t i = 0; i < std::min(actual.size(), expected.size()); ++i) {
    if (actual[i] == expected[i]) continue;
    ADD_FAILURE() << "slot " << i << ": got " << Describe(actual[i]) << ", naive search says "
                  << Describe(expected[i]);
    return;
  }
}

std::vector<Slot> NaiveSearch(SlotQuery query) {
  SlotQuery no_busy = query;
  for (Resource& resource : no_busy.resources) resource.busy.clear();
  no_busy.max_results = 1'000'000;
  StatusOr<std::vector<Slot>> candidates = FindFreeSlots(no_busy);
  EXPECT_THAT(candidates, IsOk());
  std::vector<Slot> slots;
  for (const Slot& candidate : *candidates) {
    std::optional<std::vector<std::string>> ids =
        NaivePick(query, {candidate.start, candidate.end});
    if (ids) slots.push_back({candidate.start, candidate.end, *ids});
    if (slots.size() == static_cast<size_t>(query.max_results)) break;
  }
  return slots;
}

std::vector<std::vector<Requirement>> RequirementSets() {
  Requirement practitioner{ResourceType::kPractitioner, ""};
  Requirement room{ResourceType::kRoom, ""};
  Requirement pen{ResourceType::kDevice, "pen"};
  Requirement rf{ResourceType::kDevice, "rf"};
  return {{practitioner, room, pen}, {room, practitioner, pen, pen}, {practitioner, rf, room}};
}

class SlotFinderRandomTest : public ::testing::Test {
 protected:
  SlotFinderRandomTest() : london_(Zone("Europe/London")), random_(20260329) {
    query_.zone = &london_;
    for (int day = 1; day <= 5; ++day) {
      query_.hours.push_back({day, 8 * 60, 12 * 60 + 30});
      query_.hours.push_back({day, 13 * 60 + 30, 20 * 60});
    }
    query_.hours.push_back({6, 9 * 60, 14 * 60});
    query_.resources = MakeResources();
    AddRandomBusyTime(query_.resources, random_);
  }

  ClinicZone london_;
  std::mt19937 random_;
  SlotQuery query_;
};

TEST_F(SlotFinderRandomTest, AgreesWithANaiveSearchOnRandomWindows) {
  std::vector<int64_t> window_starts = {
      Days(london_, CivilDate(2026, 3, 22), CivilDate(2026, 3, 22)).start,
      Days(london_, CivilDate(2026, 10, 19), CivilDate(2026, 10, 19)).start};
  std::uniform_int_distribution<int64_t> offset(0, 340 * kDay);
  for (int i = 0; i < 10; ++i)
    window_starts.push_back(Utc("2026-01-01T00:00:00Z") + offset(random_));
  std::vector<std::vector<Requirement>> requirement_sets = RequirementSets();
  size_t total_slots = 0;
  for (size_t i = 0; i < window_starts.size(); ++i) {
    SCOPED_TRACE("window starting " + FormatLocal(window_starts[i], london_));
    query_.window = {window_starts[i], window_starts[i] + 14 * kDay};
    query_.requirements = requirement_sets[i % requirement_sets.size()];
    query_.only_resource_id = i % 4 == 1 ? "dr-" + std::to_string(i % 10) : "";
    query_.max_results = i % 5 == 4 ? 50 : 100000;
    StatusOr<std::vector<Slot>> slots = FindFreeSlots(query_);
    ASSERT_THAT(slots, IsOk());
    std::vector<Slot> expected = NaiveSearch(query_);
    ExpectSameSlots(*slots, expected);
    total_slots += slots->size();
  }
  EXPECT_GT(total_slots, 1000u);  // the sample is not trivially empty
}

}  // namespace
}  // namespace needlework::host::slots
