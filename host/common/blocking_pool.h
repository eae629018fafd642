// Threads for calls that wait on the disk, not the CPU.
//
// gRPC's callback API runs handlers on a couple of threads (two on a 2-core machine). A
// durable write holds its thread until the disk has the commit, so writes run inline
// would queue behind each other there and never share a commit (see
// host/storage/group_commit.h), while every other call waited too. Such calls hand their
// work to this pool and finish their reactor from it; CPU-bound calls (plugin hooks) keep
// running inline, as the design asks.
#ifndef NEEDLEWORK_HOST_COMMON_BLOCKING_POOL_H_
#define NEEDLEWORK_HOST_COMMON_BLOCKING_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "needlework/status.h"

namespace needlework::host {

class BlockingPool {
 public:
  // Starts `threads` threads (at least one); at most `max_waiting` submitted jobs wait for a
  // thread at once (at least one).
  BlockingPool(int threads, int max_waiting);
  // Runs everything already submitted, then joins the threads.
  ~BlockingPool();
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  // Queues `work` to run on one of the threads, in submission order as threads come free,
  // inside the submitting thread's CallAuditScope (host/common/call_audit_scope.h), so the
  // store still commits the call's audit record with the call's writes.
  // RESOURCE_EXHAUSTED (and `work` is dropped, never run) when max_waiting jobs already
  // wait: the caller answers at once rather than queueing without bound.
  Status Submit(std::function<void()> work);

 private:
  void Loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  const size_t max_waiting_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_BLOCKING_POOL_H_
