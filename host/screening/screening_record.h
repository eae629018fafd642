// A screening answer as the store keeps it (a record: outcome, findings, add-on verdicts and a
// digest of the input, never the chart), and as ScreeningService shows it.
#ifndef NEEDLEWORK_HOST_SCREENING_SCREENING_RECORD_H_
#define NEEDLEWORK_HOST_SCREENING_SCREENING_RECORD_H_

#include <string>
#include <vector>

#include "host/storage/screening_records.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/status.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// Hex SHA-256 of the deterministic serialization of `request` (facts, concerns, areas and
// add-ons as normalised; as_of_date is left out): the same input gives the same digest.
std::string ScreeningInputDigest(needlework::plugin::v1::ScreenRequest request);

// The row to store for `response` (patient_ref, outcome, findings, add-on verdicts) with a
// new unguessable id and `now` (Unix seconds).
ScreeningRow NewScreeningRow(const std::string& clinic_id, const std::string& input_digest,
                             const needlework::v1::ScreenResponse& response, int64_t now);

// The stored row and its reviews as the API shows them. INTERNAL when the stored result
// does not parse.
StatusOr<needlework::v1::ScreeningRecord> ToApiScreening(const ScreeningRow& row,
                                                         const std::vector<ReviewRow>& reviews);
needlework::v1::ScreeningReview ToApiReview(const ReviewRow& review);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREENING_RECORD_H_
