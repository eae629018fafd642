// Configs the plugin refuses, and the messages that tell an admin what to fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "plugins/screening/config.h"
#include "plugins/screening/embedded_config.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

StatusOr<RuleSet> CompilePatched(const char* patch) {
  return CompileConfig(PatchedConfig(Json::parse(patch)));
}

// A config where `pointer` (a JSON pointer) is set to `value`, bypassing merge patch (which
// cannot put a null into the result).
std::string WithValue(const std::string& pointer, const Json& value) {
  Json config = Json::parse(kDefaultConfigJson);
  config[Json::json_pointer(pointer)] = value;
  return config.dump();
}

TEST(ConfigValidationTest, DefaultConfigCompiles) {
  StatusOr<RuleSet> rules = CompileConfig(kDefaultConfigJson);
  ASSERT_THAT(rules, IsOk());
  EXPECT_EQ(rules->rules.size(), Json::parse(kDefaultConfigJson)["rules"].size());
  EXPECT_TRUE(rules->indication.has_value());
  EXPECT_TRUE(rules->not_an_indication.has_value());
}

TEST(ConfigValidationTest, UnknownOutcomeNameIsRefusedWithTheChoices) {
  EXPECT_THAT(CompilePatched(R"({"rules": {"active-acne": {"outcome": "later"}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.active-acne.outcome: \"later\" is not one of eligible, "
                                 "eligible_with_caution, review_required, consult_required, "
                                 "defer, refer, contraindicated")));
}

TEST(ConfigValidationTest, ValueSetKeyWithoutSystemIsRefused) {
  EXPECT_THAT(
      CompilePatched(R"({"rules": {"active-acne": {"conditions": {"88616000": "Acne"}}}})"),
      StatusIs(
          StatusCode::kInvalidArgument,
          HasSubstr("rules.active-acne.conditions: key \"88616000\" must be \"system|code\"")));
}

TEST(ConfigValidationTest, ValueSetKeyWhoseSystemIsNotAUriIsRefused) {
  EXPECT_THAT(
      CompilePatched(R"({"rules": {"eczema": {"conditions": {"snomed|43116000": "Eczema"}}}})"),
      StatusIs(StatusCode::kInvalidArgument,
               HasSubstr("rules.eczema.conditions: key \"snomed|43116000\": system \"snomed\" "
                         "must be an absolute URI")));
}

TEST(ConfigValidationTest, ValueSetKeysWithEmptyPartsOrTwoBarsAreRefused) {
  for (const char* key : {"http://snomed.info/sct|", "|123", "a:b|1|2", "http://x| 1"}) {
    Json patch = {{"indications", {{key, "Something"}}}};
    EXPECT_THAT(CompileConfig(PatchedConfig(patch)),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("indications: key")))
        << key;
  }
}

TEST(ConfigValidationTest, ValueSetDisplayMustBeAString) {
  EXPECT_THAT(CompilePatched(R"({"indications": {"urn:x|y": true}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("indications[\"urn:x|y\"]: display must be a non-empty "
                                 "string, not true")));
  EXPECT_THAT(CompileConfig(WithValue("/rules/eczema/conditions/http:~1~1snomed.info~1sct|43116000",
                                      nullptr)),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("not null")));
}

TEST(ConfigValidationTest, UnknownKeyInARuleIsRefused) {
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"outcomes": "defer"}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("rules.eczema: unknown key \"outcomes\""),
                             HasSubstr("known keys: enabled, display, outcome"))));
}

TEST(ConfigValidationTest, UnknownTopLevelAndConcernFindingKeysAreRefused) {
  EXPECT_THAT(CompilePatched(R"({"indication": {}})"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("unknown key \"indication\"")));
  EXPECT_THAT(
      CompilePatched(R"({"concern_findings": {"other": {}}})"),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("concern_findings: unknown key \"other\"")));
  EXPECT_THAT(CompilePatched(R"({"concern_findings": {"indication": {"conditions": {}}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("concern_findings.indication: unknown key \"conditions\"")));
}

