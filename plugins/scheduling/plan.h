// The `plan` hook: a treatment series proposed from concerns, areas, severity and the
// patient's skin factors, by the compiled config.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_PLAN_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_PLAN_H_

#include <optional>

#include "needlework/plugin/v1/plan.pb.h"
#include "needlework/status.h"
#include "plugins/scheduling/civil_date.h"
#include "plugins/scheduling/scheduling_rules.h"

namespace needlework::scheduling {

// Fills `response->plan` (the caller owns `response` and passes it empty):
//  - therapy: rules.therapy;
//  - session_count: for every requested concern and every area group among the requested
//    areas, the concern's table for that group (else its default table) at the severity
//    (SEVERITY_UNSPECIFIED reads as rules.default_severity); the series takes the maximum,
//    then each applying adjustment (see adjustments.h) adds its extra_sessions;
//  - min/max_days_between: rules' spacing plus each applying adjustment's
//    extra_days_between;
//  - session_minutes: numbing_minutes + the sum over the requested area groups of that
//    group's needling minutes: needling_minutes for its first area, minutes_per_extra_area
//    for each further distinct area, at most max_needling_minutes;
//  - requirements and maintenance months from the rules;
//  - rationale: one line per reason, for the clinician.
// `today` (UTC) is for age; without it age adjustments do not apply. Concerns must carry
// code_systems::kConcern and areas code_systems::kTreatmentArea; duplicates count once.
// Returns INVALID_ARGUMENT, leaving `response` unspecified, when no concern or no area is
// given, when a concern or area is not in the config (the message names it and lists the
// known ones) or has another code system, or for a severity number no table knows.
// Reads `rules` only, so any number of threads may plan with the same rules at once.
Status ProposeSeries(const SchedulingRules& rules, const plugin::v1::PlanRequest& request,
                     std::optional<Day> today, plugin::v1::PlanResponse* response);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_PLAN_H_
