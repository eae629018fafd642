// Symptom triage across the clinic's triage plugins.
#ifndef NEEDLEWORK_HOST_AFTERCARE_TRIAGE_H_
#define NEEDLEWORK_HOST_AFTERCARE_TRIAGE_H_

#include "host/plugins/hook_runner.h"
#include "needlework/v1/aftercare.pb.h"

namespace needlework::host {

// Asks every enabled triage plugin taking part in a session with `add_ons` and fills
// report's level, advice, indicator and plugin_runs: the most urgent level wins, with its
// advice. A plugin answering UNSPECIFIED has no rule for the symptom and is passed over.
// Fails closed: a plugin that fails makes the level at least CONTACT_CLINIC, saying which
// plugin could not triage, and so does a report that no plugin had a rule for.
// The advice reaches the patient with {clinic_name} filled with `clinic_name`.
// FAILED_PRECONDITION when no triage plugin is enabled for the clinic.
Status TriageReport(const PluginCalls& plugins, const std::string& clinic_id,
                    const std::string& clinic_name, const std::string& language,
                    const Codings& add_ons, needlework::v1::SymptomReport* report);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AFTERCARE_TRIAGE_H_
