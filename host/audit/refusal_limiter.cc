#include "host/audit/refusal_limiter.h"

#include <algorithm>

namespace needlework::host {
namespace {

int64_t Micros(std::chrono::seconds seconds) {
  return std::chrono::duration_cast<std::chrono::microseconds>(seconds).count();
}

}  // namespace

RefusalLimiter::RefusalLimiter(int limit, std::chrono::seconds window)
    : limit_(std::max(limit, 1)), window_(std::max(window, std::chrono::seconds(1))) {}

bool RefusalLimiter::Expired(const Window& window, int64_t now_micros) const {
  return now_micros - window.start_micros >= Micros(window_);
}

int64_t RefusalLimiter::WaitSeconds(const std::string& key, int64_t now_micros) {
  if (Idle()) return 0;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = windows_.find(key);
  if (it == windows_.end()) return 0;
  if (Expired(it->second, now_micros)) {
    windows_.erase(it);
    tracked_.store(windows_.size(), std::memory_order_relaxed);
    return 0;
  }
  if (it->second.count < limit_) return 0;
  int64_t left = it->second.start_micros + Micros(window_) - now_micros;
  return std::max<int64_t>(1, (left + 999'999) / 1'000'000);
}

void RefusalLimiter::Count(const std::string& key, int64_t now_micros) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = windows_.find(key);
  if (it == windows_.end()) {
    if (windows_.size() >= kMaxKeys) DropExpired(now_micros);
    if (windows_.size() >= kMaxKeys) return;
    it = windows_.emplace(key, Window{now_micros, 0}).first;
  } else if (Expired(it->second, now_micros)) {
    it->second = Window{now_micros, 0};
  }
  ++it->second.count;
  tracked_.store(windows_.size(), std::memory_order_relaxed);
}

void RefusalLimiter::DropExpired(int64_t now_micros) {
  std::erase_if(windows_, [&](const auto& entry) { return Expired(entry.second, now_micros); });
  tracked_.store(windows_.size(), std::memory_order_relaxed);
}

}  // namespace needlework::host
