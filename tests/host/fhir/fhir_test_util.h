// Helpers for the host/fhir tests.
#ifndef NEEDLEWORK_TESTS_HOST_FHIR_FHIR_TEST_UTIL_H_
#define NEEDLEWORK_TESTS_HOST_FHIR_FHIR_TEST_UTIL_H_

#include <gmock/gmock.h>

#include <ostream>
#include <string>
#include <vector>

#include "host/fhir/normalize.h"

namespace needlework {
// So that gtest prints a Status as "INVALID_ARGUMENT: ..." (found by argument lookup).
inline void PrintTo(const Status& status, std::ostream* out) { *out << status.ToString(); }
}  // namespace needlework

namespace needlework::fhir::testing {

// Matches a Status with code `code` whose message matches `message_matcher`.
MATCHER_P2(StatusIs, code, message_matcher,
           "has code " + std::string(StatusCodeName(code)) + " and a message that " +
               ::testing::DescribeMatcher<std::string>(message_matcher)) {
  *result_listener << "which is " << arg.ToString();
  return arg.code() == code && ::testing::Matches(message_matcher)(arg.message());
}

// The INVALID_ARGUMENT Status with a message containing `text`.
inline auto InvalidArgumentContaining(const std::string& text) {
  return StatusIs(StatusCode::kInvalidArgument, ::testing::HasSubstr(text));
}

// The facts of `resources`, failing the test when normalisation fails.
inline types::v1::PatientFacts NormalizeOk(const std::vector<std::string>& resources) {
  StatusOr<types::v1::PatientFacts> facts = NormalizeFhir(resources);
  EXPECT_TRUE(facts.ok()) << facts.status().ToString();
  return facts.ok() ? *facts : types::v1::PatientFacts();
}

// The Status of normalising `resources`.
inline Status NormalizeStatus(const std::vector<std::string>& resources,
                              const NormalizeOptions& options = {}) {
  return NormalizeFhir(resources, options).status();
}

}  // namespace needlework::fhir::testing

#endif  // NEEDLEWORK_TESTS_HOST_FHIR_FHIR_TEST_UTIL_H_
