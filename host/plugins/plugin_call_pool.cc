#include "host/plugins/plugin_call_pool.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace needlework::host {

struct PluginCallPoolState {
  using Call = PluginCallPool::Call;
  using WorkerId = PluginCallPool::WorkerId;
  mutable std::mutex mutex;
  std::condition_variable work;    // a call was queued, or the pool is stopping
  std::condition_variable exited;  // a written-off thread has left its plugin call
  std::deque<Call> queue;
  std::map<WorkerId, std::thread> live;
  std::map<WorkerId, std::string> written_off;  // worker -> the plugin it is stuck in
  std::map<std::string, int> written_off_by_plugin;
  int max_written_off_per_plugin = 0;
  WorkerId next_id = 1;
  bool stopping = false;
};

namespace {

using State = PluginCallPoolState;

void WorkerLoop(const std::shared_ptr<State>& state, PluginCallPool::WorkerId id);

// Starts one worker. Call with state->mutex held.
void StartWorker(const std::shared_ptr<State>& state) {
  auto id = state->next_id++;
  state->live.emplace(id, std::thread([state, id] { WorkerLoop(state, id); }));
}

// True when `id` was written off (it then leaves the pool). Call with state->mutex held.
bool LeaveIfWrittenOff(State& state, PluginCallPool::WorkerId id) {
  auto it = state.written_off.find(id);
  if (it == state.written_off.end()) return false;
  if (--state.written_off_by_plugin[it->second] == 0) state.written_off_by_plugin.erase(it->second);
  state.written_off.erase(it);
  state.exited.notify_all();
  return true;
}

void WorkerLoop(const std::shared_ptr<State>& state, PluginCallPool::WorkerId id) {
  std::unique_lock lock(state->mutex);
  while (true) {
    state->work.wait(lock, [&] { return state->stopping || !state->queue.empty(); });
    if (state->queue.empty()) return;  // stopping, nothing left to run
    auto call = std::move(state->queue.front());
    state->queue.pop_front();
    lock.unlock();
    call(id);
    call = nullptr;  // release what the call holds (instances, results) outside the lock
    lock.lock();
    if (LeaveIfWrittenOff(*state, id)) return;
  }
}

void RunApart(const std::shared_ptr<State>& state, const std::string& plugin_id,
              std::function<void()> call) {
  std::unique_lock lock(state->mutex);
  if (state->stopping) {
    lock.unlock();
    call();
    return;
  }
  auto id = state->next_id++;
  state->written_off.emplace(id, plugin_id);
  ++state->written_off_by_plugin[plugin_id];
  std::thread([state, id, call = std::move(call)]() mutable {
    call();
    call = nullptr;  // release what it holds before it counts as returned
    std::lock_guard returned(state->mutex);
    LeaveIfWrittenOff(*state, id);
  }).detach();
}

}  // namespace

PluginCallPool::PluginCallPool(int workers, int max_written_off_per_plugin)
    : state_(std::make_shared<PluginCallPoolState>()) {
  std::lock_guard lock(state_->mutex);
  state_->max_written_off_per_plugin = max_written_off_per_plugin;
  for (int i = 0; i < workers; ++i) StartWorker(state_);
}

PluginCallPool::~PluginCallPool() {
  std::map<WorkerId, std::thread> live;
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
    live.swap(state_->live);
  }
  state_->work.notify_all();
  for (auto& [id, thread] : live) thread.join();
  std::unique_lock lock(state_->mutex);
  state_->exited.wait_for(lock, std::chrono::seconds(2),
                          [this] { return state_->written_off.empty(); });
}

void PluginCallPool::Submit(Call call) {
  {
    std::lock_guard lock(state_->mutex);
    state_->queue.push_back(std::move(call));
  }
  state_->work.notify_one();
}

void PluginCallPool::WriteOff(WorkerId id, const std::string& plugin_id) {
  std::lock_guard lock(state_->mutex);
  auto it = state_->live.find(id);
  if (it == state_->live.end()) return;  // already written off, or the pool is stopping
  it->second.detach();                   // it exits by itself once its call returns
  state_->live.erase(it);
  state_->written_off.emplace(id, plugin_id);
  ++state_->written_off_by_plugin[plugin_id];
  if (!state_->stopping) StartWorker(state_);
}

bool PluginCallPool::Saturated(const std::string& plugin_id) const {
  std::lock_guard lock(state_->mutex);
  auto it = state_->written_off_by_plugin.find(plugin_id);
  return it != state_->written_off_by_plugin.end() &&
         it->second >= state_->max_written_off_per_plugin;
}

PluginCallPool::Apart PluginCallPool::RunsApart() const {
  return [state = state_](const std::string& plugin_id, std::function<void()> call) {
    RunApart(state, plugin_id, std::move(call));
  };
}

int PluginCallPool::written_off() const {
  std::lock_guard lock(state_->mutex);
  return static_cast<int>(state_->written_off.size());
}

}  // namespace needlework::host
