#include "host/cdshooks/booking_rules.h"

#include "host/calendar/clinic_calendar.h"
#include "host/scheduling/booking_checks.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
namespace types = needlework::types::v1;

bool Blocks(types::Outcome outcome) { return outcome >= types::OUTCOME_DEFER; }
bool NeedsReview(types::Outcome outcome) {
  return outcome == types::OUTCOME_REVIEW_REQUIRED || outcome == types::OUTCOME_CONSULT_REQUIRED;
}

// The most restrictive of the treatment's outcome and its add-ons' verdicts.
types::Outcome Strictest(const needlework::v1::ScreenResponse& screened) {
  types::Outcome strictest = screened.outcome();
  for (const auto& verdict : screened.add_ons()) strictest = std::max(strictest, verdict.outcome());
  return strictest;
}

std::optional<Json> HoursCard(Store& store, const std::string& clinic_id, const CardSource& source,
                              const TreatmentAsked& asked) {
  if (!asked.start || !asked.end) return std::nullopt;
  auto calendar = LoadClinicCalendar(store, clinic_id);
  Status open =
      calendar.ok() ? CheckOpeningHours(*calendar, *asked.start, *asked.end) : calendar.status();
  if (open.ok()) return std::nullopt;
  return NewCard(source, "The proposed time is outside the clinic's opening hours",
                 "Needlework would refuse this booking: " + open.message() + "\n", "warning");
}

}  // namespace

std::vector<Json> BookingRuleCards(Store& store, const std::string& clinic_id,
                                   const CardSource& source, const TreatmentAsked& asked,
                                   const needlework::v1::ScreenResponse& screened) {
  std::vector<Json> cards;
  types::Outcome strictest = Strictest(screened);
  if (Blocks(strictest)) {
    cards.push_back(NewCard(source, "Do not book: screening blocks this microneedling appointment",
                            "The screening outcome is " + types::Outcome_Name(strictest) +
                                "; no review unblocks it. Screen again once the chart changed.\n",
                            "critical"));
  } else if (NeedsReview(strictest)) {
    cards.push_back(NewCard(source, "Book only after a clinician reviewed the screening",
                            "The screening outcome is " + types::Outcome_Name(strictest) +
                                ": Needlework books it once a clinician recorded a review. "
                                "Overriding this card with a reason records that review.\n",
                            "warning"));
  }
  if (auto hours = HoursCard(store, clinic_id, source, asked)) cards.push_back(std::move(*hours));
  return cards;
}

}  // namespace needlework::host