TEST(ConfigValidationTest, SummaryOf140CharactersIsRefused) {
  Json patch = {{"rules", {{"eczema", {{"summary", std::string(140, 'x')}}}}}};
  EXPECT_THAT(CompileConfig(PatchedConfig(patch)),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.eczema.summary: must be under 140 characters (CDS Hooks "
                                 "card summary); it has 140")));
}

TEST(ConfigValidationTest, SummaryLengthCountsCharactersNotBytes) {
  std::string summary;
  for (int i = 0; i < 139; ++i) summary += "\xC3\xA9";  // 139 characters, 278 bytes
  Json patch = {{"rules", {{"eczema", {{"summary", summary}}}}}};
  EXPECT_THAT(CompileConfig(PatchedConfig(patch)), IsOk());
}

TEST(ConfigValidationTest, ObservationsNeedAThreshold) {
  EXPECT_THAT(CompilePatched(R"({"rules": {"severe-laxity": {"min_value": null}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.severe-laxity.min_value: observations need exactly one "
                                 "of min_value, above and below")));
  EXPECT_THAT(CompilePatched(R"({"rules": {"severe-laxity": {"min_value": "3"}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.severe-laxity.min_value: must be a number, not \"3\"")));
}

TEST(ConfigValidationTest, RuleIdsAreLowerCaseHyphenatedWordsAndNotReserved) {
  for (const char* id : {"Active-Acne", "acne_", "-acne", "acne--x", "acne x"}) {
    Json patch = {{"rules", {{id, Json::parse(R"({"display": "d", "outcome": "defer",
                                                  "summary": "s", "detail": "d"})")}}}};
    EXPECT_THAT(CompileConfig(PatchedConfig(patch)),
                StatusIs(StatusCode::kInvalidArgument, HasSubstr("rule id must be")))
        << id;
  }
  EXPECT_THAT(CompilePatched(R"({"rules": {"indication": {"display": "d", "outcome": "defer",
                                                          "summary": "s", "detail": "d"}}})"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("reserved")));
}

TEST(ConfigValidationTest, WrongTypesAreNamed) {
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"enabled": "no"}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.eczema.enabled: must be true or false, not \"no\"")));
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"display": 7}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.eczema.display: must be a non-empty string, not 7")));
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"conditions": ["43116000"]}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.eczema.conditions: must be an object")));
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"indicator": "red"}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("rules.eczema.indicator: \"red\" is not one of info, warning, "
                                 "critical")));
}

TEST(ConfigValidationTest, RequiredPartsMissingAreNamed) {
  EXPECT_THAT(
      CompilePatched(R"({"rules": {"eczema": {"detail": null}}})"),
      StatusIs(StatusCode::kInvalidArgument, HasSubstr("rules.eczema.detail: is required")));
  EXPECT_THAT(CompileConfig("{}"), StatusIs(StatusCode::kInvalidArgument,
                                            AllOf(HasSubstr("indications: is required"),
                                                  HasSubstr("concern_findings: is required"),
                                                  HasSubstr("rules: is required"))));
}

TEST(ConfigValidationTest, DisabledRulesAreStillValidated) {
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"enabled": false, "outcome": "soon"}}})"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("rules.eczema.outcome")));
}

TEST(ConfigValidationTest, EveryProblemIsListedAtOnce) {
  EXPECT_THAT(CompilePatched(R"({"rules": {"eczema": {"outcome": "soon"},
                                           "psoriasis": {"extra": 1}}})"),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("rules.eczema.outcome"),
                             HasSubstr("; rules.psoriasis: unknown key \"extra\""))));
}

TEST(ConfigValidationTest, TextThatIsNotAJsonObjectIsRefused) {
  EXPECT_THAT(CompileConfig("{\"rules\": "),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("not valid JSON")));
  EXPECT_THAT(CompileConfig("[1, 2]"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("must be a JSON object")));
}

}  // namespace
}  // namespace needlework::screening
