// Chart entries no rule can read: each gets a finding of its own, so that nothing the
// plugin cannot read passes silently. Free text is never guessed into a code.
//
// An entry is unrecognised when:
//  - a condition (allergy) has no coding in a code system that the enabled rules' condition
//    (allergy) codes use; an entry with no coding at all is always unrecognised. (When no
//    enabled rule names a condition (allergy) code, any coding reads as known: the plugin
//    then screens that kind for nothing, and only uncoded entries are unreadable.) E.g. a
//    condition coded only in WHO ICD-10 while the rules are in SNOMED CT and ICD-10-CM;
//  - a medication has no ingredient (the host fills them from its RxNorm table: a product
//    missing from it, a code of another system, or text only) and none of its codes is
//    listed by an enabled rule.
// Which entries are checked, and whether active or inactive (its finding's outcome):
//  - conditions: ACTIVE, RECURRENCE, RELAPSE and UNSPECIFIED (status unknown) are active;
//    INACTIVE, REMISSION, RESOLVED inactive;
//  - medications: ACTIVE, ON_HOLD, INTENDED, UNKNOWN and UNSPECIFIED are active; COMPLETED
//    and STOPPED inactive; CANCELLED, NOT_TAKEN, DRAFT and ENTERED_IN_ERROR are never taken,
//    and not checked;
//  - allergies: ACTIVE and UNSPECIFIED active; INACTIVE and RESOLVED inactive.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_UNRECOGNISED_H_
#define NEEDLEWORK_PLUGINS_SCREENING_UNRECOGNISED_H_

#include <vector>

#include "needlework/types/v1/clinical.pb.h"
#include "plugins/screening/rule_set.h"

namespace needlework::screening {

// Appends one finding per unrecognised entry of `patient` whose kind's finding `rules`
// enables, in the order conditions, medications, allergies (entries in the order given).
// Entries of one kind that read the same (same name and outcome: a prescription renewed
// every month) share one finding, with one Evidence each.
// Each has the kind's rule_id ("unrecognised-condition", ...), the outcome for an active or
// an inactive entry, kEntryPlaceholder in its texts replaced by the entry's name (its text,
// else its first coding's display, else "system|code", else its source_ref, else
// "an entry without text or code"; in the summary cut, so that the summary fits in
// kMaxSummaryLength and keeps its own words), and an Evidence
// per entry with its first coding (if any), source_ref and a description such as
// "active condition, not recognised".
void AddUnrecognisedFindings(const RuleSet& rules, const types::v1::PatientFacts& patient,
                             std::vector<types::v1::Finding>* findings);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_UNRECOGNISED_H_
