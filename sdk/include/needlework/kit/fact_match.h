// Matching a patient's facts against code sets from config: which conditions, medications,
// allergies and observations of a PatientFacts a rule is about, each with its Evidence.
//
// Which facts count (the rest are ignored):
//  - Conditions: ACTIVE, RECURRENCE, RELAPSE. With include_condition_history also INACTIVE,
//    REMISSION and RESOLVED (the history). UNSPECIFIED never counts.
//  - Medications: ACTIVE, ON_HOLD (paused, expected to resume) and INTENDED (about to
//    start), as the built-in screening plugin counts them. An ingredient match (the host
//    fills Medication.ingredients from RxNorm) is preferred to a match on the code as
//    prescribed, because it names the substance.
//  - Allergies: ACTIVE only.
//  - Observations have no status. For each observation code of the set, the latest
//    observation of that code with a numeric value decides (greatest `effective`, compared
//    as text, which orders FHIR dateTimes written alike; among equal ones the one listed
//    last). It matches when its value is below `below` or above `above`.
// Header-only.
#ifndef NEEDLEWORK_KIT_FACT_MATCH_H_
#define NEEDLEWORK_KIT_FACT_MATCH_H_

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "needlework/kit/code_set.h"
#include "needlework/kit/config_reader.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::addon {

// What a rule matches in a patient's facts. Immutable once read.
struct FactCriteria {
  CodeSet conditions;
  bool include_condition_history = false;
  CodeSet medications;  // ingredient or product codes (RxNorm)
  CodeSet allergies;    // substance codes (SNOMED CT substances, RxNorm ingredients)
  CodeSet observations;
  std::optional<double> below;  // an observation matches when its value is < below ...
  std::optional<double> above;  // ... or > above
};

// One fact that matched.
struct FactMatch {
  // The matching coding (its display filled from the config when the fact has none), the
  // fact's source_ref and a description such as "active medication, ingredient apixaban".
  types::v1::Evidence evidence;
  // How a summary names the fact: the coding's display, else the fact's text, else the
  // config's display; an ingredient by its own display, else the config's; an observation
  // with its value and unit, e.g. "Platelets 120 10*3/uL".
  std::string name;
};

// Every fact of `patient` that `criteria` matches, in the order conditions, medications,
// allergies, observations (facts in the order given).
std::vector<FactMatch> MatchFacts(const FactCriteria& criteria,
                                  const types::v1::PatientFacts& patient);

// The config keys ReadFactCriteria reads, for RejectUnknownKeys.
inline const std::vector<std::string_view>& FactCriteriaKeys() {
  static const std::vector<std::string_view> keys = {"conditions",   "include_condition_history",
                                                     "medications",  "allergies",
                                                     "observations", "below",
                                                     "above"};
  return keys;
}

// Reads the criteria members of the rule object at `path` (the keys above; code sets as in
// ReadCodeSet). Records a problem when no code set has a code, when observations are given
// without exactly one of below and above, or when below or above come without observations.
FactCriteria ReadFactCriteria(const Json& rule, std::string_view path, ConfigErrors& errors);

