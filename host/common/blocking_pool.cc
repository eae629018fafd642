#include "host/common/blocking_pool.h"

#include <algorithm>
#include <string>

#include "host/common/call_audit_scope.h"

namespace needlework::host {

BlockingPool::BlockingPool(int threads, int max_waiting)
    : max_waiting_(static_cast<size_t>(std::max(max_waiting, 1))) {
  for (int i = 0; i < std::max(threads, 1); ++i) threads_.emplace_back([this] { Loop(); });
}

BlockingPool::~BlockingPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

Status BlockingPool::Submit(std::function<void()> work) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_waiting_) {
      return Status(StatusCode::kResourceExhausted,
                    std::to_string(queue_.size()) +
                        " writes are already waiting for the disk; retry in a moment");
    }
    queue_.push_back([audit = CurrentCallAudit(), work = std::move(work)] {
      CallAuditScope scope(audit);
      work();
    });
  }
  wake_.notify_one();
  return OkStatus();
}

void BlockingPool::Loop() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, and nothing left to run
    auto work = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    work();
    lock.lock();
  }
}

}  // namespace needlework::host
