// Chooses, for one candidate slot, a distinct free resource per requirement of a SlotQuery.
#ifndef NEEDLEWORK_HOST_SLOTS_RESOURCE_PICKER_H_
#define NEEDLEWORK_HOST_SLOTS_RESOURCE_PICKER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "host/slots/busy_index.h"
#include "host/slots/slot_finder.h"

namespace needlework::host::slots {

class ResourcePicker {
 public:
  // Indexes the busy time of the resources that can fill a requirement of `query`, keeping
  // only what overlaps `horizon` (every slot asked about later must lie inside it).
  // Precondition: CheckSlotQuery(query) is OK. Copies what it needs; `query` may go away.
  ResourcePicker(const SlotQuery& query, const Interval& horizon);

  // One resource id per requirement, in requirement order, every one free for `slot`, chosen
  // as FindFreeSlots() documents; nullopt when the requirements cannot all be met.
  std::optional<std::vector<std::string>> Pick(const Interval& slot) const;

 private:
  struct Candidate {
    std::string id;
    BusyIndex busy;
    bool forced = false;  // the query's only_resource_id
  };
  // The requirements of one type (and device kind) and the resources that fill them,
  // sorted by id. Resources that fill one group fill no other.
  struct Group {
    std::vector<size_t> requirement_indexes;
    std::vector<Candidate> pool;
  };

  // A group for the requirement at `requirement_index`, with its pool indexed.
  static Group MakeGroup(const SlotQuery& query, size_t requirement_index, const Interval& horizon);
  // Ids of the free resources chosen for `group`, in id order; false when too few are free.
  static bool PickForGroup(const Group& group, const Interval& slot,
                           std::vector<const std::string*>& chosen);

  std::vector<Group> groups_;
  size_t requirement_count_ = 0;
};

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_RESOURCE_PICKER_H_