// `value` in its shortest round-trip form, e.g. "150", "7.5".
inline std::string FormatNumber(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// The evidence description of a condition with `status` when it counts (see above), e.g.
// "active condition (relapse)" or "history: resolved condition"; nullptr when it does not.
inline const char* ConditionEvidence(types::v1::ConditionStatus status, bool include_history) {
  switch (status) {
    case types::v1::CONDITION_STATUS_ACTIVE:
      return "active condition";
    case types::v1::CONDITION_STATUS_RECURRENCE:
      return "active condition (recurrence)";
    case types::v1::CONDITION_STATUS_RELAPSE:
      return "active condition (relapse)";
    case types::v1::CONDITION_STATUS_INACTIVE:
      return include_history ? "history: inactive condition" : nullptr;
    case types::v1::CONDITION_STATUS_REMISSION:
      return include_history ? "history: condition in remission" : nullptr;
    case types::v1::CONDITION_STATUS_RESOLVED:
      return include_history ? "history: resolved condition" : nullptr;
    default:
      return nullptr;
  }
}

// The evidence description of a medication with `status` when it counts (see above), e.g.
// "medication on hold"; nullptr when it does not.
inline const char* MedicationEvidence(types::v1::MedicationStatus status) {
  switch (status) {
    case types::v1::MEDICATION_STATUS_ACTIVE:
      return "active medication";
    case types::v1::MEDICATION_STATUS_ON_HOLD:
      return "medication on hold";
    case types::v1::MEDICATION_STATUS_INTENDED:
      return "intended medication";
    default:
      return nullptr;
  }
}

// The match of `coding`, which `set` holds, in a fact with `source_ref`: the evidence and
// the name described above; `text` is the fact's own wording ("" for none).
inline FactMatch MatchOf(const CodeSet& set, const types::v1::Coding& coding,
                         const std::string& text, const std::string& source_ref,
                         std::string description) {
  const std::string& configured = *set.Find(coding);
  FactMatch match;
  *match.evidence.mutable_code() = coding;
  if (coding.display().empty()) match.evidence.mutable_code()->set_display(configured);
  match.evidence.set_source_ref(source_ref);
  match.evidence.set_description(std::move(description));
  match.name = !coding.display().empty() ? coding.display() : !text.empty() ? text : configured;
  return match;
}

// For each observation code of `criteria`, the latest observation of `patient` with a numeric
// value and the coding of it that criteria.observations holds, in order of first appearance
// (pointers into `patient` and its observations).
inline std::vector<std::pair<const types::v1::Observation*, const types::v1::Coding*>>
LatestObservations(const FactCriteria& criteria, const types::v1::PatientFacts& patient) {
  std::vector<std::pair<const types::v1::Observation*, const types::v1::Coding*>> latest;
  for (const auto& observation : patient.observations()) {
    const types::v1::Coding* coding = criteria.observations.FirstIn(observation.codes());
    if (!observation.has_value() || coding == nullptr) continue;
    auto same = std::find_if(latest.begin(), latest.end(), [&](const auto& seen) {
      return CodeKey(*seen.second) == CodeKey(*coding);
    });
    if (same == latest.end()) {
      latest.emplace_back(&observation, coding);
    } else if (observation.effective() >= same->first->effective()) {
      *same = {&observation, coding};
    }
  }
  return latest;
}

namespace internal {

inline void MatchConditions(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                            std::vector<FactMatch>& out) {
  if (criteria.conditions.empty()) return;
  for (const auto& condition : patient.conditions()) {
    const char* state =
        ConditionEvidence(condition.clinical_status(), criteria.include_condition_history);
    const types::v1::Coding* coding = criteria.conditions.FirstIn(condition.codes());
    if (state == nullptr || coding == nullptr) continue;
    out.push_back(
        MatchOf(criteria.conditions, *coding, condition.text(), condition.source_ref(), state));
  }
}

inline void MatchMedications(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                             std::vector<FactMatch>& out) {
  if (criteria.medications.empty()) return;
  for (const auto& medication : patient.medications()) {
    const char* state = MedicationEvidence(medication.status());
    if (state == nullptr) continue;
    if (const auto* ingredient = criteria.medications.FirstIn(medication.ingredients())) {
      FactMatch match = MatchOf(criteria.medications, *ingredient, "", medication.source_ref(), "");
      match.evidence.set_description(std::string(state) + ", ingredient " + match.name);
      out.push_back(std::move(match));
    } else if (const auto* product = criteria.medications.FirstIn(medication.codes())) {
      out.push_back(MatchOf(criteria.medications, *product, medication.text(),
                            medication.source_ref(), state));
    }
  }
}

inline void MatchAllergies(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                           std::vector<FactMatch>& out) {
  if (criteria.allergies.empty()) return;
  for (const auto& allergy : patient.allergies()) {
    if (allergy.clinical_status() != types::v1::ALLERGY_STATUS_ACTIVE) continue;
    if (const auto* coding = criteria.allergies.FirstIn(allergy.codes())) {
      out.push_back(MatchOf(criteria.allergies, *coding, allergy.text(), allergy.source_ref(),
                            "active allergy"));
    }
  }
}

// "below 150", "above 7.5": the threshold `value` crosses, or "" when it crosses none.
inline std::string CrossedThreshold(const FactCriteria& criteria, double value) {
  if (criteria.below && value < *criteria.below) return "below " + FormatNumber(*criteria.below);
  if (criteria.above && value > *criteria.above) return "above " + FormatNumber(*criteria.above);
  return "";
}

inline void MatchObservations(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                              std::vector<FactMatch>& out) {
  if (criteria.observations.empty()) return;
  for (const auto& [observation, coding] : LatestObservations(criteria, patient)) {
    const std::string crossed = CrossedThreshold(criteria, observation->value());
    if (crossed.empty()) continue;
    std::string value = FormatNumber(observation->value());
    if (!observation->unit().empty()) value += " " + observation->unit();
    FactMatch match = MatchOf(criteria.observations, *coding, "", observation->source_ref(),
                              "latest observation, value " + value + " (" + crossed + ")");
    match.name = match.evidence.code().display() + " " + value;
    out.push_back(std::move(match));
  }
}

}  // namespace internal

inline std::vector<FactMatch> MatchFacts(const FactCriteria& criteria,
                                         const types::v1::PatientFacts& patient) {
  std::vector<FactMatch> matches;
  internal::MatchConditions(criteria, patient, matches);
  internal::MatchMedications(criteria, patient, matches);
  internal::MatchAllergies(criteria, patient, matches);
  internal::MatchObservations(criteria, patient, matches);
  return matches;
}

inline FactCriteria ReadFactCriteria(const Json& rule, std::string_view path,
                                     ConfigErrors& errors) {
  FactCriteria criteria;
  criteria.conditions = ReadCodeSet(rule, path, "conditions", false, errors);
  criteria.include_condition_history =
      config::ReadBool(rule, path, "include_condition_history", false, errors);
  criteria.medications = ReadCodeSet(rule, path, "medications", false, errors);
  criteria.allergies = ReadCodeSet(rule, path, "allergies", false, errors);
  criteria.observations = ReadCodeSet(rule, path, "observations", false, errors);
  criteria.below = config::ReadNumber(rule, path, "below", errors);
  criteria.above = config::ReadNumber(rule, path, "above", errors);
  if (criteria.conditions.empty() && criteria.medications.empty() && criteria.allergies.empty() &&
      criteria.observations.empty()) {
    errors.Add(path,
               "needs at least one code in conditions, medications, allergies or "
               "observations (to switch the rule off, set \"enabled\": false)");
  }
  const bool has_threshold = rule.contains("below") || rule.contains("above");
  if (!criteria.observations.empty() && rule.contains("below") == rule.contains("above")) {
    errors.Add(path, "observations need exactly one of \"below\" and \"above\"");
  } else if (criteria.observations.empty() && has_threshold) {
    errors.Add(path, "\"below\" and \"above\" go with observations");
  }
  return criteria;
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_FACT_MATCH_H_
