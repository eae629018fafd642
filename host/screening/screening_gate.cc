#include "host/screening/screening_gate.h"

#include "host/catalog/add_ons.h"
#include "host/screening/screening_record.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

constexpr int64_t kDaySeconds = 24 * 3600;

bool Blocks(types::Outcome outcome) { return outcome >= types::OUTCOME_DEFER; }

bool NeedsReview(types::Outcome outcome) {
  return outcome == types::OUTCOME_REVIEW_REQUIRED || outcome == types::OUTCOME_CONSULT_REQUIRED;
}

std::string OutcomeName(types::Outcome outcome) {
  std::string name = types::Outcome_Name(outcome);
  return name.rfind("OUTCOME_", 0) == 0 ? name.substr(8) : name;
}

bool SameCode(const types::Coding& a, const types::Coding& b) {
  return a.system() == b.system() && a.code() == b.code();
}

// The record's findings about the treatment as a whole that block it, as "rule: summary".
std::string BlockingFindings(const v1::ScreeningRecord& record) {
  std::string listed;
  for (const auto& finding : record.findings()) {
    if (!Blocks(finding.outcome()) || !finding.applies_to().code().empty()) continue;
    listed += (listed.empty() ? "" : "; ") + finding.rule_id() + ": " + finding.summary();
  }
  return listed.empty() ? "see GetScreening" : listed;
}

const v1::AddOnVerdict* VerdictOf(const v1::ScreeningRecord& record, const types::Coding& add_on) {
  for (const auto& verdict : record.add_ons()) {
    if (SameCode(verdict.therapy(), add_on)) return &verdict;
  }
  return nullptr;
}

Status CheckBinding(const v1::ScreeningRecord& record, const PlanScreeningRequest& request,
                    int recency_days, int64_t created_at, int64_t now) {
  const std::string& id = record.screening_id();
  if (record.patient_ref() != request.patient_ref) {
    return FailedPreconditionError("screening " + id + " is of patient '" + record.patient_ref() +
                                   "', not of '" + request.patient_ref +
                                   "': screen this patient and pass that screening_id");
  }
  if (now - created_at > int64_t{recency_days} * kDaySeconds) {
    return FailedPreconditionError("screening " + id + " was made " + record.created_at() +
                                   ", more than the clinic's " + std::to_string(recency_days) +
                                   " days ago: screen the patient again");
  }
  if (request.caller_outcome != types::OUTCOME_UNSPECIFIED &&
      request.caller_outcome != record.outcome()) {
    return InvalidArgumentError("screening_outcome " + OutcomeName(request.caller_outcome) +
                                " differs from screening " + id + "'s " +
                                OutcomeName(record.outcome()) +
                                "; leave it unset: the plan takes the record's outcome");
  }
  return OkStatus();
}

Status CheckOutcomes(const v1::ScreeningRecord& record, const Codings& add_ons) {
  const std::string& id = record.screening_id();
  if (Blocks(record.outcome())) {
    return FailedPreconditionError("screening " + id + " is " + OutcomeName(record.outcome()) +
                                   ": a blocked patient is not planned (" +
                                   BlockingFindings(record) + ")");
  }
  for (const auto& add_on : add_ons) {
    const v1::AddOnVerdict* verdict = VerdictOf(record, add_on);
    if (verdict == nullptr) {
      return FailedPreconditionError("screening " + id + " did not screen the add-on " +
                                     DisplayOf(add_on) + ": screen again with the add-on");
    }
    if (Blocks(verdict->outcome())) {
      return FailedPreconditionError("add-on " + DisplayOf(add_on) + " is " +
                                     OutcomeName(verdict->outcome()) + " in screening " + id +
                                     ": " + verdict->summary());
    }
  }
  return OkStatus();
}

// Whether the record's outcome, or the verdict on one of `add_ons`, needs a review.
bool ReviewNeeded(const v1::ScreeningRecord& record, const Codings& add_ons) {
  if (NeedsReview(record.outcome())) return true;
  for (const auto& add_on : add_ons) {
    const v1::AddOnVerdict* verdict = VerdictOf(record, add_on);
    if (verdict == nullptr || NeedsReview(verdict->outcome())) return true;
  }
  return false;
}

}  // namespace

StatusOr<v1::ScreeningRecord> ScreeningForPlan(Store& store, const std::string& clinic_id,
                                               const PlanScreeningRequest& request, int64_t now) {
  if (request.screening_id.empty()) {
    return FailedPreconditionError(
        "screening_id is required: screen the patient first: ScreeningService.Screen returns a "
        "screening_id");
  }
  NW_ASSIGN_OR_RETURN(ScreeningRow row, store.GetScreening(clinic_id, request.screening_id));
  NW_ASSIGN_OR_RETURN(v1::ScreeningRecord record, ToApiScreening(row, {}));
  NW_ASSIGN_OR_RETURN(ClinicRecord clinic, store.GetClinic(clinic_id));
  NW_RETURN_IF_ERROR(
      CheckBinding(record, request, clinic.screening_recency_days, row.created_at, now));
  NW_RETURN_IF_ERROR(CheckOutcomes(record, request.add_ons));
  return record;
}

Status CheckScreeningAllowsBooking(Store& store, const PlanRecord& plan,
                                   const types::SeriesPlan& series) {
  auto outcome = static_cast<types::Outcome>(plan.screening_outcome);
  if (plan.screening_id.empty()) {
    if (!Blocks(outcome) && !NeedsReview(outcome)) return OkStatus();
    return FailedPreconditionError("plan " + plan.plan_id + " is bound to no screening record " +
                                   "and its outcome is " + OutcomeName(outcome) +
                                   ": screen the patient and create a new plan");
  }
  NW_ASSIGN_OR_RETURN(ScreeningRow row, store.GetScreening(plan.clinic_id, plan.screening_id));
  NW_ASSIGN_OR_RETURN(v1::ScreeningRecord record, ToApiScreening(row, {}));
  NW_RETURN_IF_ERROR(CheckOutcomes(record, series.add_ons()));
  if (!ReviewNeeded(record, series.add_ons())) return OkStatus();
  NW_ASSIGN_OR_RETURN(auto reviews, store.ListReviews(plan.clinic_id, plan.screening_id));
  if (reviews.empty()) {
    return FailedPreconditionError("screening " + plan.screening_id +
                                   " needs a clinician's review: RecordReview");
  }
  const ReviewRow& latest = reviews.back();
  if (latest.decision == v1::REVIEW_DECISION_REVIEWED_PROCEED) return OkStatus();
  return FailedPreconditionError("screening " + plan.screening_id + " was declined by " +
                                 latest.reviewer + " (" + latest.reason +
                                 "): the plan is not booked");
}

}  // namespace needlework::host
