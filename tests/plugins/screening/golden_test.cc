// Today's default config and clinics' patches answer as they always have: one patient with a
// fact for every code the effective config lists, screened under each config, compared with
// tests/fixtures/plugins/golden/screening.txt.
#include <gtest/gtest.h>

#include <string>

#include "plugins/golden_support.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

// The patches the README and the tests use, and the first is no patch at all.
constexpr const char* kPatches[] = {
    R"({})",
    R"({"rules": {"active-acne": {"outcome": "refer"}}})",
    R"({"rules": {"eczema": {"conditions": {"http://snomed.info/sct|50563003": "Seborrheic dermatitis"}}}})",
    R"({"rules": {"blood-thinners": {"medications": {"http://www.nlm.nih.gov/research/umls/rxnorm|1191": null}}}})",
    R"({"rules": {"psoriasis": {"enabled": false}}})",
    R"({"rules": {"severe-laxity": {"min_value": 2}, "eczema": {"outcome": "defer"}}})",
    R"({"rules": {"active-acne": {"indicator": "info", "summary": "Acne"}},
        "concern_findings": {"not-an-indication": {"enabled": false}}})",
};

Coding CodingOf(const std::string& key, const Json& display) {
  const size_t bar = key.find('|');
  return MakeCoding(key.substr(0, bar), key.substr(bar + 1), display.get<std::string>());
}

// A fact for every code of `rule` (conditions active and resolved, medications active as
// ingredient and on hold as product, allergies active, observations at and below min_value).
void AddFactsOf(const Json& rule, ScreenRequest& request) {
  int ref = request.patient().conditions_size() + request.patient().medications_size();
  auto next = [&ref] { return "Fact/" + std::to_string(++ref); };
  const Json conditions = rule.value("conditions", Json::object());
  for (const auto& [key, display] : conditions.items()) {
    AddCondition(request, CodingOf(key, display), types::v1::CONDITION_STATUS_ACTIVE, next());
    AddCondition(request, CodingOf(key, ""), types::v1::CONDITION_STATUS_RESOLVED, next());
  }
  const Json medications = rule.value("medications", Json::object());
  for (const auto& [key, display] : medications.items()) {
    auto* medication =
        AddMedication(request, RxNorm("0", "Product"), types::v1::MEDICATION_STATUS_ACTIVE, next());
    *medication->add_ingredients() = CodingOf(key, display);
    AddMedication(request, CodingOf(key, ""), types::v1::MEDICATION_STATUS_ON_HOLD, next());
  }
  const Json allergies = rule.value("allergies", Json::object());
  for (const auto& [key, display] : allergies.items()) {
    AddAllergy(request, CodingOf(key, display), types::v1::ALLERGY_STATUS_ACTIVE, next());
  }
  const double min_value = rule.value("min_value", 0.0);
  const Json observations = rule.value("observations", Json::object());
  for (const auto& [key, display] : observations.items()) {
    AddObservation(request, CodingOf(key, display), min_value, "2026-01-01", next());
    AddObservation(request, CodingOf(key, ""), min_value - 1, "2025-01-01", next());
  }
}

ScreenRequest EveryFactOf(const Json& config) {
  ScreenRequest request;
  for (const auto& [id, rule] : config["rules"].items()) AddFactsOf(rule, request);
  for (const auto& [key, display] : config["indications"].items()) {
    *request.add_concerns() = CodingOf(key, "");
  }
  *request.add_concerns() = Concern("hair-loss", "Hair loss");
  return request;
}

TEST(GoldenTest, DefaultAndPatchedConfigsScreenAsBefore) {
  std::string answers;
  for (const char* patch : kPatches) {
    const Json config = Json::parse(PatchedConfig(Json::parse(patch)));
    answers += "# patch " + Json::parse(patch).dump() + "\n";
    answers += needlework::testing::GoldenText(
        ScreenOrDie(CompileOrDie(Json::parse(patch)), EveryFactOf(config)));
  }
  needlework::testing::ExpectGolden("screening.txt", answers);
}

}  // namespace
}  // namespace needlework::screening
