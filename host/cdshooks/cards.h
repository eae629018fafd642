// CDS Hooks 2.0 cards from screening answers. Every card names the screening record it
// comes from in source.topic: {system kScreeningRecordSystem, code <screening_id>}.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CARDS_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CARDS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// The code system of source.topic: its code is the screening id (GetScreening).
inline constexpr char kScreeningRecordSystem[] =
    "https://needlework.dev/fhir/CodeSystem/screening-record";
// The code system of the override reasons cards offer.
inline constexpr char kOverrideReasonSystem[] =
    "https://needlework.dev/fhir/CodeSystem/cds-override-reason";

// What every card of one call shares.
struct CardSource {
  std::string service_url;   // source.url
  std::string screening_id;  // source.topic.code
  std::string patient_ref;   // "Patient/<id>", the subject of suggested orders
};

// A random (version 4) UUID, e.g. "3f2b...-4...-a...".
std::string NewCardUuid();

// `text` cut to under 140 characters (on a UTF-8 boundary, ending in "...") when longer.
std::string CardSummary(const std::string& text);

// "info" for ELIGIBLE, "warning" for ELIGIBLE_WITH_CAUTION, REVIEW_REQUIRED and
// CONSULT_REQUIRED, "critical" for DEFER, REFER and CONTRAINDICATED (and anything unknown).
std::string IndicatorFor(needlework::types::v1::Outcome outcome);

// A card: uuid, summary, detail (markdown), indicator and source; overrideReasons on every
// card that is not "info". `summary` is cut by CardSummary.
nlohmann::json NewCard(const CardSource& source, const std::string& summary,
                       const std::string& detail, const std::string& indicator);

// The treatment's card: "<what>: <outcome> ..." with the findings about the treatment as
// a whole in its detail; CONSULT_REQUIRED suggests a dermatologist consult (a
// ServiceRequest to create) and REFER a referral.
nlohmann::json TreatmentCard(const CardSource& source, const std::string& what,
                             const needlework::v1::ScreenResponse& screened);

// One card per add-on verdict, with the findings about that add-on.
std::vector<nlohmann::json> AddOnCards(const CardSource& source,
                                       const needlework::v1::ScreenResponse& screened);

// The fail-closed card when the chart could not be read or screening could not run: a
// warning that nothing was checked, and why; never an all-clear.
nlohmann::json CouldNotCheckCard(const CardSource& source, const std::string& what,
                                 const std::string& reason);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CARDS_H_
