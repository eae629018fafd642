// What binds a plan to its screening record, and a booking to the record's review.
#ifndef NEEDLEWORK_HOST_SCREENING_SCREENING_GATE_H_
#define NEEDLEWORK_HOST_SCREENING_SCREENING_GATE_H_

#include <string>

#include "host/plugins/clinic_registry.h"
#include "host/storage/store.h"
#include "needlework/status.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// What a plan asks of its screening.
struct PlanScreeningRequest {
  std::string screening_id;
  std::string patient_ref;
  // The caller's screening_outcome (superseded by the record's); UNSPECIFIED when unset.
  needlework::types::v1::Outcome caller_outcome = needlework::types::v1::OUTCOME_UNSPECIFIED;
  Codings add_ons;  // the plan's add-ons
};

// The screening record a new plan is bound to, once it passes every check:
// FAILED_PRECONDITION without an id, for a record of another patient, one older than the
// clinic's screening recency as of `now` (Unix seconds), a DEFER / REFER / CONTRAINDICATED
// outcome (naming the findings), an add-on the record did not screen or whose verdict is
// one of those; NOT_FOUND for an unknown id or another clinic's; INVALID_ARGUMENT when the
// caller's outcome is set and differs from the record's.
StatusOr<needlework::v1::ScreeningRecord> ScreeningForPlan(Store& store,
                                                           const std::string& clinic_id,
                                                           const PlanScreeningRequest& request,
                                                           int64_t now);

// OK when `plan` (with its decoded `series`) may be booked as far as its screening goes:
// its outcome and its add-ons' verdicts need no review, or the latest review of its record
// is REVIEWED_PROCEED. FAILED_PRECONDITION naming the screening and RecordReview when a
// review is missing, naming the reviewer and reason when it was DECLINED, and for a plan
// bound to no record whose stored outcome is not ELIGIBLE or ELIGIBLE_WITH_CAUTION.
Status CheckScreeningAllowsBooking(Store& store, const PlanRecord& plan,
                                   const needlework::types::v1::SeriesPlan& series);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREENING_GATE_H_
