#include "plugins/screening/fact_matching.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/kit/fact_match.h"

namespace needlework::screening {
namespace {

using google::protobuf::RepeatedPtrField;
using types::v1::Coding;
using types::v1::Finding;
using types::v1::PatientFacts;

// A coding of a fact that is in a value set, with the display the config gives it.
struct Match {
  const Coding* coding = nullptr;
  const std::string* display = nullptr;
  explicit operator bool() const { return coding != nullptr; }
};

Match FindIn(const ValueSet& set, const RepeatedPtrField<Coding>& codings) {
  for (const Coding& coding : codings) {
    if (const std::string* display = set.Find(coding)) return {&coding, display};
  }
  return {};
}

// How a message names the matched concept: the fact's own display, else the config's.
const std::string& NameOf(const Match& match) {
  return match.coding->display().empty() ? *match.display : match.coding->display();
}

void AddEvidence(const Match& match, const std::string& source_ref, std::string description,
                 Finding* finding) {
  types::v1::Evidence* evidence = finding->add_evidence();
  *evidence->mutable_code() = *match.coding;
  if (match.coding->display().empty()) evidence->mutable_code()->set_display(*match.display);
  evidence->set_source_ref(source_ref);
  evidence->set_description(std::move(description));
}

void MatchConditions(const Rule& rule, const PatientFacts& patient, Finding* finding) {
  if (rule.conditions.empty()) return;
  for (const types::v1::Condition& condition : patient.conditions()) {
    // Which statuses count, and how evidence names them, is the SDK's (fact_match.h).
    const char* state =
        addon::ConditionEvidence(condition.clinical_status(), rule.include_condition_history);
    if (state == nullptr) continue;
    if (Match match = FindIn(rule.conditions, condition.codes())) {
      AddEvidence(match, condition.source_ref(), state, finding);
    }
  }
}

// An ingredient match is preferred: it says which substance triggered the rule.
void MatchMedications(const Rule& rule, const PatientFacts& patient, Finding* finding) {
  if (rule.medications.empty()) return;
  for (const types::v1::Medication& medication : patient.medications()) {
    const char* state = addon::MedicationEvidence(medication.status());
    if (state == nullptr) continue;
    if (Match match = FindIn(rule.medications, medication.ingredients())) {
      AddEvidence(match, medication.source_ref(),
                  std::string(state) + ", ingredient " + NameOf(match), finding);
    } else if (Match product = FindIn(rule.medications, medication.codes())) {
      AddEvidence(product, medication.source_ref(), state, finding);
    }
  }
}

void MatchAllergies(const Rule& rule, const PatientFacts& patient, Finding* finding) {
  if (rule.allergies.empty()) return;
  for (const types::v1::Allergy& allergy : patient.allergies()) {
    if (allergy.clinical_status() != types::v1::ALLERGY_STATUS_ACTIVE) continue;
    if (Match match = FindIn(rule.allergies, allergy.codes())) {
      AddEvidence(match, allergy.source_ref(), "active allergy", finding);
    }
  }
}

struct LatestObservation {
  std::string key;  // "system|code" of the matched coding
  const types::v1::Observation* observation;
  Match match;
};

// For each observation code of `rule`, the latest observation with a numeric value.
std::vector<LatestObservation> LatestPerCode(const Rule& rule, const PatientFacts& patient) {
  std::vector<LatestObservation> latest;
  for (const types::v1::Observation& observation : patient.observations()) {
    if (!observation.has_value()) continue;
    Match match = FindIn(rule.observations, observation.codes());
    if (!match) continue;
    std::string key = CodingKey(match.coding->system(), match.coding->code());
    auto it = std::find_if(latest.begin(), latest.end(),
                           [&](const LatestObservation& seen) { return seen.key == key; });
    if (it == latest.end()) {
      latest.push_back({std::move(key), &observation, match});
    } else if (observation.effective() >= it->observation->effective()) {
      *it = {std::move(key), &observation, match};
    }
  }
  return latest;
}

void MatchObservations(const Rule& rule, const PatientFacts& patient, Finding* finding) {
  if (rule.observations.empty() || !rule.min_value) return;
  for (const LatestObservation& latest : LatestPerCode(rule, patient)) {
    double value = latest.observation->value();
    if (!(value >= *rule.min_value)) continue;
    AddEvidence(latest.match, latest.observation->source_ref(),
                "latest observation, value " + addon::FormatNumber(value) + " (threshold " +
                    addon::FormatNumber(*rule.min_value) + ")",
                finding);
  }
}

}  // namespace

void CollectEvidence(const Rule& rule, const PatientFacts& patient, Finding* finding) {
  MatchConditions(rule, patient, finding);
  MatchMedications(rule, patient, finding);
  MatchAllergies(rule, patient, finding);
  MatchObservations(rule, patient, finding);
}

}  // namespace needlework::screening
