// Helpers for the screening plugin's tests: building patient facts, applying a clinic's
// merge patch to the default config as the host does, and matchers for Status.
#ifndef NEEDLEWORK_TESTS_PLUGINS_SCREENING_TEST_SUPPORT_H_
#define NEEDLEWORK_TESTS_PLUGINS_SCREENING_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/status.h"
#include "plugins/screening/rule_set.h"
#include "support/plugin_test_helpers.h"
#include "support/status_matchers.h"

namespace needlework::screening::testing {

using Json = nlohmann::json;
using plugin::v1::ScreenRequest;
using plugin::v1::ScreenResponse;
using types::v1::Coding;
using types::v1::Finding;

inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;

// The default config with `patch` applied as an RFC 7386 merge patch, as the host does.
std::string PatchedConfig(const Json& patch = Json::object());

// CompileConfig(PatchedConfig(patch)); fails the test (fatally) when it is refused.
RuleSet CompileOrDie(const Json& patch = Json::object());

using needlework::testing::MakeCoding;
Coding Snomed(std::string_view code, std::string_view display = "");
Coding RxNorm(std::string_view code, std::string_view display = "");
Coding Concern(std::string_view code, std::string_view display = "");

// Each adds one fact to `request`'s patient and returns it for further tweaks.
types::v1::Condition* AddCondition(ScreenRequest& request, const Coding& code,
                                   types::v1::ConditionStatus status, std::string_view ref);
types::v1::Medication* AddMedication(ScreenRequest& request, const Coding& product,
                                     types::v1::MedicationStatus status, std::string_view ref);
types::v1::Allergy* AddAllergy(ScreenRequest& request, const Coding& code,
                               types::v1::AllergyStatus status, std::string_view ref);
types::v1::Observation* AddObservation(ScreenRequest& request, const Coding& code, double value,
                                       std::string_view effective, std::string_view ref);
// The skin-laxity-grade observation code.
Coding LaxityGrade();

// ScreenPatient(rules, request); fails the test when it returns an error.
ScreenResponse ScreenOrDie(const RuleSet& rules, const ScreenRequest& request);

// A copy of the finding with `rule_id` in `response` (a copy, so a temporary response
// may be passed), or nullopt.
std::optional<Finding> FindingFor(const ScreenResponse& response, std::string_view rule_id);

}  // namespace needlework::screening::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_SCREENING_TEST_SUPPORT_H_
