// One Screen call's work apart from its transport: the checks, the plugins' request, the
// plugins run and merged. ScreeningService.Screen (gRPC) and the CDS Hooks service (HTTP)
// both screen through it, and both store the answer with NewScreeningRow and
// Store::InsertScreening.
#ifndef NEEDLEWORK_HOST_SCREENING_SCREEN_CALL_H_
#define NEEDLEWORK_HOST_SCREENING_SCREEN_CALL_H_

#include <string>

#include "host/plugins/clinic_registry.h"
#include "host/plugins/hook_runner.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/status.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// FAILED_PRECONDITION, naming the command that fixes it, when no screening plugin is
// enabled for `clinic_id` in `plugins` (and none is merely unavailable, which screening
// reports as a finding instead).
Status CheckScreeningServed(const ClinicPlugins& plugins, const std::string& clinic_id);

// The screen hook's request: `facts`, the concerns, areas and (checked) add-ons, dated today
// (UTC).
needlework::plugin::v1::ScreenRequest PluginScreenRequest(needlework::types::v1::PatientFacts facts,
                                                          const Codings& concerns,
                                                          const Codings& areas,
                                                          const Codings& add_ons);

// What ScreenAndWait answers: the merged answer (no screening_id: it is not stored yet) and
// the digest of its input (ScreeningInputDigest), for NewScreeningRow.
struct ScreenedPatient {
  needlework::v1::ScreenResponse response;
  std::string input_digest;
};

// Screens `facts` (checked, with ingredients filled) for `clinic_id` on the calling thread:
// CheckScreeningServed, CheckRequestedAddOns (field "add_ons"), the clinic's screen plugins
// for the treatment and add-ons (RunHookAndWait), MergeScreening. Errors: those checks'.
StatusOr<ScreenedPatient> ScreenAndWait(const PluginCalls& calls, const std::string& clinic_id,
                                        needlework::types::v1::PatientFacts facts,
                                        const Codings& concerns, const Codings& areas,
                                        const Codings& add_ons);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREEN_CALL_H_
