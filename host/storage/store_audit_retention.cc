// Retention of the audit log: anchor, then delete, the records older than a cutoff.
//
// The newest record is always kept: appends link to the last row in the table.
#include "host/storage/audit_verify.h"
#include "host/storage/sqlite_store.h"

namespace needlework::host {
namespace {

// The last seq of the log's oldest records written before `cutoff`: the seq before the first
// record at or after it, never the newest record; 0 when there is none.
StatusOr<int64_t> LastRecordBefore(sqlite::Database& db, int64_t cutoff) {
  NW_ASSIGN_OR_RETURN(auto first_kept, db.Prepare("SELECT seq FROM audit_log WHERE at >= ? "
                                                  "ORDER BY seq LIMIT 1"));
  first_kept->Bind(1, cutoff);
  NW_ASSIGN_OR_RETURN(bool found, first_kept->Step());
  NW_ASSIGN_OR_RETURN(auto newest, db.Prepare("SELECT IFNULL(MAX(seq), 0) FROM audit_log"));
  NW_ASSIGN_OR_RETURN(bool has_newest, newest->Step());
  int64_t newest_seq = has_newest ? newest->ColumnInt(0) : 0;
  int64_t point = found ? first_kept->ColumnInt(0) - 1 : newest_seq;
  return std::max<int64_t>(0, std::min(point, newest_seq - 1));
}

Status InsertAnchor(sqlite::Database& db, const AuditAnchor& anchor) {
  NW_ASSIGN_OR_RETURN(auto insert, db.Prepare("INSERT INTO audit_anchors (seq, hash, pruned_at, "
                                              "cutoff, retention_days) VALUES (?, ?, ?, ?, ?)"));
  insert->Bind(1, anchor.seq).Bind(2, anchor.hash).Bind(3, anchor.pruned_at);
  insert->Bind(4, anchor.cutoff).Bind(5, anchor.retention_days);
  return insert->Run();
}

Status DataLoss(std::string message) { return Status(StatusCode::kDataLoss, std::move(message)); }

}  // namespace

StatusOr<AuditPruneResult> SqliteStore::PruneAudit(const AuditPrunePolicy& policy) {
  if (policy.chunk_rows <= 0) return InvalidArgumentError("chunk_rows must be positive");
  NW_ASSIGN_OR_RETURN(int64_t point, VerifiedPrunePoint(policy));
  NW_ASSIGN_OR_RETURN(AuditPruneResult result, AnchorPrunePoint(point, policy));
  NW_ASSIGN_OR_RETURN(result.deleted, DeleteAnchoredAudit(policy.chunk_rows));
  return result;
}

// Records are only ever appended after the point and deleted by the prune, so what is read
// here still holds when the anchor is written.
StatusOr<int64_t> SqliteStore::VerifiedPrunePoint(const AuditPrunePolicy& policy) {
  NW_ASSIGN_OR_RETURN(auto reader, OpenReader());
  NW_ASSIGN_OR_RETURN(int64_t point, LastRecordBefore(*reader, policy.cutoff));
  NW_ASSIGN_OR_RETURN(std::optional<AuditAnchor> anchor, NewestAuditAnchor(*reader));
  if (point <= (anchor ? anchor->seq : 0)) return 0;
  NW_ASSIGN_OR_RETURN(
      AuditVerdict verdict,
      VerifyAuditLog(*reader, {.chunk_rows = policy.chunk_rows, .up_to_seq = point}));
  if (!verdict.ok) {
    return DataLoss(
        "the audit records due for pruning do not verify, so none were pruned: " + verdict.problem +
        " (first bad record " + std::to_string(verdict.first_bad_seq) + ")");
  }
  return point;
}

StatusOr<AuditPruneResult> SqliteStore::AnchorPrunePoint(int64_t point,
                                                         const AuditPrunePolicy& policy) {
  std::lock_guard lock(mutex_);
  NW_ASSIGN_OR_RETURN(auto tx, sqlite::Transaction::Begin(*db_));
  NW_ASSIGN_OR_RETURN(std::optional<AuditAnchor> newest, NewestAuditAnchor(*db_));
  AuditPruneResult result;
  if (newest) result.anchor = *newest;
  if (point <= result.anchor.seq) return result;
  NW_ASSIGN_OR_RETURN(auto last, db_->Prepare("SELECT hash FROM audit_log WHERE seq = ?"));
  last->Bind(1, point);
  NW_ASSIGN_OR_RETURN(bool found, last->Step());
  if (!found) return DataLoss("audit record " + std::to_string(point) + " vanished while pruning");
  result.anchor = {point, last->ColumnText(0), policy.now, policy.cutoff, policy.retention_days};
  NW_RETURN_IF_ERROR(InsertAnchor(*db_, result.anchor));
  NW_RETURN_IF_ERROR(tx->Commit());
  result.anchored = true;
  return result;
}

StatusOr<int64_t> SqliteStore::DeleteAnchoredAudit(int chunk_rows) {
  int64_t deleted = 0;
  while (true) {
    std::lock_guard lock(mutex_);
    NW_ASSIGN_OR_RETURN(auto tx, sqlite::Transaction::Begin(*db_));
    NW_ASSIGN_OR_RETURN(auto erase,
                        db_->Prepare("DELETE FROM audit_log WHERE seq IN (SELECT seq FROM "
                                     "audit_log WHERE seq <= (SELECT IFNULL(MAX(seq), 0) FROM "
                                     "audit_anchors) ORDER BY seq LIMIT ?)"));
    erase->Bind(1, int64_t{chunk_rows});
    NW_RETURN_IF_ERROR(erase->Run());
    int changed = sqlite3_changes(db_->handle());
    NW_RETURN_IF_ERROR(tx->Commit());
    deleted += changed;
    if (changed < chunk_rows) return deleted;
  }
}

}  // namespace needlework::host
