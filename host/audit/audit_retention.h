// Audit retention in the running host: a thread that prunes the audit log at start-up and
// then every hour (Store::PruneAudit), anchoring the chain at each prune, and records each
// prune that changed anything, or failed, in the audit log itself (rpc kPruneAuditRpc).
#ifndef NEEDLEWORK_HOST_AUDIT_AUDIT_RETENTION_H_
#define NEEDLEWORK_HOST_AUDIT_AUDIT_RETENTION_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "host/storage/store.h"

namespace needlework::host {

// The `rpc` of the audit record a prune leaves (role "host", no token, no clinic).
inline constexpr char kPruneAuditRpc[] = "needlework-host/PruneAudit";

// Prunes records older than `retention_days` once, at `now` (Unix microseconds), and records
// the prune in the audit log when it anchored or deleted anything, or failed. Returns what
// PruneAudit returned.
StatusOr<AuditPruneResult> PruneAuditOnce(Store& store, int64_t retention_days, int64_t now);

class AuditRetention {
 public:
  static constexpr std::chrono::hours kInterval{1};

  // Starts the thread; `store` is not owned and must outlive this object. `retention_days`
  // must be positive.
  AuditRetention(Store& store, int64_t retention_days);
  // Stops the thread and joins it, after any prune under way has finished.
  ~AuditRetention();
  AuditRetention(const AuditRetention&) = delete;
  AuditRetention& operator=(const AuditRetention&) = delete;

 private:
  void Run();

  Store& store_;
  const int64_t retention_days_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;     // last: started once everything above is set
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_AUDIT_RETENTION_H_
