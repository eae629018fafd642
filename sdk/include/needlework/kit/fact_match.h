// Matching a patient's facts against code sets from config: which conditions, medications,
// allergies, procedures, devices and observations of a PatientFacts a rule is about, each
// with its Evidence.
//
// Which facts count (the rest are ignored):
//  - Conditions: ACTIVE, RECURRENCE, RELAPSE, and UNSPECIFIED (no clinicalStatus: real feeds
//    often omit it; the host drops refuted and entered-in-error ones, so what is left counts as
//    active). With include_condition_history also INACTIVE, REMISSION and RESOLVED (the
//    history).
//  - Medications: ACTIVE, ON_HOLD (paused, expected to resume) and INTENDED (about to
//    start), as the built-in screening plugin counts them. An ingredient match (the host
//    fills Medication.ingredients from RxNorm) is preferred to a match on the code as
//    prescribed, because it names the substance.
//  - Allergies: ACTIVE, and UNSPECIFIED (no clinicalStatus) counted as active.
//  - Procedures: COMPLETED, IN_PROGRESS, and UNSPECIFIED or UNKNOWN (counted as done); not
//    PREPARATION, NOT_DONE, ON_HOLD or STOPPED.
//  - Devices: ACTIVE, and UNSPECIFIED or UNKNOWN (counted as in place); not INACTIVE.
//  - Observations have no status. For each observation code of the set, the latest
//    observation of that code with a numeric value decides (greatest `effective`, compared
//    as text, which orders FHIR dateTimes written alike; among equal ones the one listed
//    last). It matches when its value is below `below` or above `above`.
//
// A look-back window (`within_days`, N) makes time count, against the request's as_of_date
// (see fhir_date.h for how dates are read; a fact that cannot be dated counts, so a rule
// fails toward a clinician's review):
//  - Medications: COMPLETED and STOPPED ones count too when they ended (effective.end) at
//    most N days before as_of, or when no end is recorded (a start or authored date does not
//    tell when a medicine was stopped).
//  - Conditions: INACTIVE, REMISSION and RESOLVED ones count too when they abated at most N
//    days before as_of, or when no abatement is recorded.
//  - Procedures count only when performed (their end) at most N days before as_of, or when
//    that cannot be told (no date, or a start without an end: still going on).
//  - Observations: the latest one decides only when it is dated at most N days before as_of
//    (an older one matches nothing), or carries no date.
//  - Allergies and devices: the window does not apply.
// Facts dated after as_of count as within. Without a window, time does not count.
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
#include "needlework/kit/fhir_date.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::addon {

