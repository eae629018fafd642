// The screening-record commands: screening show, screening review. Their arguments, the
// requests they send and how the answers read; the commands themselves are in
// screening_record.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCREENING_RECORD_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCREENING_RECORD_H_

#include <ostream>
#include <string>
#include <vector>

#include "needlework/v1/screening.pb.h"

namespace needlework::ctl {

struct ScreeningRecordArgs {
  std::string screening_id;                                       // <screening-id>
  v1::ReviewDecision decision = v1::REVIEW_DECISION_UNSPECIFIED;  // --decision
  std::string reviewer;                                           // --reviewer
  std::string reason;                                             // --reason
  std::vector<std::string> overridden_rule_ids;                   // --override RULE ...
};

v1::GetScreeningRequest BuildGetScreeningRequest(const ScreeningRecordArgs& args);
v1::RecordReviewRequest BuildRecordReviewRequest(const ScreeningRecordArgs& args);

// The record: id, patient, outcome, when, digest; one line per finding and per add-on
// verdict; then its reviews, oldest first.
void RenderScreeningRecord(const v1::ScreeningRecord& record, std::ostream& out);
// One review as recorded.
void RenderReview(const v1::ScreeningReview& review, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SCREENING_RECORD_H_
