// CDS Hooks 2.0 feedback (POST /cds-services/{id}/feedback): what the clinician did with a
// card, recorded on the card's screening record and in the audit log.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_FEEDBACK_H_
#define NEEDLEWORK_HOST_CDSHOOKS_FEEDBACK_H_

#include <string>
#include <vector>

#include "host/cdshooks/cds_caller.h"
#include "host/storage/store.h"
#include "needlework/status.h"

namespace needlework::host {

// The most feedback items one request may carry.
inline constexpr size_t kMaxFeedbackItems = 100;

struct CardFeedback {
  std::string card;                               // the card's uuid
  bool accepted = false;                          // outcome "accepted"; false: "overridden"
  std::string reason_code;                        // overrideReason.reason.code; may be empty
  std::string reason_display;                     // overrideReason.reason.display; may be empty
  std::string user_comment;                       // overrideReason.userComment; may be empty
  std::string outcome_timestamp;                  // RFC 3339, as sent
  std::vector<std::string> accepted_suggestions;  // acceptedSuggestions[].id
};

// The items of a feedback body {"feedback": [...]}. INVALID_ARGUMENT naming the item and
// field: not JSON, no feedback list, more than kMaxFeedbackItems, card missing, outcome
// other than accepted or overridden, outcomeTimestamp missing or not RFC 3339.
StatusOr<std::vector<CardFeedback>> ParseFeedback(const std::string& body);

// Records `item` from `caller` to service `service_id`. The card is found by its uuid in the
// audit record of the hook call that issued it (at the caller's clinic, by that service),
// which names its screening record. A card of a record that needs a review records one
// (RecordReview): overridden is REVIEWED_PROCEED, its reason the override reason and the
// clinician's comment; accepted is DECLINED (the clinician took the card's advice, e.g. a
// consult, instead of treating). The reviewer is the hook call's context.userId (else the
// EMR's sub). Every item gets an audit record ("card=", "screening_id=", "outcome=") with the
// feedback as its detail. NOT_FOUND for a card this clinic was not shown by this service.
Status RecordFeedback(Store& store, const CdsCaller& caller, const std::string& service_id,
                      const CardFeedback& item);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_FEEDBACK_H_
