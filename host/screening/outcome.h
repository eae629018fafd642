// Ranking screening outcomes: the merge keeps the most restrictive.
#ifndef NEEDLEWORK_HOST_SCREENING_OUTCOME_H_
#define NEEDLEWORK_HOST_SCREENING_OUTCOME_H_

#include "needlework/types/v1/clinical.pb.h"

namespace needlework::host {

// 0 for UNSPECIFIED, then ELIGIBLE < ELIGIBLE_WITH_CAUTION < REVIEW_REQUIRED <
// CONSULT_REQUIRED < DEFER < REFER < CONTRAINDICATED. An explicit table: enum numbers are
// append-only and say nothing about severity.
int OutcomeRank(needlework::types::v1::Outcome outcome);

// The more restrictive of the two.
needlework::types::v1::Outcome MoreRestrictive(needlework::types::v1::Outcome a,
                                               needlework::types::v1::Outcome b);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_OUTCOME_H_
