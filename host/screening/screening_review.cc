#include "host/screening/screening_review.h"

#include <set>

#include "host/common/ids.h"
#include "host/screening/screening_record.h"
#include "host/storage/idempotent_write.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

bool Reviewable(types::Outcome outcome) { return outcome >= types::OUTCOME_REVIEW_REQUIRED; }

Status CheckFields(const v1::RecordReviewRequest& request) {
  if (request.screening_id().empty()) {
    return InvalidArgumentError("screening_id is required (ScreenResponse.screening_id)");
  }
  if (request.decision() == v1::REVIEW_DECISION_UNSPECIFIED ||
      !v1::ReviewDecision_IsValid(request.decision())) {
    return InvalidArgumentError(
        "decision is required: REVIEW_DECISION_REVIEWED_PROCEED or "
        "REVIEW_DECISION_DECLINED");
  }
  if (request.reviewer().empty() || request.reviewer().size() > kMaxReviewer) {
    return InvalidArgumentError("reviewer is required: the reviewing clinician's name, at most " +
                                std::to_string(kMaxReviewer) + " characters");
  }
  if (request.reason().empty() || request.reason().size() > kMaxReviewReason) {
    return InvalidArgumentError("reason is required: why, in at most " +
                                std::to_string(kMaxReviewReason) + " characters (got " +
                                std::to_string(request.reason().size()) + ")");
  }
  return OkStatus();
}

// FAILED_PRECONDITION when nothing in `record` needs a review; INVALID_ARGUMENT for an
// overridden rule id that is not one of its findings.
Status CheckAgainstRecord(const v1::ScreeningRecord& record,
                          const v1::RecordReviewRequest& request) {
  bool reviewable = Reviewable(record.outcome());
  for (const auto& verdict : record.add_ons()) reviewable |= Reviewable(verdict.outcome());
  if (!reviewable) {
    return FailedPreconditionError("screening " + record.screening_id() + " is " +
                                   types::Outcome_Name(record.outcome()) +
                                   " with no add-on to review: there is nothing to review");
  }
  std::set<std::string> rules;
  for (const auto& finding : record.findings()) rules.insert(finding.rule_id());
  for (const auto& id : request.overridden_rule_ids()) {
    if (rules.count(id) == 0) {
      return InvalidArgumentError("overridden rule '" + id + "' is not a finding of screening " +
                                  record.screening_id());
    }
  }
  return OkStatus();
}

}  // namespace

StatusOr<v1::ScreeningReview> RecordScreeningReview(Store& store, const std::string& clinic_id,
                                                    const std::string& token_id,
                                                    const v1::RecordReviewRequest& request,
                                                    int64_t now, IdempotencyClaim* claim) {
  NW_RETURN_IF_ERROR(CheckFields(request));
  NW_ASSIGN_OR_RETURN(ScreeningRow row, store.GetScreening(clinic_id, request.screening_id()));
  NW_ASSIGN_OR_RETURN(v1::ScreeningRecord record, ToApiScreening(row, {}));
  NW_RETURN_IF_ERROR(CheckAgainstRecord(record, request));
  ReviewRow review{NewId("rev"),
                   row.screening_id,
                   clinic_id,
                   request.decision(),
                   {request.overridden_rule_ids().begin(), request.overridden_rule_ids().end()},
                   request.reviewer(),
                   request.reason(),
                   token_id,
                   now};
  v1::ScreeningReview answer = ToApiReview(review);
  AnswerWith(claim, answer);
  NW_RETURN_IF_ERROR(store.InsertReview(review, claim));
  return answer;
}

}  // namespace needlework::host
