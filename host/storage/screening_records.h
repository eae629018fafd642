// Records of the screening part of the store: each answered Screen, and the clinicians'
// reviews of it. The chart itself is never stored.
#ifndef NEEDLEWORK_HOST_STORAGE_SCREENING_RECORDS_H_
#define NEEDLEWORK_HOST_STORAGE_SCREENING_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace needlework::host {

struct ScreeningRow {
  std::string screening_id;  // opaque, 128 random bits
  std::string clinic_id;
  std::string patient_ref;
  int outcome = 0;  // needlework.types.v1.Outcome of the treatment without add-ons
  // serialized needlework.v1.ScreeningRecord holding the findings and add-on verdicts
  std::string result_bytes;
  std::string input_digest;  // hex SHA-256 of the normalised request
  int64_t created_at = 0;    // Unix seconds
};

struct ReviewRow {
  std::string review_id;
  std::string screening_id;
  std::string clinic_id;
  int decision = 0;  // needlework.v1.ReviewDecision
  std::vector<std::string> overridden_rule_ids;
  std::string reviewer;
  std::string reason;
  std::string token_id;     // the token that recorded it
  int64_t reviewed_at = 0;  // Unix seconds
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_SCREENING_RECORDS_H_
