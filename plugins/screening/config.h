// Compiles the screening plugin's effective config (JSON) into an immutable RuleSet.
//
// The config is data end to end: every value set, outcome, text and threshold comes from
// it, and the manifest's default_config_json holds the shipped defaults. Its shape is
// designed for JSON merge patch (RFC 7386), which the host applies to the defaults with a
// clinic's patch: rules are keyed by rule id, value sets by "system|code", so a clinic adds
// a code with a new key, removes one with null, and switches a rule off with
// "enabled": false. config_schema.json describes the same shape as a JSON Schema.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_CONFIG_H_
#define NEEDLEWORK_PLUGINS_SCREENING_CONFIG_H_

#include <string_view>

#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"
#include "plugins/screening/rule_set.h"

namespace needlework::screening {

// The CDS Hooks indicator a finding with `outcome` gets unless its config names one:
// DEFER, REFER and CONTRAINDICATED (and any unknown outcome) are critical; REVIEW_REQUIRED
// and CONSULT_REQUIRED are warnings; ELIGIBLE and ELIGIBLE_WITH_CAUTION are info.
types::v1::Indicator DefaultIndicator(types::v1::Outcome outcome);

// Parses and validates `config_json` strictly and compiles it. On any problem (not JSON,
// an unknown key, a missing or mistyped field, an unknown outcome or indicator, a value-set
// key that is not "system|code", a summary of 140 characters or more, a rule id that is
// not lower-case words joined by hyphens, observations without min_value) returns
// INVALID_ARGUMENT whose message lists every problem, each with its JSON path.
// Disabled rules are validated too, so switching one back on cannot fail later.
// A rule whose outcome differs from the shipped default's, with the shipped summary or
// detail, gets texts for its own outcome (addon::FollowConfiguredOutcome).
StatusOr<RuleSet> CompileConfig(std::string_view config_json);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_CONFIG_H_
