#include "plugins/screening/fact_matching.h"

#include <string>
#include <utility>

#include "needlework/kit/fact_match.h"

namespace needlework::screening {

void CollectEvidence(const Rule& rule, const types::v1::PatientFacts& patient,
                     types::v1::Finding* finding) {
  // Conditions, medications, allergies and (with below or above) observations as the kit
  // matches them; min_value, the plugin's own threshold, below.
  for (addon::FactMatch& match : addon::MatchFacts(rule.criteria, patient)) {
    *finding->add_evidence() = std::move(match.evidence);
  }
  if (!rule.min_value) return;
  for (const auto& [observation, coding] : addon::LatestObservations(rule.criteria, patient)) {
    const double value = observation->value();
    if (!(value >= *rule.min_value)) continue;
    addon::FactMatch match =
        addon::MatchOf(rule.criteria.observations, *coding, "", observation->source_ref(),
                       "latest observation, value " + addon::FormatNumber(value) + " (threshold " +
                           addon::FormatNumber(*rule.min_value) + ")");
    *finding->add_evidence() = std::move(match.evidence);
  }
}

}  // namespace needlework::screening
