// The test matchers for needlework::Status and StatusOr<T>, shared by every test.
//   EXPECT_THAT(result, IsOk());
//   EXPECT_THAT(result, StatusIs(StatusCode::kInvalidArgument, HasSubstr("resources[1]")));
#ifndef NEEDLEWORK_TESTS_SUPPORT_STATUS_MATCHERS_H_
#define NEEDLEWORK_TESTS_SUPPORT_STATUS_MATCHERS_H_

#include <gmock/gmock.h>

#include <ostream>
#include <string>

#include "needlework/status.h"

namespace needlework {

// So a failing expectation prints "INVALID_ARGUMENT: ..." (found by argument lookup).
inline void PrintTo(const Status& status, std::ostream* os) { *os << status.ToString(); }

namespace testing {

inline Status StatusOf(const Status& status) { return status; }
template <typename T>
Status StatusOf(const StatusOr<T>& status_or) {
  return status_or.status();
}

// Matches an OK Status, or a StatusOr holding a value.
MATCHER(IsOk, "is OK") {
  Status status = StatusOf(arg);
  *result_listener << "status is " << status.ToString();
  return status.ok();
}

// Matches a Status (or StatusOr) with `code` and a message matching `message_matcher`.
MATCHER_P2(StatusIs, code, message_matcher,
           "has code " + std::string(StatusCodeName(code)) + " and a message that " +
               ::testing::DescribeMatcher<std::string>(message_matcher)) {
  Status status = StatusOf(arg);
  *result_listener << "status is " << status.ToString();
  return status.code() == code &&
         ::testing::ExplainMatchResult(message_matcher, status.message(), result_listener);
}

}  // namespace testing
}  // namespace needlework

#endif  // NEEDLEWORK_TESTS_SUPPORT_STATUS_MATCHERS_H_
