#include "host/plugins/hook_runner.h"

#include <future>
#include <mutex>
#include <optional>

#include "host/common/host_metrics.h"
#include "host/plugins/hook_deadlines.h"

namespace needlework::host {
namespace {

using needlework::v1::PluginRun;
using Clock = std::chrono::steady_clock;

std::string_view OutcomeName(PluginRun::State state) {
  switch (state) {
    case PluginRun::STATE_OK:
      return "ok";
    case PluginRun::STATE_ERROR:
      return "error";
    case PluginRun::STATE_TIMED_OUT:
      return "timed_out";
    case PluginRun::STATE_QUARANTINED:
      return "quarantined";
    default:
      return "not_run";
  }
}

// Each plugin's part in one finished hook call, to the host's metrics.
void CountResults(needlework::plugin::v1::Hook hook, const std::vector<PluginCallResult>& results) {
  std::string hook_name = HookName(hook);
  for (const PluginCallResult& result : results) {
    Metrics().PluginCall(result.instance->plugin_id(), hook_name, OutcomeName(result.state),
                         static_cast<double>(result.duration_micros) / 1e6);
  }
}

// State shared by the plugin-call thread and, if a deadline passes, the watchdog thread.
struct HookRun {
  Watchdog* watchdog = nullptr;    // not owned; outlives the run
  PluginCallPool* pool = nullptr;  // not owned; outlives the run
  needlework::plugin::v1::Hook hook{};
  std::string request;
  std::chrono::milliseconds deadline{0};

  std::mutex mutex;
  bool started = false;  // a plugin-call thread has taken the run
  bool finished = false;
  PluginCallPool::WorkerId worker = 0;  // the thread running the plugins
  std::vector<PluginCallResult> results;
  HookDone done;

