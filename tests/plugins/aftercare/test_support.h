// Helpers for the aftercare plugin's tests: applying a clinic's merge patch to the default
// config as the host does, building aftercare and triage requests, reading the answers.
#ifndef NEEDLEWORK_TESTS_PLUGINS_AFTERCARE_TEST_SUPPORT_H_
#define NEEDLEWORK_TESTS_PLUGINS_AFTERCARE_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/plugin/v1/aftercare.pb.h"
#include "plugins/aftercare/aftercare_rules.h"
#include "support/plugin_test_helpers.h"
#include "support/status_matchers.h"

namespace needlework::aftercare::testing {

using Json = nlohmann::json;
using plugin::v1::AftercareRequest;
using plugin::v1::AftercareResponse;
using plugin::v1::TriageRequest;
using plugin::v1::TriageResponse;
using types::v1::AftercareInstruction;
using types::v1::ExpectedEffect;
using types::v1::PatientMessage;
using types::v1::SymptomSeverity;
using types::v1::TimeSpec;

using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;

// The default config with `patch` applied as an RFC 7386 merge patch, as the host does.
std::string PatchedConfig(const Json& patch = Json::object());

// CompileConfig(PatchedConfig(patch)); fails the test when it is refused.
AftercareRules CompileOrDie(const Json& patch = Json::object());

// A request for session `index` (0-based) of a series of `count` on the face.
AftercareRequest MakeAftercareRequest(int index, int count, std::string_view language = "");

// BuildAftercare(rules, request); fails the test when it returns an error.
AftercareResponse AftercareOrDie(const AftercareRules& rules, const AftercareRequest& request);

// A triage request for symptom `code` `days` after the session.
TriageRequest MakeTriageRequest(std::string_view code, double days,
                                SymptomSeverity severity = types::v1::SYMPTOM_SEVERITY_MILD,
                                std::string_view language = "");

// TriageSymptom(rules, request); fails the test when it returns an error.
TriageResponse TriageOrDie(const AftercareRules& rules, const TriageRequest& request);

// An offset of `minutes` from `anchor`.
TimeSpec Offset(types::v1::Anchor anchor, int64_t minutes);
// A LocalTime at `minute_of_day` on day `day_offset` (after `month_offset` months) of `anchor`.
TimeSpec Local(types::v1::Anchor anchor, int day_offset, int minute_of_day, int month_offset = 0);

// Matches a TimeSpec equal to `expected` field by field.
MATCHER_P(TimeIs, expected, "is " + expected.ShortDebugString()) {
  *result_listener << "is " << arg.ShortDebugString();
  return google::protobuf::util::MessageDifferencer::Equals(arg, expected);
}

// The ids of the items, in order.
std::vector<std::string> InstructionIds(const AftercareResponse& response);
std::vector<std::string> EffectIds(const AftercareResponse& response);
std::vector<std::string> MessageIds(const AftercareResponse& response);

// The item with `id`; fails the test and returns an empty one when there is none.
AftercareInstruction Instruction(const AftercareResponse& response, std::string_view id);
PatientMessage Message(const AftercareResponse& response, std::string_view id);

}  // namespace needlework::aftercare::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_AFTERCARE_TEST_SUPPORT_H_
