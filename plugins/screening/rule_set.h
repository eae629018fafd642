// The compiled screening config: what CompileConfig builds once per clinic and every
// Screen call reads. Immutable after compilation, so any number of threads may read it.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_RULE_SET_H_
#define NEEDLEWORK_PLUGINS_SCREENING_RULE_SET_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/screening/outcome.h"
#include "plugins/screening/value_set.h"

namespace needlework::screening {

// CDS Hooks: a card's summary is "<140-character". Longer config texts are refused.
inline constexpr size_t kMaxSummaryLength = 139;

// In the texts of the concern findings, replaced by the concern's display.
inline constexpr std::string_view kConcernPlaceholder = "{concern}";

// How one kind of finding reads and grades, as the config says.
struct FindingSpec {
  std::string rule_id;  // the config key; also the code in the screening-rule code system
  std::string display;  // display of that code
  Outcome outcome = types::v1::OUTCOME_UNSPECIFIED;
  Indicator indicator = types::v1::INDICATOR_UNSPECIFIED;
  std::string summary;  // at most kMaxSummaryLength code points
  std::string detail;   // the reason, for a clinician
};

// A contraindication rule. It fires when any active fact of the patient is in one of its
// value sets: one finding per rule, one Evidence per matching fact.
struct Rule {
  FindingSpec finding;
  ValueSet conditions;
  ValueSet medications;  // matched against Medication.ingredients and Medication.codes
  ValueSet allergies;
  ValueSet observations;            // matched when the latest value is >= min_value
  std::optional<double> min_value;  // always set when `observations` is not empty
  // Conditions also count when resolved, inactive or in remission: for chronic, relapsing
  // skin disease (eczema, psoriasis) a history matters as much as a flare.
  bool include_condition_history = false;
};

// A whole compiled config.
struct RuleSet {
  ValueSet indications;  // the concerns microneedling treats
  // The findings for a requested concern that is (or is not) an indication; nullopt when
  // the config switches that finding off.
  std::optional<FindingSpec> indication;
  std::optional<FindingSpec> not_an_indication;
  std::vector<Rule> rules;  // the enabled rules, ordered by rule id
};

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_RULE_SET_H_
