// The threads that run plugin code, so no serving thread ever waits inside a plugin.
//
// A fixed number of workers take calls from one queue. When a call overruns its deadline,
// the hook runner writes its worker off: a replacement starts at once, so a stuck plugin
// cannot use up the pool, and the written-off thread exits when its plugin call finally
// returns. Each plugin may hold at most `max_written_off_per_plugin` written-off threads;
// past that, `Saturated` tells callers to refuse new calls to it fast instead. Plugin code
// nobody waits for (destroy_instance) runs apart, on a thread of its own counted the same
// way.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_CALL_POOL_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_CALL_POOL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace needlework::host {

struct PluginCallPoolState;  // plugin_call_pool.cc

class PluginCallPool {
 public:
  using WorkerId = uint64_t;
  // Runs on a worker thread; receives that worker's id (for WriteOff).
  using Call = std::function<void(WorkerId)>;

  explicit PluginCallPool(int workers = 4, int max_written_off_per_plugin = 4);
  // Stops taking calls, lets queued calls run, joins the live workers. A written-off thread
  // still inside a plugin is detached after a short grace period: by then the host is
  // exiting, and that plugin call must not touch anything already destroyed.
  ~PluginCallPool();
  PluginCallPool(const PluginCallPool&) = delete;
  PluginCallPool& operator=(const PluginCallPool&) = delete;

  // Queues `call` to run on a worker thread, in submission order.
  void Submit(Call call);

  // The worker `id` is stuck in a call to `plugin_id`: starts a replacement worker; `id`
  // exits once its current call returns. Idempotent per worker. Safe from any thread.
  void WriteOff(WorkerId id, const std::string& plugin_id);

  // True while `plugin_id` holds its cap of written-off threads: do not call it.
  bool Saturated(const std::string& plugin_id) const;

  // Runs plugin code that has no deadline and no caller waiting (destroy_instance) on a
  // thread of its own, counted as one of `plugin_id`'s written-off threads until it
  // returns: it never holds a worker, a caller or a lock. Once the pool is stopping (the
  // host is exiting), runs `call` on the calling thread instead.
  using Apart = std::function<void(const std::string& plugin_id, std::function<void()> call)>;
  // The function that does so; it keeps what it needs alive, so it may outlive the pool.
  Apart RunsApart() const;

  int written_off() const;  // written-off threads still inside a plugin call

 private:
  std::shared_ptr<PluginCallPoolState> state_;  // shared with every thread, even detached
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_CALL_POOL_H_
