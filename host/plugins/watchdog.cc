#include "host/plugins/watchdog.h"

#include <vector>

namespace needlework::host {

Watchdog::Watchdog(std::chrono::milliseconds tick) : tick_(tick), thread_([this] { Run(); }) {}

Watchdog::~Watchdog() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

Watchdog::Id Watchdog::Schedule(Clock::time_point deadline, std::function<void()> fire) {
  std::lock_guard lock(mutex_);
  Id id = next_id_++;
  bool was_idle = pending_.empty();
  pending_.emplace(std::make_pair(deadline, id), std::move(fire));
  deadline_of_.emplace(id, deadline);
  if (was_idle) wake_.notify_one();  // the thread sleeps without a timeout only when idle
  return id;
}

bool Watchdog::Cancel(Id id) {
  std::lock_guard lock(mutex_);
  auto it = deadline_of_.find(id);
  if (it == deadline_of_.end()) return false;
  pending_.erase({it->second, id});
  deadline_of_.erase(it);
  return true;
}

void Watchdog::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (pending_.empty()) {
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      continue;
    }
    wake_.wait_for(lock, tick_);
    std::vector<std::function<void()>> due;
    auto now = Clock::now();
    while (!pending_.empty() && pending_.begin()->first.first <= now) {
      deadline_of_.erase(pending_.begin()->first.second);
      due.push_back(std::move(pending_.begin()->second));
      pending_.erase(pending_.begin());
    }
    lock.unlock();
    for (auto& fire : due) fire();
    lock.lock();
  }
}

}  // namespace needlework::host
