// Free-slot search for treatment sessions: which start times, within the clinic's opening
// hours and a search window, have every required practitioner, room and device free.
// Pure computation: plain structs in, plain structs out, no I/O.
#ifndef NEEDLEWORK_HOST_SLOTS_SLOT_FINDER_H_
#define NEEDLEWORK_HOST_SLOTS_SLOT_FINDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "host/slots/clinic_time.h"
#include "host/slots/interval.h"
#include "host/slots/opening_hours.h"
#include "needlework/status.h"

namespace needlework::host::slots {

enum class ResourceType { kPractitioner, kRoom, kDevice };

// One resource a session needs. device_kind is set for kDevice only, e.g. "microneedling-pen";
// any device of that kind fills it.
struct Requirement {
  ResourceType type = ResourceType::kPractitioner;
  std::string device_kind;
};

// A practitioner, room or device of the clinic and the times it is taken. device_kind is set
// for kDevice only. busy intervals may be unsorted, overlap each other or be empty.
struct Resource {
  std::string id;
  ResourceType type = ResourceType::kPractitioner;
  std::string device_kind;
  std::vector<Interval> busy;
};

struct SlotQuery {
  const ClinicZone* zone = nullptr;  // not owned; must outlive the FindFreeSlots() call
  std::vector<OpeningHours> hours;   // wall-clock hours in `zone`
  // The instants a slot may START at: [window.start, window.end). A slot may end after
  // window.end. Use LocalDayRangeToUtc() to search whole local days. At most 731 days long.
  Interval window;
  int duration_minutes = 60;
  // Candidate starts are local wall times whose minute of the day is a multiple of this
  // (15: on the local quarter hour, whatever the opening time).
  int step_minutes = 15;
  // One distinct resource is chosen per requirement; a resource never fills two.
  std::vector<Requirement> requirements;
  std::vector<Resource> resources;  // ids unique and non-empty
  // Optional (empty: none): a resource every slot must use, e.g. the patient's practitioner.
  std::string only_resource_id;
  int max_results = 50;
};

// A bookable session: [start, end) in Unix seconds and one resource id per requirement, in
// the order of SlotQuery::requirements.
struct Slot {
  int64_t start = 0;
  int64_t end = 0;
  std::vector<std::string> resource_ids;

  friend bool operator==(const Slot&, const Slot&) = default;
};

// The free slots of `query`, in start order, one per start time, at most max_results.
// A slot lies wholly inside one opening span of its local day (spans are not merged), starts
// at a candidate time inside the window (see CandidateStartsOn() for gaps and overlaps) and
// has every chosen resource free for [start, end). Resources are chosen deterministically:
// the requirements of one type (and device kind) are filled, in requirement order, by the free
// matching resources with the smallest ids; when only_resource_id is of that type it is always
// one of them, and a start at which it is busy yields no slot.
//
// INVALID_ARGUMENT, with a message naming the field, for: no zone; duration_minutes,
// step_minutes or max_results <= 0; a window that ends before it starts, lies outside
// 1970..9999 or is longer than 731 days; bad opening hours; a device requirement without a
// device_kind or another requirement with one; requirements the clinic's resources can never
// fill (e.g. `no device of kind "rf-unit" in this clinic`); an empty or repeated resource id;
// a busy interval that ends before it starts; an only_resource_id that is unknown or fills no
// requirement.
//
// Cost: O(B) to filter the B busy intervals of all resources to the window, O(k log k) to sort
// the k that remain, then O(log k) per resource checked per candidate start.
StatusOr<std::vector<Slot>> FindFreeSlots(const SlotQuery& query);

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_SLOT_FINDER_H_
