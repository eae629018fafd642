// Checks every code of an add-on's default screening rules against the plugin itself: for
// each rule and each code of its conditions, medications, allergies and devices, a patient with
// only that fact, current, gets exactly that rule with the rule's outcome; the same fact no longer
// current (resolved, stopped, inactive, removed) gets nothing. Observation codes are checked on
// both sides of the threshold. So a code in the config that the matching cannot reach, or a rule
// whose outcome drifts from its documentation, fails the test of that plugin.
#ifndef NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_DEFAULT_RULES_CHECK_H_
#define NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_DEFAULT_RULES_CHECK_H_

#include <functional>
#include <map>
#include <string>

#include "plugins/addon_support/addon_test_support.h"

namespace needlework::addon::testing {

// The outcome a rule's "outcome" name stands for.
inline types::v1::Outcome OutcomeNamed(const std::string& name) {
  static const std::map<std::string, types::v1::Outcome> kOutcomes = {
      {"eligible_with_caution", types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION},
      {"review_required", types::v1::OUTCOME_REVIEW_REQUIRED},
      {"consult_required", types::v1::OUTCOME_CONSULT_REQUIRED},
      {"defer", types::v1::OUTCOME_DEFER},
      {"refer", types::v1::OUTCOME_REFER},
      {"contraindicated", types::v1::OUTCOME_CONTRAINDICATED}};
  return kOutcomes.at(name);
}

// Screens facts for the add-on under test with its default config.
using ScreenFacts = std::function<ScreenResponse(const PatientFacts&)>;

// One fact for `key` ("system|code") of kind `kind` ("conditions", "medications",
// "allergies", "devices"), current or not (a device INACTIVE: removed).
inline PatientFacts OneFact(const std::string& kind, const std::string& key, bool current) {
  const size_t bar = key.rfind('|');
  const std::string system = key.substr(0, bar);
  const std::string code = key.substr(bar + 1);
  PatientFacts facts;
  if (kind == "conditions") {
    AddCondition(
        facts, system, code,
        current ? types::v1::CONDITION_STATUS_ACTIVE : types::v1::CONDITION_STATUS_RESOLVED);
  } else if (kind == "medications") {
    AddMedication(
        facts, "900000" + code, code, "",
        current ? types::v1::MEDICATION_STATUS_ACTIVE : types::v1::MEDICATION_STATUS_STOPPED);
  } else if (kind == "devices") {
    auto* device = facts.add_devices();
    *device->add_codes() = MakeCoding(system, code);
    device->set_status(current ? types::v1::DEVICE_STATUS_ACTIVE
                               : types::v1::DEVICE_STATUS_INACTIVE);
    device->set_source_ref("Device/" + code);
  } else {
    AddAllergy(facts, system, code,
               current ? types::v1::ALLERGY_STATUS_ACTIVE : types::v1::ALLERGY_STATUS_INACTIVE);
  }
  return facts;
}

// Expects `screen` to answer exactly rule `id` (with its outcome) for each code of
// `rule`, and nothing for the same facts no longer current.
inline void ExpectEveryCodeOfTheRuleFires(const std::string& id, const Json& rule,
                                          const ScreenFacts& screen) {
  const types::v1::Outcome outcome = OutcomeNamed(rule.at("outcome"));
  for (const char* kind : {"conditions", "medications", "allergies", "devices"}) {
    if (!rule.contains(kind)) continue;
    for (const auto& [key, display] : rule.at(kind).items()) {
      ScreenResponse current = screen(OneFact(kind, key, true));
      EXPECT_THAT(RuleIds(current), ElementsAre(id)) << key;
      EXPECT_EQ(current.outcome(), outcome) << key;
      EXPECT_THAT(screen(OneFact(kind, key, false)).findings(), IsEmpty()) << key << " not current";
    }
  }
  if (!rule.contains("observations")) return;
  const double below = rule.at("below");
  for (const auto& [key, display] : rule.at("observations").items()) {
    const size_t bar = key.rfind('|');
    const std::string system = key.substr(0, bar);
    const std::string code = key.substr(bar + 1);
    PatientFacts low, at_threshold;
    AddObservation(low, system, code, below - 0.5, "", "2026-01-05");
    AddObservation(at_threshold, system, code, below, "", "2026-01-05");
    EXPECT_THAT(RuleIds(screen(low)), ElementsAre(id)) << key;
    EXPECT_THAT(screen(at_threshold).findings(), IsEmpty()) << key << " at the threshold";
  }
}

// ExpectEveryCodeOfTheRuleFires for every rule of `default_config_json`.
inline void ExpectEveryDefaultCodeFires(std::string_view default_config_json,
                                        const ScreenFacts& screen) {
  const Json config = Json::parse(default_config_json);
  for (const auto& [id, rule] : config.at("rules").items()) {
    SCOPED_TRACE("rule " + id);
    ExpectEveryCodeOfTheRuleFires(id, rule, screen);
  }
}

}  // namespace needlework::addon::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_DEFAULT_RULES_CHECK_H_
