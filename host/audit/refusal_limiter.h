// Counts refused calls (UNAUTHENTICATED, PERMISSION_DENIED) per key (a peer address, or a
// clinic) in fixed windows, and says how long a key that went over its limit must wait.
// Thread-safe. Memory is bounded: at most kMaxKeys keys are tracked at once; windows that
// ended are dropped first, and refusals of new keys beyond the bound are not counted.
#ifndef NEEDLEWORK_HOST_AUDIT_REFUSAL_LIMITER_H_
#define NEEDLEWORK_HOST_AUDIT_REFUSAL_LIMITER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace needlework::host {

class RefusalLimiter {
 public:
  static constexpr size_t kMaxKeys = 100'000;

  // `limit` refusals per key per `window`; a limit below 1 counts as 1.
  RefusalLimiter(int limit, std::chrono::seconds window);

  // Whole seconds (at least 1) until `key` may be refused again without being limited;
  // 0 while it is under its limit. `now_micros`: Unix microseconds.
  int64_t WaitSeconds(const std::string& key, int64_t now_micros);
  // Counts one refusal of `key` at `now_micros`.
  void Count(const std::string& key, int64_t now_micros);
  // True when no key has a refusal in an open window (a cheap check before any lookup).
  bool Idle() const { return tracked_.load(std::memory_order_relaxed) == 0; }

  int limit() const { return limit_; }
  std::chrono::seconds window() const { return window_; }

 private:
  struct Window {
    int64_t start_micros = 0;
    int count = 0;
  };
  bool Expired(const Window& window, int64_t now_micros) const;
  void DropExpired(int64_t now_micros);  // mutex_ held

  const int limit_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
  std::atomic<size_t> tracked_{0};
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_REFUSAL_LIMITER_H_
