// Matching a patient's facts against one rule's code sets and look-back window.
//
// Which facts count, and how time counts, is the SDK kit's (needlework/kit/fact_match.h); in
// short: conditions while active (and with no clinical status), their history only for a rule
// with include_condition_history (chronic relapsing skin disease: eczema, psoriasis);
// medications while active, on hold (a blood thinner may be restarted before the session) or
// intended; allergies while active; procedures done; devices in place; for each observation
// code, the latest numeric value. A rule with within_days also counts medications ended,
// conditions abated and procedures performed at most that many days before the request's
// as_of_date, and only an observation dated within it. The one addition to the kit: an
// observation may also match when its value is >= the rule's min_value.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_FACT_MATCHING_H_
#define NEEDLEWORK_PLUGINS_SCREENING_FACT_MATCHING_H_

#include <string_view>

#include "needlework/types/v1/clinical.pb.h"
#include "plugins/screening/rule_set.h"

namespace needlework::screening {

// Appends to `finding` one Evidence per fact of `patient` that `rule` matches, in the order
// conditions, medications, allergies, observations. Each Evidence holds the matching coding
// (its display filled from the config when the fact has none), the fact's source_ref and a
// description such as "active condition", "active medication, ingredient warfarin" or
// "latest observation, value 3 (threshold 3)".
// `as_of_date` ("YYYY-MM-DD") ends the rule's look-back window, as in addon::MatchFacts.
void CollectEvidence(const Rule& rule, const types::v1::PatientFacts& patient,
                     std::string_view as_of_date, types::v1::Finding* finding);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_FACT_MATCHING_H_
