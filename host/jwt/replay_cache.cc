#include "host/jwt/replay_cache.h"

namespace needlework::host {

void ReplayCache::DropExpired(Clock::time_point now) {
  while (!by_time_.empty() && by_time_.begin()->first < now) {
    forget_after_.erase(by_time_.begin()->second);
    by_time_.erase(by_time_.begin());
  }
}

ReplayCache::Outcome ReplayCache::Record(const std::string& issuer, const std::string& jti,
                                         Clock::time_point forget_after, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  DropExpired(now);
  Key key(issuer, jti);
  if (forget_after_.count(key) != 0) return Outcome::kReplayed;
  if (forget_after_.size() >= capacity_) return Outcome::kFull;
  forget_after_.emplace(key, forget_after);
  by_time_.emplace(forget_after, key);
  return Outcome::kFirstUse;
}

size_t ReplayCache::size() const {
  std::lock_guard lock(mutex_);
  return forget_after_.size();
}

}  // namespace needlework::host
