// Small helpers shared by the slot library tests: zones, instants and day ranges from text.
#ifndef NEEDLEWORK_TESTS_HOST_SLOTS_SLOTS_TEST_UTIL_H_
#define NEEDLEWORK_TESTS_HOST_SLOTS_SLOTS_TEST_UTIL_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "host/slots/clinic_time.h"
#include "host/slots/interval.h"

namespace needlework::host::slots {

// So failing expectations print intervals as "[start, end)".
inline void PrintTo(const Interval& interval, std::ostream* os) {
  *os << "[" << interval.start << ", " << interval.end << ")";
}

namespace testing {

// Matches a StatusOr<T> that is OK and holds a value equal to `expected`.
MATCHER_P(IsOkAndHolds, expected, "is OK and holds " + ::testing::PrintToString(expected)) {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status().ToString();
    return false;
  }
  *result_listener << "holds " << ::testing::PrintToString(*arg);
  return *arg == expected;
}

// The zone `name`; aborts the test binary when the system tzdata lacks it.
inline ClinicZone Zone(std::string_view name) {
  StatusOr<ClinicZone> zone = ClinicZone::Load(name);
  if (!zone.ok()) {
    std::cerr << zone.status().ToString() << "\n";
    std::abort();
  }
  return *zone;
}

// Unix seconds for RFC 3339 text that the test knows to be valid.
inline int64_t Utc(std::string_view rfc3339) {
  StatusOr<int64_t> seconds = ParseRfc3339(rfc3339);
  EXPECT_TRUE(seconds.ok()) << seconds.status().ToString();
  return seconds.ok() ? *seconds : 0;
}

// The UTC interval of the local dates [from, to] in `zone`.
inline Interval Days(const ClinicZone& zone, CivilDate from, CivilDate to) {
  StatusOr<Interval> range = LocalDayRangeToUtc({from, to}, zone);
  EXPECT_TRUE(range.ok()) << range.status().ToString();
  return range.ok() ? *range : Interval{};
}

// FormatLocal() of each instant, for readable expectations.
inline std::vector<std::string> Locals(const std::vector<int64_t>& instants,
                                       const ClinicZone& zone) {
  std::vector<std::string> text;
  for (int64_t instant : instants) text.push_back(FormatLocal(instant, zone));
  return text;
}

}  // namespace testing
}  // namespace needlework::host::slots

#endif  // NEEDLEWORK_TESTS_HOST_SLOTS_SLOTS_TEST_UTIL_H_
