// Merging the screening plugins' answers into the EMR's ScreenResponse.
#ifndef NEEDLEWORK_HOST_SCREENING_MERGE_H_
#define NEEDLEWORK_HOST_SCREENING_MERGE_H_

#include <vector>

#include "host/plugins/clinic_registry.h"
#include "host/plugins/hook_runner.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// Fills outcome, findings and plugin_runs. The most restrictive outcome wins; every finding
// is kept with source_plugin set to the plugin that produced it (a plugin cannot claim
// another's name). Fails closed: a plugin that errored, timed out, was quarantined, was not
// run, answered malformed bytes or an UNSPECIFIED outcome, and every enabled plugin that is
// unavailable, adds a REVIEW_REQUIRED finding naming it. With no answers at all the outcome
// is REVIEW_REQUIRED, never ELIGIBLE.
void MergeScreening(const std::vector<PluginCallResult>& results,
                    const std::vector<UnavailablePlugin>& unavailable,
                    needlework::v1::ScreenResponse* response);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_MERGE_H_
