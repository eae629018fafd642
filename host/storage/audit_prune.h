// What a retention prune of the audit log is asked to do, and what it did (Store::PruneAudit).
#ifndef NEEDLEWORK_HOST_STORAGE_AUDIT_PRUNE_H_
#define NEEDLEWORK_HOST_STORAGE_AUDIT_PRUNE_H_

#include <cstdint>

#include "host/storage/audit_verify.h"

namespace needlework::host {

struct AuditPrunePolicy {
  int64_t cutoff = 0;          // Unix microseconds: records written before it go
  int64_t now = 0;             // Unix microseconds: the anchor's pruned_at
  int64_t retention_days = 0;  // the setting that chose the cutoff, kept in the anchor
  int chunk_rows = 10000;      // rows verified, and deleted per transaction, at a time
};

struct AuditPruneResult {
  bool anchored = false;  // a new anchor was written (false: nothing new was old enough)
  AuditAnchor anchor;     // the newest anchor after the prune (seq 0: none)
  int64_t deleted = 0;    // records deleted (including any a crashed prune left behind)
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AUDIT_PRUNE_H_
