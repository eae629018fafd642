// What makes a series plan acceptable, and how several plugins' proposals become one.
#ifndef NEEDLEWORK_HOST_PLANNING_PLAN_RULES_H_
#define NEEDLEWORK_HOST_PLANNING_PLAN_RULES_H_

#include <vector>

#include "host/plugins/hook_runner.h"
#include "needlework/status.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/common.pb.h"

namespace needlework::host {

// INVALID_ARGUMENT naming the field: 1-50 sessions, 0 <= min_days <= max_days <= 730,
// 5-600 session minutes, numbing within them, at least one requirement, each a known type
// (devices with a kind), maintenance min <= max.
Status ValidateSeriesPlan(const needlework::types::v1::SeriesPlan& plan);

// Combines the answers of the plugins serving `plan`. Each usable answer is merged into the
// first: the most sessions, the longest session, the latest earliest-spacing, every resource
// requirement once, every rationale line. A plugin's INVALID_ARGUMENT (an unknown concern,
// say) is returned as is; when any plugin failed, UNAVAILABLE naming each failure (a plan
// without it could understate the series); spacing windows that do not overlap are
// FAILED_PRECONDITION.
// An add-on plugin's answer only constrains the series: the larger min_days_between is kept
// (FAILED_PRECONDITION past the series' max_days_between) and its rationale appended; its
// time and resources come from its catalog entry (see ComposeSession).
// `runs` receives one PluginRun per plugin.
StatusOr<needlework::types::v1::SeriesPlan> MergePlanAnswers(
    const std::vector<PluginCallResult>& results,
    google::protobuf::RepeatedPtrField<needlework::v1::PluginRun>* runs);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLANNING_PLAN_RULES_H_
