#include "host/slots/busy_index.h"

#include <algorithm>

namespace needlework::host::slots {

BusyIndex::BusyIndex(const std::vector<Interval>& busy, const Interval& horizon) {
  std::vector<Interval> kept;
  for (const Interval& interval : busy) {
    if (Overlaps(interval, horizon)) kept.push_back(interval);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Interval& a, const Interval& b) { return a.start < b.start; });
  for (const Interval& interval : kept) {
    if (!merged_.empty() && interval.start <= merged_.back().end) {
      merged_.back().end = std::max(merged_.back().end, interval.end);
    } else {
      merged_.push_back(interval);
    }
  }
}

bool BusyIndex::IsFree(const Interval& slot) const {
  // Only the first busy interval ending after the slot starts can overlap it: if that one
  // starts at or after the slot's end, so does every later one.
  auto first = std::partition_point(merged_.begin(), merged_.end(),
                                    [&](const Interval& busy) { return busy.end <= slot.start; });
  return first == merged_.end() || !Overlaps(*first, slot);
}

}  // namespace needlework::host::slots
