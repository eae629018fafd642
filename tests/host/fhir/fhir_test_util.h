// Helpers for the host/fhir tests.
#ifndef NEEDLEWORK_TESTS_HOST_FHIR_FHIR_TEST_UTIL_H_
#define NEEDLEWORK_TESTS_HOST_FHIR_FHIR_TEST_UTIL_H_

#include <gmock/gmock.h>

#include <ostream>
#include <string>
#include <vector>

#include "host/fhir/normalize.h"
#include "support/status_matchers.h"

namespace needlework::fhir::testing {

using ::needlework::testing::StatusIs;

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
