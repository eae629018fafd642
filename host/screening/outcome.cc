#include "host/screening/outcome.h"

namespace needlework::host {

using needlework::types::v1::Outcome;

int OutcomeRank(Outcome outcome) {
  switch (outcome) {
    case needlework::types::v1::OUTCOME_ELIGIBLE:
      return 1;
    case needlework::types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION:
      return 2;
    case needlework::types::v1::OUTCOME_REVIEW_REQUIRED:
      return 3;
    case needlework::types::v1::OUTCOME_CONSULT_REQUIRED:
      return 4;
    case needlework::types::v1::OUTCOME_DEFER:
      return 5;
    case needlework::types::v1::OUTCOME_REFER:
      return 6;
    case needlework::types::v1::OUTCOME_CONTRAINDICATED:
      return 7;
    default:
      return 0;
  }
}

Outcome MoreRestrictive(Outcome a, Outcome b) { return OutcomeRank(b) > OutcomeRank(a) ? b : a; }

}  // namespace needlework::host
