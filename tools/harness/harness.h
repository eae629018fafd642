// needlework-plugin-harness: one hook of one plugin file, called the way needlework-host
// calls it, without a host, a clinic or an EMR.
#ifndef NEEDLEWORK_TOOLS_HARNESS_HARNESS_H_
#define NEEDLEWORK_TOOLS_HARNESS_HARNESS_H_

#include <chrono>
#include <string>

#include "host/plugins/isolation_config.h"
#include "needlework/status.h"

namespace needlework::harness {

struct HarnessOptions {
  std::string plugin_file;   // the built .so
  std::string hook;          // "screen", "plan", "check_booking", "aftercare", "triage", "catalog"
  std::string request_json;  // the <Hook>Request in proto3 JSON; empty: an empty request
  std::string fhir_json;     // screen and plan: the patient as FHIR R4 (a Bundle); may be empty
  // A JSON merge patch over the manifest's default config, as a clinic's patch is applied.
  std::string config_patch = "{}";
  host::IsolationMode mode = host::IsolationMode::kInProcess;
  // process mode: needlework-plugin-runner; empty: where needlework-host looks for it.
  std::string runner;
  std::string clinic_id = "harness-clinic";
  std::chrono::milliseconds deadline{500};  // create_instance's and the hook's
};

// Loads `options.plugin_file` as the host does in development mode (version block, message
// layouts, manifest), creates its instance in `options.mode` (in process, or in a runner
// process with the limits a host gives it), and calls the hook once. Returns the answer as
// indented proto3 JSON. The plugin's log lines go to stderr as the host logs them
// (`"event":"plugin_log"`, one JSON object a line; from a runner also `plugin_output`).
// FAILED_PRECONDITION when the host would refuse the file, or the manifest does not list
// the hook; INVALID_ARGUMENT for a request or config that cannot be read, or that the
// plugin refuses; otherwise the plugin's own error, with its code.
StatusOr<std::string> RunHook(const HarnessOptions& options);

}  // namespace needlework::harness

#endif  // NEEDLEWORK_TOOLS_HARNESS_HARNESS_H_
