#include "plugins/screening/fact_matching.h"

#include <optional>
#include <string>
#include <utility>

#include "needlework/kit/fact_match.h"

namespace needlework::screening {

void CollectEvidence(const Rule& rule, const types::v1::PatientFacts& patient,
                     std::string_view as_of_date, types::v1::Finding* finding) {
  // Everything the kit matches, observations with below or above included; min_value, the
  // plugin's own threshold, below.
  for (addon::FactMatch& match : addon::MatchFacts(rule.criteria, patient, as_of_date)) {
    *finding->add_evidence() = std::move(match.evidence);
  }
  if (!rule.min_value) return;
  for (const auto& [observation, coding] : addon::LatestObservations(rule.criteria, patient)) {
    const double value = observation->value();
    if (!(value >= *rule.min_value)) continue;
    const std::optional<std::string> state =
        addon::LatestObservationState(rule.criteria, *observation, as_of_date);
    if (!state) continue;
    addon::FactMatch match =
        addon::MatchOf(rule.criteria.observations, *coding, "", observation->source_ref(),
                       *state + ", value " + addon::FormatNumber(value) + " (threshold " +
                           addon::FormatNumber(*rule.min_value) + ")");
    *finding->add_evidence() = std::move(match.evidence);
  }
}

}  // namespace needlework::screening
