// Runs one hook across a clinic's plugins, inline on the calling (serving) thread, with a
// deadline per plugin call enforced by the Watchdog.
//
// Contract: `done` is called exactly once with one result per plugin, in plugin order:
//  - normally on the calling thread, after the last plugin answered;
//  - or on the watchdog thread as soon as a plugin overruns its deadline: that plugin is
//    TIMED_OUT (and quarantined until its call returns), the ones after it NOT_RUN. The stuck
//    call keeps its thread; its answer is dropped when it returns.
// A quarantined plugin is not called (QUARANTINED).
#ifndef NEEDLEWORK_HOST_PLUGINS_HOOK_RUNNER_H_
#define NEEDLEWORK_HOST_PLUGINS_HOOK_RUNNER_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "host/plugins/clinic_registry.h"
#include "host/plugins/hook_deadlines.h"
#include "host/plugins/watchdog.h"
#include "needlework/v1/common.pb.h"

namespace needlework::host {

struct PluginCallResult {
  std::shared_ptr<PluginInstance> instance;
  needlework::v1::PluginRun::State state = needlework::v1::PluginRun::STATE_NOT_RUN;
  std::string message;                // why, for anything but STATE_OK
  StatusCode code = StatusCode::kOk;  // the plugin's own code, for STATE_ERROR
  std::string response;               // the serialized response, for STATE_OK
  int64_t duration_micros = 0;
};

using HookDone = std::function<void(std::vector<PluginCallResult>)>;

// What a service needs to call its clinics' plugins. Not owned: each outlives every call.
struct PluginCalls {
  const ClinicRegistry& registry;  // each clinic's snapshot of its enabled plugins
  Watchdog& watchdog;              // enforces the deadline of each plugin call
  const HookDeadlines& deadlines;  // how long a plugin may take, by hook
};

void RunHook(Watchdog& watchdog, const ClinicPlugins::InstanceList& plugins,
             needlework::plugin::v1::Hook hook, const std::string& request,
             std::chrono::milliseconds deadline, HookDone done);

// RunHook for callers that need the results before going on (e.g. a booking checks plugins
// before it writes). Returns once the results are decided; like RunHook, a stuck plugin
// keeps the calling thread until it returns.
std::vector<PluginCallResult> RunHookAndWait(Watchdog& watchdog,
                                             const ClinicPlugins::InstanceList& plugins,
                                             needlework::plugin::v1::Hook hook,
                                             const std::string& request,
                                             std::chrono::milliseconds deadline);

// Fills `run` (the API's report of one plugin's part in a call) from `result`.
void FillPluginRun(const PluginCallResult& result, needlework::v1::PluginRun* run);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_HOOK_RUNNER_H_
