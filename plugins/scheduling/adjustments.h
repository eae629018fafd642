// Which personal adjustments of the config apply to one patient.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_ADJUSTMENTS_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_ADJUSTMENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "needlework/types/v1/clinical.pb.h"
#include "plugins/scheduling/civil_date.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// One adjustment that applies, and why, e.g. "skin-laxity-grade 2 (at least 2)".
struct AppliedAdjustment {
  const Adjustment* adjustment;  // points into the SchedulingRules; lives as long as they do
  std::string reason;
};

// The adjustments (in their order) that apply to `patient`:
//  - an observation trigger applies when the latest observation carrying the adjustment's
//    code (system and code, among any of its codings) with a numeric value has a value
//    >= min_value. Latest = greatest `effective`, compared as text (FHIR dateTimes written
//    alike sort so); among equal or empty ones, the one listed last. This is the screening
//    plugin's rule, so both read the same laxity grade.
//  - an age trigger applies when `birth_date` is a full YYYY-MM-DD date, `today` is known
//    and the age in completed years is >= min_age_years. Otherwise it does not apply.
std::vector<AppliedAdjustment> MatchAdjustments(const std::vector<Adjustment>& adjustments,
                                                const types::v1::PatientFacts& patient,
                                                std::optional<Day> today);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_ADJUSTMENTS_H_
