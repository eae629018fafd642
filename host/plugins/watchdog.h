// One thread that runs callbacks when their deadlines pass, for failing calls closed while a
// plugin call is stuck. Scheduling and cancelling never wake the thread: it polls at a fixed
// tick while anything is pending, so the serving path pays one uncontended lock per call.
#ifndef NEEDLEWORK_HOST_PLUGINS_WATCHDOG_H_
#define NEEDLEWORK_HOST_PLUGINS_WATCHDOG_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace needlework::host {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  using Id = uint64_t;

  explicit Watchdog(std::chrono::milliseconds tick = std::chrono::milliseconds(2));
  ~Watchdog();  // stops the thread; pending callbacks never run
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

  // Runs `fire` on the watchdog thread at (or up to one tick after) `deadline`, unless
  // cancelled first.
  Id Schedule(Clock::time_point deadline, std::function<void()> fire);
  // True when the callback was removed before it started; false when it has started or run.
  bool Cancel(Id id);

 private:
  void Run();

  std::chrono::milliseconds tick_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::pair<Clock::time_point, Id>, std::function<void()>> pending_;
  std::map<Id, Clock::time_point> deadline_of_;
  Id next_id_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_WATCHDOG_H_
