// One resource's busy time, sorted and merged so that a free/busy question is a binary search.
#ifndef NEEDLEWORK_HOST_SLOTS_BUSY_INDEX_H_
#define NEEDLEWORK_HOST_SLOTS_BUSY_INDEX_H_

#include <cstddef>
#include <vector>

#include "host/slots/interval.h"

namespace needlework::host::slots {

class BusyIndex {
 public:
  BusyIndex() = default;  // never busy
  // Indexes the non-empty intervals of `busy` (any order, overlaps allowed) that overlap
  // `horizon`; questions about slots outside `horizon` get no meaningful answer.
  // O(n + k log k) for n intervals of which k overlap the horizon.
  BusyIndex(const std::vector<Interval>& busy, const Interval& horizon);

  // True when no indexed interval overlaps `slot` (half-open: touching is free). O(log k).
  bool IsFree(const Interval& slot) const;
  // The number of disjoint busy intervals kept after merging.
  size_t size() const { return merged_.size(); }

 private:
  std::vector<Interval> merged_;  // sorted by start, pairwise disjoint and non-touching
};

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_BUSY_INDEX_H_
