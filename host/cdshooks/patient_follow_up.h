// patient-view's follow-up cards: the patient's aftercare messages that are due and not
// yet sent, and the symptom reports of recent days, from the store.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_PATIENT_FOLLOW_UP_H_
#define NEEDLEWORK_HOST_CDSHOOKS_PATIENT_FOLLOW_UP_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "host/cdshooks/cards.h"
#include "host/storage/store.h"

namespace needlework::host {

// How far back a symptom report counts as open on the chart.
inline constexpr int64_t kOpenSymptomSeconds = 14 * 24 * 3600;

// At most two cards about `source.patient_ref` at `clinic_id` as of `now` (Unix seconds):
// "N aftercare messages due" (info) when a PENDING message of one of the patient's plans
// is due; "N symptom reports in the last 14 days" with the most urgent report's indicator.
// Reads at most 1000 plans and 1000 recent reports. Errors: the store's.
StatusOr<std::vector<nlohmann::json>> FollowUpCards(Store& store, const std::string& clinic_id,
                                                    const CardSource& source, int64_t now);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_PATIENT_FOLLOW_UP_H_
