#include "host/screening/screening_record.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "host/common/ids.h"
#include "host/common/sha256.h"
#include "host/common/time_util.h"

namespace needlework::host {

namespace v1 = needlework::v1;

std::string ScreeningInputDigest(needlework::plugin::v1::ScreenRequest request) {
  request.clear_as_of_date();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(bytes);
}

ScreeningRow NewScreeningRow(const std::string& clinic_id, const std::string& input_digest,
                             const v1::ScreenResponse& response, int64_t now) {
  v1::ScreeningRecord result;
  *result.mutable_findings() = response.findings();
  *result.mutable_add_ons() = response.add_ons();
  // 128 random bits: an id is never guessed, and is checked against the caller's clinic.
  return ScreeningRow{"scr_" + RandomHex(16),
                      clinic_id,
                      response.patient_ref(),
                      response.outcome(),
                      result.SerializeAsString(),
                      input_digest,
                      now};
}

v1::ScreeningReview ToApiReview(const ReviewRow& review) {
  v1::ScreeningReview out;
  out.set_review_id(review.review_id);
  out.set_screening_id(review.screening_id);
  out.set_decision(static_cast<v1::ReviewDecision>(review.decision));
  for (const auto& id : review.overridden_rule_ids) out.add_overridden_rule_ids(id);
  out.set_reviewer(review.reviewer);
  out.set_reason(review.reason);
  out.set_reviewed_at(FormatRfc3339Utc(review.reviewed_at));
  out.set_token_id(review.token_id);
  return out;
}

StatusOr<v1::ScreeningRecord> ToApiScreening(const ScreeningRow& row,
                                             const std::vector<ReviewRow>& reviews) {
  v1::ScreeningRecord out;
  if (!out.ParseFromString(row.result_bytes)) {
    return InternalError("the stored result of screening " + row.screening_id + " does not parse");
  }
  out.set_screening_id(row.screening_id);
  out.set_patient_ref(row.patient_ref);
  out.set_outcome(static_cast<needlework::types::v1::Outcome>(row.outcome));
  out.set_input_digest(row.input_digest);
  out.set_created_at(FormatRfc3339Utc(row.created_at));
  for (const auto& review : reviews) *out.add_reviews() = ToApiReview(review);
  return out;
}

}  // namespace needlework::host