  // Hands the results to `done` unless another thread already did. Call without mutex.
  void Finish() {
    std::vector<PluginCallResult> out;
    {
      std::lock_guard lock(mutex);
      if (finished) return;
      finished = true;
      out = results;
    }
    CountResults(hook, out);
    done(std::move(out));
  }
};

std::string DeadlineText(std::chrono::milliseconds deadline) {
  return std::to_string(deadline.count()) + " ms deadline";
}

int64_t MicrosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

// The watchdog's callback when plugin `index` overran its deadline: quarantines it, writes
// off its thread and finishes the run without waiting for it.
void OnDeadline(const std::shared_ptr<HookRun>& run, size_t index, Clock::time_point start) {
  auto instance = run->results[index].instance;
  // Always, so the call's own ClearStuck (it runs whenever this callback fired) balances it.
  instance->MarkStuck();
  Metrics().PluginQuarantined(instance->plugin_id());
  PluginCallPool::WorkerId worker;
  {
    std::lock_guard lock(run->mutex);
    worker = run->worker;
    if (!run->finished) {
      auto& result = run->results[index];
      result.state = PluginRun::STATE_TIMED_OUT;
      result.message = "no answer within the " + DeadlineText(run->deadline);
      result.duration_micros = MicrosSince(start);
    }
  }
  run->pool->WriteOff(worker, instance->plugin_id());
  run->Finish();
  instance->DeadlinePassed(run->hook);  // process mode: the runner is killed, the call returns
}

// The watchdog's callback when no plugin-call thread took the run within the first
// plugin's deadline: fails the run closed without calling anything.
void OnNotStarted(const std::shared_ptr<HookRun>& run, Clock::time_point start) {
  {
    std::lock_guard lock(run->mutex);
    if (run->started || run->finished) return;
    for (auto& result : run->results) {
      if (result.state != PluginRun::STATE_NOT_RUN) continue;
      result.state = PluginRun::STATE_TIMED_OUT;
      result.message = "no plugin thread free within the " + DeadlineText(run->deadline);
      result.duration_micros = MicrosSince(start);
      break;
    }
  }
  run->Finish();
}

// Calls plugin `index`; false when the watchdog finished the run meanwhile (stop at once).
bool CallOne(const std::shared_ptr<HookRun>& run, size_t index) {
  auto instance = run->results[index].instance;
  auto start = Clock::now();
  {
    std::lock_guard lock(run->mutex);
    if (run->finished) return false;
  }
  auto timer = run->watchdog->Schedule(start + run->deadline,
                                       [run, index, start] { OnDeadline(run, index, start); });
  StatusOr<std::string> answer = instance->Invoke(run->hook, run->request);
  if (!run->watchdog->Cancel(timer)) {
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

// Why plugin `index` is not to be called, or empty.
std::string RefusalOf(const HookRun& run, size_t index) {
  const auto& instance = *run.results[index].instance;
  if (instance.quarantined()) return "an earlier call is still running past its deadline";
  if (run.pool->Saturated(instance.plugin_id())) {
    return "too many of its calls are still running past their deadlines";
  }
  return "";
}

// Runs on a plugin-call thread: calls each plugin in order, then finishes the run.
void CallAll(const std::shared_ptr<HookRun>& run, PluginCallPool::WorkerId worker,
             Watchdog::Id not_started) {
  {
    std::lock_guard lock(run->mutex);
    if (run->finished) return;
    run->started = true;
    run->worker = worker;
  }
  run->watchdog->Cancel(not_started);
  for (size_t i = 0; i < run->results.size(); ++i) {
    if (auto refusal = RefusalOf(*run, i); !refusal.empty()) {
      std::lock_guard lock(run->mutex);
      run->results[i].state = PluginRun::STATE_QUARANTINED;
      run->results[i].message = std::move(refusal);
      continue;
    }
    if (!CallOne(run, i)) return;
  }
  run->Finish();
}

// CreateInstanceWithin's answer when `id` did not create its instance by `deadline`.
Status NotCreatedInTime(const std::string& id, std::chrono::milliseconds deadline) {
  return DeadlineExceededError(id +
                               " did not create its instance (create_instance and catalog) "
                               "within the " +
                               DeadlineText(deadline) + "; nothing was changed");
}

// A create's answer as CreateInstanceWithin gives it: one that process mode stopped at the
// deadline by itself reads like one that was waited out.
StatusOr<std::shared_ptr<PluginInstance>> InTime(StatusOr<std::shared_ptr<PluginInstance>> created,
                                                 const std::string& id,
                                                 std::chrono::milliseconds deadline) {
  if (created.status().code() != StatusCode::kDeadlineExceeded) return created;
  return NotCreatedInTime(id, deadline);
}

// A create handed to the pool, shared by CreateInstanceWithin's caller and the plugin-call
// thread that runs it.
struct PendingCreate {
  using Created = StatusOr<std::shared_ptr<PluginInstance>>;
  std::mutex mutex;
  std::optional<PluginCallPool::WorkerId> worker;  // the thread that took the create
  bool abandoned = false;  // the caller gave up before a thread took it: never run it
  bool delivered = false;  // `created` holds the answer
  std::promise<Created> created;

  // On the plugin-call thread: false when the caller already gave up (skip the create).
  bool Take(PluginCallPool::WorkerId id) {
    std::lock_guard lock(mutex);
    worker = id;
    return !abandoned;
  }
  void Deliver(Created answer) {
    std::lock_guard lock(mutex);
    created.set_value(std::move(answer));
    delivered = true;
  }
  // On the caller's thread, past the deadline: the answer if it has just arrived; else the
  // create is abandoned (no thread took it) or its thread written off (stuck in the plugin).
  Created GiveUp(PluginCallPool& pool, const std::string& id, std::chrono::milliseconds deadline,
                 std::future<Created>& answer) {
    std::lock_guard lock(mutex);
    if (delivered) return InTime(answer.get(), id, deadline);
    if (!worker) {
      abandoned = true;
      return DeadlineExceededError(id +
                                   " was not asked to create its instance: no plugin "
                                   "thread was free within the " +
                                   DeadlineText(deadline) + "; nothing was changed");
    }
    pool.WriteOff(*worker, id);
    return NotCreatedInTime(id, deadline);
  }
};

}  // namespace

void RunHook(const PluginCalls& calls, const ClinicPlugins::InstanceList& plugins,
             needlework::plugin::v1::Hook hook, const std::string& request,
             std::chrono::milliseconds deadline, HookDone done) {
  auto run = std::make_shared<HookRun>();
  run->watchdog = &calls.watchdog;
  run->pool = &calls.pool;
  run->hook = hook;
  run->request = request;
  run->deadline = deadline;
  run->done = std::move(done);
  for (const auto& instance : plugins) {
    PluginCallResult pending;
    pending.instance = instance;
    run->results.push_back(std::move(pending));
  }
  auto start = Clock::now();
  auto not_started =
      calls.watchdog.Schedule(start + deadline, [run, start] { OnNotStarted(run, start); });
  calls.pool.Submit(
      [run, not_started](PluginCallPool::WorkerId worker) { CallAll(run, worker, not_started); });
}

std::vector<PluginCallResult> RunHookAndWait(const PluginCalls& calls,
                                             const ClinicPlugins::InstanceList& plugins,
                                             needlework::plugin::v1::Hook hook,
                                             const std::string& request,
                                             std::chrono::milliseconds deadline) {
  auto results = std::make_shared<std::promise<std::vector<PluginCallResult>>>();
  auto future = results->get_future();
  RunHook(calls, plugins, hook, request, deadline,
          [results](std::vector<PluginCallResult> done) { results->set_value(std::move(done)); });
  return future.get();
}

StatusOr<std::shared_ptr<PluginInstance>> CreateInstanceWithin(
    PluginCallPool& pool, std::chrono::milliseconds deadline, const LoadedPlugin& plugin,
    const std::string& clinic_id, const std::string& config_patch_json, PluginCodeFactory& code) {
  const std::string& id = plugin.manifest.id();
  if (pool.Saturated(id)) {
    return UnavailableError(id +
                            " has too many calls still running past their deadlines, so "
                            "it is not called; nothing was changed; retry once they return");
  }
  // Destroying an instance must not hold whoever drops it last, nor any lock it holds.
  PluginInstance::Destroyer destroyer = [apart = pool.RunsApart(), id](auto destroy) {
    apart(id, std::move(destroy));
  };
  auto pending = std::make_shared<PendingCreate>();
  auto answer = pending->created.get_future();
  auto until = Clock::now() + deadline;
  pool.Submit([pending, &plugin, &code, clinic_id, config_patch_json, destroyer,
               until](PluginCallPool::WorkerId worker) {
    if (!pending->Take(worker)) return;
    pending->Deliver(
        PluginInstance::Create(plugin, clinic_id, config_patch_json, code, until, destroyer));
  });
  if (answer.wait_for(deadline) == std::future_status::ready) {
    return InTime(answer.get(), id, deadline);
  }
  return pending->GiveUp(pool, id, deadline, answer);
}

void FillPluginRun(const PluginCallResult& result, needlework::v1::PluginRun* run) {
  run->set_plugin_id(result.instance->plugin_id());
  run->set_plugin_version(result.instance->version());
  run->set_state(result.state);
  run->set_message(result.message);
  run->set_duration_micros(result.duration_micros);
}

}  // namespace needlework::host
