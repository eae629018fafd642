// Today's default config and clinics' patches answer as they always have: the aftercare of
// first, middle and last sessions in every language, and the triage of every configured
// symptom at several times and severities, under each config, compared with
// tests/fixtures/plugins/golden/aftercare.txt.
#include <gtest/gtest.h>

#include <string>

#include "plugins/aftercare/test_support.h"
#include "plugins/golden_support.h"

namespace needlework::aftercare {
namespace {

using namespace needlework::aftercare::testing;  // NOLINT(build/namespaces)
using needlework::testing::GoldenText;

// The patches the README and the tests use, and the first is no patch at all.
constexpr const char* kPatches[] = {
    R"({})",
    R"({"instructions": {"avoid-sun": {"until_hours": 72}}})",
    R"({"messages": {"day-7": {"enabled": false}}})",
    R"({"languages": {"en": {"messages": {"evening": "Rest well after session {session_number}."}}}})",
    R"({"default_language": "fr"})",
    R"({"instructions": {"spf": {"until_hours": null}}})",
};

std::string AftercareUnder(const AftercareRules& rules) {
  std::string answers;
  for (const char* language : {"", "en", "fr"}) {
    for (const auto& [index, count] : {std::pair{0, 1}, {0, 3}, {1, 3}, {2, 3}}) {
      answers += GoldenText(AftercareOrDie(rules, MakeAftercareRequest(index, count, language)));
    }
  }
  return answers;
}

std::string TriageUnder(const AftercareRules& rules, const Json& config) {
  std::string answers;
  for (const auto& [symptom, rule] : config["triage"]["symptoms"].items()) {
    for (double days : {0.5, 2.5, 8.0, 30.0}) {
      for (auto severity : {types::v1::SYMPTOM_SEVERITY_MILD, types::v1::SYMPTOM_SEVERITY_SEVERE}) {
        answers += "# triage " + symptom + "\n";
        answers += GoldenText(TriageOrDie(rules, MakeTriageRequest(symptom, days, severity, "fr")));
      }
    }
  }
  return answers;
}

TEST(GoldenTest, DefaultAndPatchedConfigsAnswerAsBefore) {
  std::string answers;
  for (const char* patch : kPatches) {
    const Json config = Json::parse(PatchedConfig(Json::parse(patch)));
    const AftercareRules rules = CompileOrDie(Json::parse(patch));
    answers += "# patch " + Json::parse(patch).dump() + "\n";
    answers += AftercareUnder(rules) + TriageUnder(rules, config);
  }
  needlework::testing::ExpectGolden("aftercare.txt", answers);
}

}  // namespace
}  // namespace needlework::aftercare