// What a rule matches in a patient's facts. Immutable once read.
struct FactCriteria {
  CodeSet conditions;
  bool include_condition_history = false;
  CodeSet medications;  // ingredient or product codes (RxNorm)
  CodeSet allergies;    // substance codes (SNOMED CT substances, RxNorm ingredients)
  CodeSet procedures;   // Procedure.code (SNOMED CT, local codes)
  CodeSet devices;      // Device.type (SNOMED CT, local codes)
  CodeSet observations;
  std::optional<double> below;     // an observation matches when its value is < below ...
  std::optional<double> above;     // ... or > above
  std::optional<int> within_days;  // the look-back window (see above); none: time does not count
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
// allergies, procedures, devices, observations (facts in the order given). `as_of_date`
// ("YYYY-MM-DD", the ScreenRequest's as_of_date) ends the look-back window; when it is empty
// every dated fact counts as within.
std::vector<FactMatch> MatchFacts(const FactCriteria& criteria,
                                  const types::v1::PatientFacts& patient,
                                  std::string_view as_of_date = {});

// The config keys ReadFactCriteria reads, for RejectUnknownKeys.
inline const std::vector<std::string_view>& FactCriteriaKeys() {
  static const std::vector<std::string_view> keys = {"conditions",   "include_condition_history",
                                                     "medications",  "allergies",
                                                     "procedures",   "devices",
                                                     "observations", "below",
                                                     "above",        "within_days"};
  return keys;
}

// The longest look-back window a rule may have, in days (100 years).
inline constexpr int kMaxWithinDays = 36500;

// Reads the criteria members of the rule object at `path` (the keys above; code sets as in
// ReadCodeSet; within_days a whole number from 0 to kMaxWithinDays). Records a problem when no
// code set has a code, when observations are given without exactly one of below and above,
// when below or above come without observations, or when within_days comes without a code set
// it applies to (conditions, medications, procedures, observations).
FactCriteria ReadFactCriteria(const Json& rule, std::string_view path, ConfigErrors& errors);

// `value` in its shortest round-trip form, e.g. "150", "7.5".
inline std::string FormatNumber(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// The evidence description of a condition with `status` when it counts without a window (see
// above), e.g. "active condition (relapse)" or "history: resolved condition"; nullptr when it
// does not.
inline const char* ConditionEvidence(types::v1::ConditionStatus status, bool include_history) {
  switch (status) {
    case types::v1::CONDITION_STATUS_UNSPECIFIED:
      return "condition with no clinical status, counted as active";
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

// The description of a condition that counts (see above) under `criteria` on `as_of`, e.g.
// "active condition" or "resolved condition, abated 2026-11-20 (17 days before 2026-12-07)";
// nullopt when it does not count.
inline std::optional<std::string> ConditionState(const FactCriteria& criteria,
                                                 const types::v1::Condition& condition,
                                                 std::string_view as_of) {
  if (const char* state =
          ConditionEvidence(condition.clinical_status(), criteria.include_condition_history)) {
    return state;
  }
  // What is left of the statuses that ConditionEvidence refuses is the history.
  if (!criteria.within_days) return std::nullopt;
  const std::string status = condition.clinical_status() == types::v1::CONDITION_STATUS_REMISSION
                                 ? "condition in remission"
                             : condition.clinical_status() == types::v1::CONDITION_STATUS_INACTIVE
                                 ? "inactive condition"
                                 : "resolved condition";
  if (condition.abatement().empty()) return status + ", abatement date unknown";
  const Recency recency = RecencyOf(condition.abatement(), as_of, *criteria.within_days);
  if (!recency.within) return std::nullopt;
  return status + ", abated " + recency.note;
}

// The description of a medication that counts (see above), e.g. "active medication" or
// "stopped medication, ended 2026-09-01 (97 days before 2026-12-07)"; nullopt when it does not.
inline std::optional<std::string> MedicationState(const FactCriteria& criteria,
                                                  const types::v1::Medication& medication,
                                                  std::string_view as_of) {
  if (const char* state = MedicationEvidence(medication.status())) return state;
  const bool ended = medication.status() == types::v1::MEDICATION_STATUS_COMPLETED ||
                     medication.status() == types::v1::MEDICATION_STATUS_STOPPED;
  if (!criteria.within_days || !ended) return std::nullopt;
  const std::string status = medication.status() == types::v1::MEDICATION_STATUS_COMPLETED
                                 ? "completed medication"
                                 : "stopped medication";
  const std::string& end = medication.effective().end();
  if (end.empty()) return status + ", end date unknown";
  const Recency recency = RecencyOf(end, as_of, *criteria.within_days);
  if (!recency.within) return std::nullopt;
  return status + ", ended " + recency.note;
}

// The description of a procedure that counts (see above), e.g. "procedure performed
// 2026-11-30 (7 days before 2026-12-07)"; nullopt when it does not.
inline std::optional<std::string> ProcedureState(const FactCriteria& criteria,
                                                 const types::v1::Procedure& procedure,
                                                 std::string_view as_of) {
  switch (procedure.status()) {
    case types::v1::PROCEDURE_STATUS_COMPLETED:
    case types::v1::PROCEDURE_STATUS_IN_PROGRESS:
    case types::v1::PROCEDURE_STATUS_UNSPECIFIED:
    case types::v1::PROCEDURE_STATUS_UNKNOWN:
      break;
    default:
      return std::nullopt;
  }
  const types::v1::Period& performed = procedure.performed();
  if (performed.end().empty()) {
    if (performed.start().empty()) return std::string("procedure, date unknown");
    return "procedure from " + performed.start().substr(0, 10) + ", no end recorded";
  }
  if (!criteria.within_days) return "procedure performed " + performed.end().substr(0, 10);
  const Recency recency = RecencyOf(performed.end(), as_of, *criteria.within_days);
  if (!recency.within) return std::nullopt;
  return "procedure performed " + recency.note;
}

// The description of a device that counts (see above); nullptr when it does not.
inline const char* DeviceState(types::v1::DeviceStatus status) {
  switch (status) {
    case types::v1::DEVICE_STATUS_ACTIVE:
      return "active device";
    case types::v1::DEVICE_STATUS_UNSPECIFIED:
      return "device with no status, counted as in place";
    case types::v1::DEVICE_STATUS_UNKNOWN:
      return "device of unknown status, counted as in place";
    default:
      return nullptr;
  }
}

inline void MatchConditions(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                            std::string_view as_of, std::vector<FactMatch>& out) {
  if (criteria.conditions.empty()) return;
  for (const auto& condition : patient.conditions()) {
    const types::v1::Coding* coding = criteria.conditions.FirstIn(condition.codes());
    if (coding == nullptr) continue;
    std::optional<std::string> state = ConditionState(criteria, condition, as_of);
    if (!state) continue;
    out.push_back(MatchOf(criteria.conditions, *coding, condition.text(), condition.source_ref(),
                          std::move(*state)));
  }
}

inline void MatchMedications(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                             std::string_view as_of, std::vector<FactMatch>& out) {
  if (criteria.medications.empty()) return;
  for (const auto& medication : patient.medications()) {
    const auto* ingredient = criteria.medications.FirstIn(medication.ingredients());
    const auto* product =
        ingredient != nullptr ? nullptr : criteria.medications.FirstIn(medication.codes());
    if (ingredient == nullptr && product == nullptr) continue;
    std::optional<std::string> state = MedicationState(criteria, medication, as_of);
    if (!state) continue;
    if (ingredient != nullptr) {
      FactMatch match = MatchOf(criteria.medications, *ingredient, "", medication.source_ref(), "");
      match.evidence.set_description(*state + ", ingredient " + match.name);
      out.push_back(std::move(match));
    } else {
      out.push_back(MatchOf(criteria.medications, *product, medication.text(),
                            medication.source_ref(), std::move(*state)));
    }
  }
}

inline void MatchAllergies(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                           std::vector<FactMatch>& out) {
  if (criteria.allergies.empty()) return;
  for (const auto& allergy : patient.allergies()) {
    const char* state = allergy.clinical_status() == types::v1::ALLERGY_STATUS_ACTIVE
                            ? "active allergy"
                        : allergy.clinical_status() == types::v1::ALLERGY_STATUS_UNSPECIFIED
                            ? "allergy with no clinical status, counted as active"
                            : nullptr;
    if (state == nullptr) continue;
    if (const auto* coding = criteria.allergies.FirstIn(allergy.codes())) {
      out.push_back(
          MatchOf(criteria.allergies, *coding, allergy.text(), allergy.source_ref(), state));
    }
  }
}

inline void MatchProcedures(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                            std::string_view as_of, std::vector<FactMatch>& out) {
  if (criteria.procedures.empty()) return;
  for (const auto& procedure : patient.procedures()) {
    const types::v1::Coding* coding = criteria.procedures.FirstIn(procedure.codes());
    if (coding == nullptr) continue;
    std::optional<std::string> state = ProcedureState(criteria, procedure, as_of);
    if (!state) continue;
    out.push_back(MatchOf(criteria.procedures, *coding, procedure.text(), procedure.source_ref(),
                          std::move(*state)));
  }
}

inline void MatchDevices(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                         std::vector<FactMatch>& out) {
  if (criteria.devices.empty()) return;
  for (const auto& device : patient.devices()) {
    const char* state = DeviceState(device.status());
    const types::v1::Coding* coding = criteria.devices.FirstIn(device.codes());
    if (state == nullptr || coding == nullptr) continue;
    out.push_back(MatchOf(criteria.devices, *coding, device.text(), device.source_ref(), state));
  }
}

// "below 150", "above 7.5": the threshold `value` crosses, or "" when it crosses none.
inline std::string CrossedThreshold(const FactCriteria& criteria, double value) {
  if (criteria.below && value < *criteria.below) return "below " + FormatNumber(*criteria.below);
  if (criteria.above && value > *criteria.above) return "above " + FormatNumber(*criteria.above);
  return "";
}

}  // namespace internal

// How the latest observation `observation` of a code stands against `criteria`'s window on
// `as_of`: the evidence's opening words ("latest observation" or "latest observation,
// 2026-11-01 (36 days before 2026-12-07)"); nullopt when it is older than the window, so it
// decides nothing.
inline std::optional<std::string> LatestObservationState(const FactCriteria& criteria,
                                                         const types::v1::Observation& observation,
                                                         std::string_view as_of) {
  if (!criteria.within_days) return std::string("latest observation");
  const std::string& date =
      observation.effective_end().empty() ? observation.effective() : observation.effective_end();
  const Recency recency = RecencyOf(date, as_of, *criteria.within_days);
  if (!recency.within) return std::nullopt;
  return "latest observation, " + recency.note;
}

namespace internal {

inline void MatchObservations(const FactCriteria& criteria, const types::v1::PatientFacts& patient,
                              std::string_view as_of, std::vector<FactMatch>& out) {
  if (criteria.observations.empty()) return;
  for (const auto& [observation, coding] : LatestObservations(criteria, patient)) {
    const std::string crossed = CrossedThreshold(criteria, observation->value());
    if (crossed.empty()) continue;
    std::optional<std::string> state = LatestObservationState(criteria, *observation, as_of);
    if (!state) continue;
    std::string value = FormatNumber(observation->value());
    if (!observation->unit().empty()) value += " " + observation->unit();
    FactMatch match = MatchOf(criteria.observations, *coding, "", observation->source_ref(),
                              *state + ", value " + value + " (" + crossed + ")");
    match.name = match.evidence.code().display() + " " + value;
    out.push_back(std::move(match));
  }
}

}  // namespace internal

inline std::vector<FactMatch> MatchFacts(const FactCriteria& criteria,
                                         const types::v1::PatientFacts& patient,
                                         std::string_view as_of_date) {
  std::vector<FactMatch> matches;
  internal::MatchConditions(criteria, patient, as_of_date, matches);
  internal::MatchMedications(criteria, patient, as_of_date, matches);
  internal::MatchAllergies(criteria, patient, matches);
  internal::MatchProcedures(criteria, patient, as_of_date, matches);
  internal::MatchDevices(criteria, patient, matches);
  internal::MatchObservations(criteria, patient, as_of_date, matches);
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
  criteria.procedures = ReadCodeSet(rule, path, "procedures", false, errors);
  criteria.devices = ReadCodeSet(rule, path, "devices", false, errors);
  criteria.observations = ReadCodeSet(rule, path, "observations", false, errors);
  criteria.below = config::ReadNumber(rule, path, "below", errors);
  criteria.above = config::ReadNumber(rule, path, "above", errors);
  if (rule.contains("within_days")) {
    criteria.within_days =
        config::ReadInt(rule, path, "within_days", 0, kMaxWithinDays, std::nullopt, errors);
    if (criteria.conditions.empty() && criteria.medications.empty() &&
        criteria.procedures.empty() && criteria.observations.empty()) {
      errors.Add(config::JoinPath(path, "within_days"),
                 "applies to conditions, medications, procedures and observations; this rule "
                 "has none");
    }
  }
  if (criteria.conditions.empty() && criteria.medications.empty() && criteria.allergies.empty() &&
      criteria.procedures.empty() && criteria.devices.empty() && criteria.observations.empty()) {
    errors.Add(path,
               "needs at least one code in conditions, medications, allergies, procedures, "
               "devices or observations (to switch the rule off, set \"enabled\": false)");
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
