#include "plugins/screening/unrecognised.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "needlework/kit/config_names.h"
#include "plugins/screening/new_finding.h"

namespace needlework::screening {
namespace {

using google::protobuf::RepeatedPtrField;
using types::v1::Coding;
using types::v1::Finding;

// Whether an entry is checked, and if so whether it is active.
enum class Activity { kSkipped, kActive, kInactive };

using Systems = std::set<std::string, std::less<>>;
using CodeSetOf = const addon::CodeSet& (*)(const Rule&);

// The code systems of the enabled rules' code sets `set_of` picks.
Systems SystemsOf(const RuleSet& rules, CodeSetOf set_of) {
  Systems systems;
  for (const Rule& rule : rules.rules) {
    for (const auto& [key, coding] : set_of(rule).entries()) systems.insert(coding.system());
  }
  return systems;
}

// Whether one of `codes` is in a system of `known`; with `known` empty, whether there is any
// coding at all.
bool HasKnownSystem(const RepeatedPtrField<Coding>& codes, const Systems& known) {
  for (const Coding& coding : codes) {
    if (known.empty() || known.count(coding.system()) > 0) return true;
  }
  return false;
}

// Whether an enabled rule lists one of `codes` as a medication.
bool ListedMedication(const RuleSet& rules, const RepeatedPtrField<Coding>& codes) {
  for (const Rule& rule : rules.rules) {
    if (rule.criteria.medications.FirstIn(codes) != nullptr) return true;
  }
  return false;
}

Activity ActivityOf(types::v1::ConditionStatus status) {
  switch (status) {
    case types::v1::CONDITION_STATUS_INACTIVE:
    case types::v1::CONDITION_STATUS_REMISSION:
    case types::v1::CONDITION_STATUS_RESOLVED:
      return Activity::kInactive;
    default:
      return Activity::kActive;
  }
}

Activity ActivityOf(types::v1::MedicationStatus status) {
  switch (status) {
    case types::v1::MEDICATION_STATUS_COMPLETED:
    case types::v1::MEDICATION_STATUS_STOPPED:
      return Activity::kInactive;
    case types::v1::MEDICATION_STATUS_CANCELLED:
    case types::v1::MEDICATION_STATUS_NOT_TAKEN:
    case types::v1::MEDICATION_STATUS_DRAFT:
    case types::v1::MEDICATION_STATUS_ENTERED_IN_ERROR:
      return Activity::kSkipped;
    default:
      return Activity::kActive;
  }
}

Activity ActivityOf(types::v1::AllergyStatus status) {
  return status == types::v1::ALLERGY_STATUS_INACTIVE ||
                 status == types::v1::ALLERGY_STATUS_RESOLVED
             ? Activity::kInactive
             : Activity::kActive;
}

// How an unrecognised entry is named in its finding (see unrecognised.h).
std::string EntryName(const RepeatedPtrField<Coding>& codes, const std::string& text,
                      const std::string& source_ref) {
  if (!text.empty()) return text;
  if (!codes.empty()) {
    return codes[0].display().empty() ? addon::CodeKey(codes[0]) : codes[0].display();
  }
  return source_ref.empty() ? "an entry without text or code" : source_ref;
}

// One unrecognised entry of some kind, as its finding needs it.
struct Entry {
  const RepeatedPtrField<Coding>& codes;
  const std::string& text;
  const std::string& source_ref;
  Activity activity;
  std::string_view kind;  // "condition", "medication", "allergy"
};

// Appends `finding`, or only its evidence to an earlier finding of findings[first...] with the
// same rule, outcome and summary: the same entry repeated (a prescription renewed monthly)
// is one finding.
void AddOrMerge(Finding finding, size_t first, std::vector<Finding>* findings) {
  for (size_t i = first; i < findings->size(); ++i) {
    Finding& earlier = (*findings)[i];
    if (earlier.rule_id() == finding.rule_id() && earlier.outcome() == finding.outcome() &&
        earlier.summary() == finding.summary()) {
      earlier.mutable_evidence()->MergeFrom(finding.evidence());
      return;
    }
  }
  findings->push_back(std::move(finding));
}

// `summary` naming the entry `name`; when that is too long for a summary, the name is cut
// (ending in "…") rather than the summary's own words, then the whole as a last resort.
std::string SummaryNaming(const std::string& summary, const std::string& name) {
  std::string full = addon::ReplaceAll(summary, kEntryPlaceholder, name);
  const size_t length = addon::CodePointCount(full);
  if (length <= addon::kMaxSummaryLength) return full;
  const size_t name_length = addon::CodePointCount(name);
  const size_t excess = length - addon::kMaxSummaryLength;
  if (full != summary && excess < name_length) {
    full = addon::ReplaceAll(summary, kEntryPlaceholder,
                             addon::TruncateUtf8(name, name_length - excess));
  }
  return addon::TruncateUtf8(full, addon::kMaxSummaryLength);
}

Finding UnrecognisedFinding(const UnrecognisedSpec& spec, const Entry& entry) {
  Finding finding = NewFinding(spec.finding);
  const bool active = entry.activity == Activity::kActive;
  if (!active) {
    finding.set_outcome(spec.inactive_outcome);
    finding.set_indicator(spec.inactive_indicator);
  }
  const std::string name = EntryName(entry.codes, entry.text, entry.source_ref);
  finding.set_summary(SummaryNaming(spec.finding.summary, name));
  finding.set_detail(addon::ReplaceAll(spec.finding.detail, kEntryPlaceholder, name));
  types::v1::Evidence* evidence = finding.add_evidence();
  if (!entry.codes.empty()) *evidence->mutable_code() = entry.codes[0];
  evidence->set_source_ref(entry.source_ref);
  evidence->set_description(std::string(active ? "active " : "inactive ") +
                            std::string(entry.kind) + ", not recognised");
  return finding;
}

// Conditions or allergies (`facts`): each without a coding in a system of the enabled rules'
// code sets `set_of` picks.
template <typename Fact>
void AddUnreadable(const RuleSet& rules, const RepeatedPtrField<Fact>& facts, CodeSetOf set_of,
                   const std::optional<UnrecognisedSpec>& spec, std::string_view kind,
                   std::vector<Finding>* findings) {
  if (!spec) return;
  const Systems known = SystemsOf(rules, set_of);
  const size_t first = findings->size();
  for (const Fact& fact : facts) {
    if (HasKnownSystem(fact.codes(), known)) continue;
    const Entry entry{fact.codes(), fact.text(), fact.source_ref(),
                      ActivityOf(fact.clinical_status()), kind};
    AddOrMerge(UnrecognisedFinding(*spec, entry), first, findings);
  }
}

void AddMedications(const RuleSet& rules, const types::v1::PatientFacts& patient,
                    std::vector<Finding>* findings) {
  if (!rules.unrecognised.medications) return;
  const size_t first = findings->size();
  for (const types::v1::Medication& medication : patient.medications()) {
    const Activity activity = ActivityOf(medication.status());
    if (activity == Activity::kSkipped || !medication.ingredients().empty() ||
        ListedMedication(rules, medication.codes())) {
      continue;
    }
    const Entry entry{medication.codes(), medication.text(), medication.source_ref(), activity,
                      "medication"};
    AddOrMerge(UnrecognisedFinding(*rules.unrecognised.medications, entry), first, findings);
  }
}

}  // namespace

void AddUnrecognisedFindings(const RuleSet& rules, const types::v1::PatientFacts& patient,
                             std::vector<Finding>* findings) {
  AddUnreadable(
      rules, patient.conditions(),
      [](const Rule& rule) -> const addon::CodeSet& { return rule.criteria.conditions; },
      rules.unrecognised.conditions, "condition", findings);
  AddMedications(rules, patient, findings);
  AddUnreadable(
      rules, patient.allergies(),
      [](const Rule& rule) -> const addon::CodeSet& { return rule.criteria.allergies; },
      rules.unrecognised.allergies, "allergy", findings);
}

}  // namespace needlework::screening
