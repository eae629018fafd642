// Runs one hook across a clinic's plugins on the PluginCallPool's threads, never on the
// calling (serving) thread, with a deadline per plugin call enforced by the Watchdog.
//
// Contract: `done` is called exactly once with one result per plugin, in plugin order:
//  - normally on a plugin-call thread, after the last plugin answered;
//  - or on the watchdog thread as soon as a plugin overruns its deadline: that plugin is
//    TIMED_OUT, the ones after it NOT_RUN (they are not called: a hook's plugins run in
//    order, and the caller gets its answer at the overrunning plugin's deadline). The stuck
//    call keeps its thread, which the pool writes off and replaces; its answer is dropped
//    when it returns. The instance is told (PluginInstance::DeadlinePassed): in process
//    mode its runner is killed, so the stuck call returns at once.
//  - If no plugin-call thread takes the run within the first plugin's deadline (the pool is
//    overloaded), the first plugin is TIMED_OUT and the rest NOT_RUN, without calling any.
// So a caller waits at most about the sum of the deadlines of the plugins that answered,
// plus the deadline of the one that did not.
// Quarantine: a plugin instance is quarantined from the moment one of its calls passes its
// deadline until every such call has returned. A quarantined plugin is not called
// (QUARANTINED), nor is any instance of a plugin holding the pool's cap of written-off
// threads.
#ifndef NEEDLEWORK_HOST_PLUGINS_HOOK_RUNNER_H_
#define NEEDLEWORK_HOST_PLUGINS_HOOK_RUNNER_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "host/plugins/clinic_registry.h"
#include "host/plugins/hook_deadlines.h"
#include "host/plugins/plugin_call_pool.h"
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
  PluginCallPool& pool;            // the threads plugin code runs on
};

// Uses `calls.watchdog` and `calls.pool`, which must outlive the run (not just this call).
void RunHook(const PluginCalls& calls, const ClinicPlugins::InstanceList& plugins,
             needlework::plugin::v1::Hook hook, const std::string& request,
             std::chrono::milliseconds deadline, HookDone done);

// RunHook for callers that need the results before going on (e.g. a booking checks plugins
// before it writes). Returns once the results are decided: at the latest when a plugin
// overruns its deadline, whether or not that plugin ever returns.
std::vector<PluginCallResult> RunHookAndWait(const PluginCalls& calls,
                                             const ClinicPlugins::InstanceList& plugins,
                                             needlework::plugin::v1::Hook hook,
                                             const std::string& request,
                                             std::chrono::milliseconds deadline);

// Creates `plugin`'s instance for a clinic (create_instance, then its catalog: see
// PluginInstance::Create) with `code` on a plugin-call thread, waiting at most `deadline`.
// Past it: DEADLINE_EXCEEDED naming the plugin and the deadline; the thread is written off
// and the late instance, if any, is destroyed when it arrives (process mode stops at the
// deadline by itself: its runner is killed); a create no thread took by then is never run.
// UNAVAILABLE at once, calling nothing, while the plugin holds the pool's cap of written-off
// threads. The instance's end (destroy_instance in process), when it goes, runs apart
// (PluginCallPool::RunsApart). `pool`, `plugin` and `code` must outlive the call, even when
// it gives up.
StatusOr<std::shared_ptr<PluginInstance>> CreateInstanceWithin(
    PluginCallPool& pool, std::chrono::milliseconds deadline, const LoadedPlugin& plugin,
    const std::string& clinic_id, const std::string& config_patch_json,
    PluginCodeFactory& code = InProcessCodeFactory());

// Fills `run` (the API's report of one plugin's part in a call) from `result`.
void FillPluginRun(const PluginCallResult& result, needlework::v1::PluginRun* run);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_HOOK_RUNNER_H_
