// FindSlots: free start times for one session of a plan.
#ifndef NEEDLEWORK_HOST_SCHEDULING_SLOT_SEARCH_H_
#define NEEDLEWORK_HOST_SCHEDULING_SLOT_SEARCH_H_

#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::host {

// Answers FindSlots for `clinic_id`: opening hours, every required resource free, the plan's
// spacing after the previous session, not in the past, and every check_booking plugin.
// INVALID_ARGUMENT for malformed dates or a window over 92 days; OUT_OF_RANGE for a session
// the plan lacks; FAILED_PRECONDITION when the spacing window misses the requested dates, or
// when plugins refuse every free slot (with their reasons), or no scheduling plugin is on.
Status FindSlots(Store& store, const PluginCalls& plugins, const std::string& clinic_id,
                 const needlework::v1::FindSlotsRequest& request,
                 needlework::v1::FindSlotsResponse* response);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCHEDULING_SLOT_SEARCH_H_
