// appointment-book's booking-rule cards: what Needlework's own booking (SchedulingService)
// would refuse for the proposed appointment, said before the EMR books it.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_BOOKING_RULES_H_
#define NEEDLEWORK_HOST_CDSHOOKS_BOOKING_RULES_H_

#include <nlohmann/json.hpp>
#include <vector>

#include "host/cdshooks/cards.h"
#include "host/cdshooks/treatment_asked.h"
#include "host/storage/store.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// The cards for booking `asked` at `clinic_id` after `screened`:
// - critical "do not book" when the treatment's outcome, or an add-on's verdict, is DEFER,
//   REFER or CONTRAINDICATED (no review unblocks it);
// - warning "book after a recorded review" when one is REVIEW_REQUIRED or CONSULT_REQUIRED
//   (overriding the card with a reason records that review);
// - warning when the appointment's start and end fall outside the clinic's opening hours,
//   or when the hours could not be read (fail closed).
std::vector<nlohmann::json> BookingRuleCards(Store& store, const std::string& clinic_id,
                                             const CardSource& source, const TreatmentAsked& asked,
                                             const needlework::v1::ScreenResponse& screened);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_BOOKING_RULES_H_
