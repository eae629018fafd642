#include "host/plugins/hook_runner.h"

#include <future>
#include <mutex>

namespace needlework::host {
namespace {

using needlework::v1::PluginRun;
using Clock = std::chrono::steady_clock;

// State shared by the serving thread and, if a deadline passes, the watchdog thread.
struct HookRun {
  std::mutex mutex;
  bool finished = false;
  std::vector<PluginCallResult> results;
  HookDone done;

  // Hands the results to `done` unless the other thread already did. Call without mutex.
  void Finish() {
    std::vector<PluginCallResult> out;
    {
      std::lock_guard lock(mutex);
      if (finished) return;
      finished = true;
      out = results;
    }
    done(std::move(out));
  }
};

int64_t MicrosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

void OnDeadline(const std::shared_ptr<HookRun>& run, size_t index, Clock::time_point start,
                std::chrono::milliseconds deadline) {
  {
    std::lock_guard lock(run->mutex);
    auto& result = run->results[index];
    // Always, so the serving thread's ClearStuck (it runs whenever this callback fired)
    // balances it exactly.
    result.instance->MarkStuck();
    if (run->finished) return;
    result.state = PluginRun::STATE_TIMED_OUT;
    result.message = "no answer within the " + std::to_string(deadline.count()) + " ms deadline";
    result.duration_micros = MicrosSince(start);
  }
  run->Finish();
}

// Calls one plugin; false when the watchdog finished the run meanwhile (stop at once).
bool CallOne(Watchdog& watchdog, const std::shared_ptr<HookRun>& run, size_t index,
             needlework::plugin::v1::Hook hook, const std::string& request,
             std::chrono::milliseconds deadline) {
  auto instance = run->results[index].instance;
  auto start = Clock::now();
  auto timer = watchdog.Schedule(
      start + deadline, [run, index, start, deadline] { OnDeadline(run, index, start, deadline); });
  StatusOr<std::string> answer = instance->Invoke(hook, request);
  if (!watchdog.Cancel(timer)) {
    instance->ClearStuck();  // balances the watchdog's MarkStuck: the call has returned
    return false;
  }
  std::lock_guard lock(run->mutex);
  auto& result = run->results[index];
  result.duration_micros = MicrosSince(start);
  if (answer.ok()) {
    result.state = PluginRun::STATE_OK;
    result.response = std::move(answer).value();
  } else {
    result.state = PluginRun::STATE_ERROR;
    result.message = answer.status().ToString();
    result.code = answer.status().code();
  }
  return true;
}

}  // namespace

void RunHook(Watchdog& watchdog, const ClinicPlugins::InstanceList& plugins,
             needlework::plugin::v1::Hook hook, const std::string& request,
             std::chrono::milliseconds deadline, HookDone done) {
  auto run = std::make_shared<HookRun>();
  run->done = std::move(done);
  for (const auto& instance : plugins) {
    PluginCallResult pending;
    pending.instance = instance;
    run->results.push_back(std::move(pending));
  }
  for (size_t i = 0; i < plugins.size(); ++i) {
    if (plugins[i]->quarantined()) {
      std::lock_guard lock(run->mutex);
      run->results[i].state = PluginRun::STATE_QUARANTINED;
      run->results[i].message = "an earlier call is still running past its deadline";
      continue;
    }
    if (!CallOne(watchdog, run, i, hook, request, deadline)) return;
  }
  run->Finish();
}

std::vector<PluginCallResult> RunHookAndWait(Watchdog& watchdog,
                                             const ClinicPlugins::InstanceList& plugins,
                                             needlework::plugin::v1::Hook hook,
                                             const std::string& request,
                                             std::chrono::milliseconds deadline) {
  auto results = std::make_shared<std::promise<std::vector<PluginCallResult>>>();
  auto future = results->get_future();
  RunHook(watchdog, plugins, hook, request, deadline,
          [results](std::vector<PluginCallResult> done) { results->set_value(std::move(done)); });
  return future.get();
}

void FillPluginRun(const PluginCallResult& result, needlework::v1::PluginRun* run) {
  run->set_plugin_id(result.instance->plugin_id());
  run->set_plugin_version(result.instance->version());
  run->set_state(result.state);
  run->set_message(result.message);
  run->set_duration_micros(result.duration_micros);
}

}  // namespace needlework::host
