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
//
// Add-ons (`add_ons`, as checked against `plugins`' catalog): a finding about a planned
// add-on (see AddOnVerdicts::Targets) is kept with applies_to set and counts only towards
// that add-on's verdict, never towards `outcome`, which stays the treatment without
// add-ons. An add-on plugin that fails leaves each of its planned add-ons at least
// REVIEW_REQUIRED, with a screening-incomplete finding about it.
void MergeScreening(const std::vector<PluginCallResult>& results, const ClinicPlugins& plugins,
                    const Codings& add_ons, needlework::v1::ScreenResponse* response);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_MERGE_H_
