// A clinician's review of a screening record (ScreeningService.RecordReview).
#ifndef NEEDLEWORK_HOST_SCREENING_SCREENING_REVIEW_H_
#define NEEDLEWORK_HOST_SCREENING_SCREENING_REVIEW_H_

#include <string>

#include "host/storage/store.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// The longest reason and reviewer name RecordReview accepts.
inline constexpr size_t kMaxReviewReason = 2000;
inline constexpr size_t kMaxReviewer = 200;

// Checks `request` against its record and stores the review (with `claim`, which may be
// null: see RunIdempotent) by the token `token_id` at `now`; returns it as stored. Errors:
// see screening.proto.
StatusOr<needlework::v1::ScreeningReview> RecordScreeningReview(
    Store& store, const std::string& clinic_id, const std::string& token_id,
    const needlework::v1::RecordReviewRequest& request, int64_t now, IdempotencyClaim* claim);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREENING_REVIEW_H_
