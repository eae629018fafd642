// The `jti` values of accepted tokens, kept until their token expires, so a token is
// accepted once (RFC 7519 section 4.1.7; CDS Hooks requires `jti` for this).
#ifndef NEEDLEWORK_HOST_JWT_REPLAY_CACHE_H_
#define NEEDLEWORK_HOST_JWT_REPLAY_CACHE_H_

#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>

namespace needlework::host {

class ReplayCache {
 public:
  using Clock = std::chrono::system_clock;

  explicit ReplayCache(size_t capacity) : capacity_(capacity) {}

  enum class Outcome { kFirstUse, kReplayed, kFull };

  // Records (issuer, jti) until `forget_after`, and says whether it was new. Entries whose
  // time has passed at `now` are dropped first; kFull when `capacity` entries are still
  // live (nothing is recorded, and the caller refuses the token). Thread-safe.
  Outcome Record(const std::string& issuer, const std::string& jti, Clock::time_point forget_after,
                 Clock::time_point now);

  size_t size() const;

 private:
  using Key = std::pair<std::string, std::string>;
  void DropExpired(Clock::time_point now);

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::map<Key, Clock::time_point> forget_after_;
  std::multimap<Clock::time_point, Key> by_time_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_JWT_REPLAY_CACHE_H_
