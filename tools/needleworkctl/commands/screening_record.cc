// screening show, screening review.
#include "commands/screening_record.h"

#include "commands/families.h"
#include "enums.h"
#include "needlework/v1/screening.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using Args = ScreeningRecordArgs;
using Screening = v1::ScreeningService::Stub;

constexpr Positional<Args> kScreeningId{"screening-id", SetWord<&Args::screening_id>, false};

int ScreeningShow(const Args& args, Session& session) {
  return session.Invoke(&Screening::GetScreening, "GetScreening", BuildGetScreeningRequest(args),
                        RenderScreeningRecord);
}

int ScreeningReview(const Args& args, Session& session) {
  return session.Invoke(&Screening::RecordReview, "RecordReview", BuildRecordReviewRequest(args),
                        RenderReview);
}

}  // namespace

v1::GetScreeningRequest BuildGetScreeningRequest(const ScreeningRecordArgs& args) {
  v1::GetScreeningRequest request;
  request.set_screening_id(args.screening_id);
  return request;
}

v1::RecordReviewRequest BuildRecordReviewRequest(const ScreeningRecordArgs& args) {
  v1::RecordReviewRequest request;
  request.set_screening_id(args.screening_id);
  request.set_decision(args.decision);
  request.set_reviewer(args.reviewer);
  request.set_reason(args.reason);
  for (const auto& id : args.overridden_rule_ids) request.add_overridden_rule_ids(id);
  return request;
}

void RenderReview(const v1::ScreeningReview& review, std::ostream& out) {
  out << "Review " << Printable(review.review_id()) << ": "
      << ReviewDecisionLabel(review.decision()) << " by " << Printable(review.reviewer()) << " at "
      << OrDash(review.reviewed_at()) << '\n';
  out << "  reason: " << Printable(review.reason()) << '\n';
  for (const auto& id : review.overridden_rule_ids()) {
    out << "  overridden: " << Printable(id) << '\n';
  }
}

void RenderScreeningRecord(const v1::ScreeningRecord& record, std::ostream& out) {
  out << "Screening " << Printable(record.screening_id()) << ": " << OutcomeLabel(record.outcome())
      << '\n';
  out << "Patient: " << Printable(record.patient_ref())
      << "\nScreened: " << OrDash(record.created_at())
      << "\nInput digest: " << OrDash(record.input_digest()) << "\n\nFindings ("
      << record.findings_size() << "):\n";
  for (const auto& finding : record.findings()) {
    out << "  " << Printable(finding.rule_id()) << ": " << OutcomeLabel(finding.outcome()) << " — "
        << Printable(finding.summary()) << '\n';
  }
  for (const auto& verdict : record.add_ons()) {
    out << "Add-on " << Printable(verdict.therapy().code()) << ": "
        << OutcomeLabel(verdict.outcome()) << " — " << Printable(verdict.summary()) << '\n';
  }
  out << "\nReviews (" << record.reviews_size() << "):\n";
  for (const auto& review : record.reviews()) RenderReview(review, out);
}

std::vector<Command> ScreeningRecordCommands() {
  return {
      MakeCommand<Args>(
          {"screening show", "<screening-id>", "Show a stored screening and its reviews",
           "The screening record `screen` stored (its id is in screen's answer): patient,\n"
           "outcome, findings, add-on verdicts, input digest, and each clinician's review.\n"
           "Needs an `emr` token of the clinic that screened."},
          {.positionals = {kScreeningId}}, ScreeningShow),
      MakeCommand<Args>(
          {"screening review",
           "<screening-id> --decision reviewed-proceed|declined --reviewer NAME --reason TEXT "
           "[--override RULE ...]",
           "Record a clinician's review of a screening",
           "Records that the clinician NAME reviewed the screening. A plan whose screening (or\n"
           "planned add-on) is review-required or consult-required is booked only once the\n"
           "latest review is reviewed-proceed; declined blocks its booking. A review never\n"
           "unblocks defer, refer or contraindicated: screen again once the chart changed.\n"
           "--override names a finding's rule the clinician set aside (each must be a finding\n"
           "of the screening). Needs an `emr` token; the review is audited."},
          {.positionals = {kScreeningId},
           .flags = {{"decision", FlagKind::kValue, SetBy<&Args::decision, ParseReviewDecision>},
                     {"reviewer", FlagKind::kValue, SetText<&Args::reviewer>},
                     {"reason", FlagKind::kValue, SetReason<&Args::reason>},
                     {"override", FlagKind::kValues, AddText<&Args::overridden_rule_ids>}},
           .required = {"decision", "reviewer", "reason"}},
          ScreeningReview),
  };
}

}  // namespace needlework::ctl
