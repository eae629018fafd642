// A half-open span of time in Unix seconds, the one time-range type of the scheduling library.
#ifndef NEEDLEWORK_HOST_SLOTS_INTERVAL_H_
#define NEEDLEWORK_HOST_SLOTS_INTERVAL_H_

#include <cstdint>

namespace needlework::host::slots {

// [start, end) in Unix seconds (UTC). Empty when end <= start.
struct Interval {
  int64_t start = 0;
  int64_t end = 0;

  friend bool operator==(const Interval&, const Interval&) = default;
};

// True when the half-open intervals share at least one second: touching intervals
// ([9, 10) and [10, 11)) and empty intervals never overlap anything.
inline bool Overlaps(const Interval& a, const Interval& b) {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_HOST_SLOTS_INTERVAL_H_
