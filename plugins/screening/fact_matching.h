// Matching a patient's facts against one rule's code sets.
//
// Which facts count (the rest are ignored) is the SDK kit's (needlework/kit/fact_match.h):
//  - Conditions: ACTIVE, RECURRENCE, RELAPSE: the patient has the condition now.
//    INACTIVE, REMISSION, RESOLVED count only for a rule with include_condition_history
//    (chronic relapsing disease: eczema, psoriasis); UNSPECIFIED never counts.
//  - Medications: ACTIVE; ON_HOLD (paused, expected to resume: the patient is still under
//    the medicine's regimen, and a blood thinner may be restarted before the session);
//    INTENDED (prescribed to start: the patient may be taking it by the session).
//    COMPLETED, STOPPED, CANCELLED, ENTERED_IN_ERROR, NOT_TAKEN, DRAFT, UNKNOWN and
//    UNSPECIFIED do not count. An ingredient match is preferred to a product match.
//  - Allergies: ACTIVE only.
//  - Observations have no status: all count. For each observation code in the rule, the
//    latest observation of that code with a numeric value decides (latest = greatest
//    `effective`, compared as text, which orders FHIR dateTimes written alike; among equal
//    or empty ones, the one listed last). It matches when its value is >= min_value, or
//    (the kit's thresholds) > above or < below.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_FACT_MATCHING_H_
#define NEEDLEWORK_PLUGINS_SCREENING_FACT_MATCHING_H_

#include "needlework/types/v1/clinical.pb.h"
#include "plugins/screening/rule_set.h"

namespace needlework::screening {

// Appends to `finding` one Evidence per fact of `patient` that `rule` matches, in the order
// conditions, medications, allergies, observations. Each Evidence holds the matching coding
// (its display filled from the config when the fact has none), the fact's source_ref and a
// description such as "active condition", "active medication, ingredient warfarin" or
// "latest observation, value 3 (threshold 3)".
void CollectEvidence(const Rule& rule, const types::v1::PatientFacts& patient,
                     types::v1::Finding* finding);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_FACT_MATCHING_H_
