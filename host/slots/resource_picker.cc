#include "host/slots/resource_picker.h"

#include <algorithm>

#include "host/slots/slot_query_check.h"

namespace needlework::host::slots {
namespace {

bool SameNeed(const Requirement& a, const Requirement& b) {
  return a.type == b.type && a.device_kind == b.device_kind;
}

}  // namespace

ResourcePicker::ResourcePicker(const SlotQuery& query, const Interval& horizon)
    : requirement_count_(query.requirements.size()) {
  for (size_t i = 0; i < query.requirements.size(); ++i) {
    auto group = std::find_if(groups_.begin(), groups_.end(), [&](const Group& g) {
      return SameNeed(query.requirements[g.requirement_indexes.front()], query.requirements[i]);
    });
    if (group != groups_.end()) {
      group->requirement_indexes.push_back(i);
    } else {
      groups_.push_back(MakeGroup(query, i, horizon));
    }
  }
}

ResourcePicker::Group ResourcePicker::MakeGroup(const SlotQuery& query, size_t requirement_index,
                                                const Interval& horizon) {
  Group group;
  group.requirement_indexes.push_back(requirement_index);
  for (const Resource& resource : query.resources) {
    if (!Fills(resource, query.requirements[requirement_index])) continue;
    group.pool.push_back(
        {resource.id, BusyIndex(resource.busy, horizon), resource.id == query.only_resource_id});
  }
  std::sort(group.pool.begin(), group.pool.end(),
            [](const Candidate& a, const Candidate& b) { return a.id < b.id; });
  return group;
}

bool ResourcePicker::PickForGroup(const Group& group, const Interval& slot,
                                  std::vector<const std::string*>& chosen) {
  chosen.clear();
  auto forced = std::find_if(group.pool.begin(), group.pool.end(),
                             [](const Candidate& c) { return c.forced; });
  bool has_forced = forced != group.pool.end();
  if (has_forced && !forced->busy.IsFree(slot)) return false;
  // Without the forced resource, this many others are needed.
  size_t others = group.requirement_indexes.size() - (has_forced ? 1 : 0);
  for (const Candidate& candidate : group.pool) {
    if (candidate.forced) {
      chosen.push_back(&candidate.id);
    } else if (others > 0 && candidate.busy.IsFree(slot)) {
      chosen.push_back(&candidate.id);
      --others;
    }
    if (chosen.size() == group.requirement_indexes.size()) return true;
  }
  return false;
}

std::optional<std::vector<std::string>> ResourcePicker::Pick(const Interval& slot) const {
  std::vector<std::string> ids(requirement_count_);
  std::vector<const std::string*> chosen;
  for (const Group& group : groups_) {
    if (!PickForGroup(group, slot, chosen)) return std::nullopt;
    for (size_t i = 0; i < chosen.size(); ++i) ids[group.requirement_indexes[i]] = *chosen[i];
  }
  return ids;
}

}  // namespace needlework::host::slots
