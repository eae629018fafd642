#include "host/cdshooks/feedback.h"

#include <absl/time/time.h>

#include <nlohmann/json.hpp>

#include "host/cdshooks/cds_audit.h"
#include "host/cdshooks/json_read.h"
#include "host/common/call_audit_scope.h"
#include "host/common/json_limits.h"
#include "host/common/time_util.h"
#include "host/screening/screening_review.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
namespace v1 = needlework::v1;

constexpr JsonLimits kFeedbackLimits = {1024 * 1024, 16};

// 8-4-4-4-12 hex digits: a card uuid as NewCardUuid makes them.
bool IsUuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

StatusOr<CardFeedback> ParseItem(const Json& item, const std::string& where) {
  CardFeedback out;
  out.card = StringAt(item, "card");
  if (!IsUuid(out.card)) return InvalidArgumentError(where + ".card is required: the card's uuid");
  std::string outcome = StringAt(item, "outcome");
  if (outcome != "accepted" && outcome != "overridden") {
    return InvalidArgumentError(where + ".outcome must be \"accepted\" or \"overridden\"");
  }
  out.accepted = outcome == "accepted";
  out.outcome_timestamp = StringAt(item, "outcomeTimestamp");
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, out.outcome_timestamp, &time, &error)) {
    return InvalidArgumentError(where + ".outcomeTimestamp is required: an RFC 3339 instant");
  }
  const Json& reason = ValueAt(item, "overrideReason");
  out.reason_code = StringAt(ValueAt(reason, "reason"), "code");
  out.reason_display = StringAt(ValueAt(reason, "reason"), "display");
  out.user_comment = StringAt(reason, "userComment");
  const Json& suggestions = ValueAt(item, "acceptedSuggestions");
  if (suggestions.is_array()) {
    for (const auto& suggestion : suggestions) {
      out.accepted_suggestions.push_back(StringAt(suggestion, "id"));
    }
  }
  return out;
}

// The audit record of the hook call that issued `card` at the caller's clinic.
StatusOr<AuditRecord> IssuingCall(Store& store, const CdsCaller& caller,
                                  const std::string& service_id, const std::string& card) {
  AuditFilter filter;
  filter.clinic_id = caller.clinic_id;
  filter.rpc = CdsAuditRpc(service_id, false);
  filter.object_ref = "card=" + card;
  filter.limit = 1;
  NW_ASSIGN_OR_RETURN(auto records, store.QueryAudit(filter));
  if (records.empty() || records[0].outcome != "OK") {
    return NotFoundError("no card " + card + " was shown to this clinic by " + service_id);
  }
  return records[0];
}

std::string ReviewReason(const CardFeedback& item) {
  std::string reason;
  if (item.accepted) {
    reason = "Accepted the card's advice in the EMR";
  } else {
    std::string why = !item.reason_display.empty() ? item.reason_display : item.reason_code;
    reason = "Overridden in the EMR" + (why.empty() ? std::string() : ": " + why);
  }
  if (!item.user_comment.empty()) reason += " (" + item.user_comment + ")";
  return reason.substr(0, kMaxReviewReason);
}

Json FeedbackJson(const CardFeedback& item) {
  return {{"card", item.card},
          {"outcome", item.accepted ? "accepted" : "overridden"},
          {"overrideReason",
           {{"code", item.reason_code},
            {"display", item.reason_display},
            {"userComment", item.user_comment}}},
          {"acceptedSuggestions", item.accepted_suggestions},
          {"outcomeTimestamp", item.outcome_timestamp}};
}

// Records the review, or nothing when the record needs none (FAILED_PRECONDITION).
Status ReviewIfNeeded(Store& store, const CdsCaller& caller, const std::string& screening_id,
                      const std::string& user, const CardFeedback& item) {
  v1::RecordReviewRequest review;
  review.set_screening_id(screening_id);
  review.set_decision(item.accepted ? v1::REVIEW_DECISION_DECLINED
                                    : v1::REVIEW_DECISION_REVIEWED_PROCEED);
  review.set_reviewer(
      (user.empty() ? "EMR user of " + caller.subject : user).substr(0, kMaxReviewer));
  review.set_reason(ReviewReason(item));
  auto recorded = RecordScreeningReview(store, caller.clinic_id, "cds-jwt:" + caller.jti, review,
                                        NowUnixMicros() / 1000000, nullptr);
  if (recorded.status().code() == StatusCode::kFailedPrecondition) return OkStatus();
  return recorded.status();
}

}  // namespace

StatusOr<std::vector<CardFeedback>> ParseFeedback(const std::string& body_text) {
  NW_RETURN_IF_ERROR(CheckJsonLimits(body_text, "the feedback", kFeedbackLimits));
  Json body = Json::parse(body_text, nullptr, /*allow_exceptions=*/false);
  const Json& items = ValueAt(body, "feedback");
  if (!items.is_array()) return InvalidArgumentError("the body needs a \"feedback\" list");
  if (items.size() > kMaxFeedbackItems) {
    return InvalidArgumentError("at most " + std::to_string(kMaxFeedbackItems) +
                                " feedback items per request");
  }
  std::vector<CardFeedback> out;
  for (size_t i = 0; i < items.size(); ++i) {
    NW_ASSIGN_OR_RETURN(CardFeedback item,
                        ParseItem(items[i], "feedback[" + std::to_string(i) + "]"));
    out.push_back(std::move(item));
  }
  return out;
}

Status RecordFeedback(Store& store, const CdsCaller& caller, const std::string& service_id,
                      const CardFeedback& item) {
  NW_ASSIGN_OR_RETURN(AuditRecord issued, IssuingCall(store, caller, service_id, item.card));
  std::string screening_id = ObjectRefValue(issued.object_ref, "screening_id");
  CdsCallAudit audit(store, caller, CdsAuditRpc(service_id, true));
  audit.AddRefs("card=" + item.card + " screening_id=" + screening_id +
                " outcome=" + (item.accepted ? "accepted" : "overridden"));
  audit.SetDetail(FeedbackJson(item).dump());
  Status recorded;
  {
    CallAuditScope scope(audit.audit());
    recorded = ReviewIfNeeded(store, caller, screening_id,
                              ObjectRefValue(issued.object_ref, "user"), item);
  }
  NW_RETURN_IF_ERROR(audit.Finish(recorded));
  return recorded;
}

}  // namespace needlework::host
