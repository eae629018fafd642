// The compiled screening config: what CompileConfig builds once per clinic and every
// Screen call reads. Immutable after compilation, so any number of threads may read it.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_RULE_SET_H_
#define NEEDLEWORK_PLUGINS_SCREENING_RULE_SET_H_

#include <optional>
#include <string_view>
#include <vector>

#include "needlework/kit/addon_config.h"
#include "needlework/kit/code_set.h"
#include "needlework/kit/fact_match.h"

namespace needlework::screening {

// In the texts of the concern findings, replaced by the concern's display.
inline constexpr std::string_view kConcernPlaceholder = "{concern}";
// In the texts of the unrecognised-entry findings, replaced by how the entry names itself.
inline constexpr std::string_view kEntryPlaceholder = "{entry}";

// A contraindication rule. It fires when any fact of the patient that counts (see
// fact_matching.h) is in one of its code sets: one finding per rule, one Evidence per fact.
struct Rule {
  addon::FindingSpec finding;  // rule_id is the config key; summary < 140 code points
  // conditions (include_condition_history: resolved, inactive or in remission count too, for
  // chronic relapsing skin disease), medications (ingredients and codes), allergies, and the
  // observation codes with their threshold: below or above (the kit's), or min_value.
  addon::FactCriteria criteria;
  // An observation matches when its latest value is >= min_value. Exactly one of min_value,
  // criteria.above and criteria.below is set when criteria.observations is not empty.
  std::optional<double> min_value;
  // The treatment areas (local codes of code_systems::kTreatmentArea) the rule speaks for;
  // empty: wherever the session treats. See CoversAreas in screen.h.
  addon::CodeSet treatment_areas;
};

// The finding for one kind of chart entry that no rule can read (see unrecognised.h).
struct UnrecognisedSpec {
  addon::FindingSpec finding;  // for an active entry; texts may hold kEntryPlaceholder
  types::v1::Outcome inactive_outcome = types::v1::OUTCOME_UNSPECIFIED;  // resolved, stopped
  types::v1::Indicator inactive_indicator = types::v1::INDICATOR_UNSPECIFIED;
};

// Per kind of entry; nullopt when the config switches that kind's finding off.
struct UnrecognisedSpecs {
  std::optional<UnrecognisedSpec> conditions;
  std::optional<UnrecognisedSpec> medications;
  std::optional<UnrecognisedSpec> allergies;
};

// A whole compiled config.
struct RuleSet {
  addon::CodeSet indications;  // the concerns microneedling treats
  // The findings for a requested concern that is (or is not) an indication; nullopt when
  // the config switches that finding off. Their texts may hold kConcernPlaceholder.
  std::optional<addon::FindingSpec> indication;
  std::optional<addon::FindingSpec> not_an_indication;
  std::vector<Rule> rules;  // the enabled rules, ordered by rule id
  UnrecognisedSpecs unrecognised;
};

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_RULE_SET_H_
