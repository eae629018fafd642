// Store: idempotency keys. A key is stored in the same transaction as the write it answers
// for, so a key is stored exactly when its write committed.
#include "host/storage/sqlite_store.h"

namespace needlework::host {

StatusOr<IdempotencyRecord> SqliteStore::FindIdempotencyKey(const std::string& clinic_id,
                                                      const std::string& rpc,
                                                      const std::string& key, int64_t now) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(
      auto query,
      reader_->Prepare("SELECT request_digest, response FROM idempotency_keys WHERE clinic_id = ? "
                       "AND rpc = ? AND key = ? AND created_at > ?"));
  query->Bind(1, clinic_id).Bind(2, rpc).Bind(3, key).Bind(4, now - kIdempotencyKeySeconds);
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return NotFoundError("idempotency key '" + key + "' is not stored");
  return IdempotencyRecord{query->ColumnText(0), query->ColumnText(1)};
}

Status SqliteStore::Claimed(IdempotencyClaim* claim, const std::function<Status()>& write,
                      const WriteAudit& audit) {
  return grouped_.Run(
      [&]() -> Status {
        if (claim != nullptr) {
          NW_ASSIGN_OR_RETURN(bool stored, KeyStoredLocked(*claim));
          if (stored) {
            claim->replayed = true;
            return Status(StatusCode::kAborted, "idempotency key '" + claim->key +
                                                    "' was stored by a concurrent call; retry");
          }
        }
        NW_RETURN_IF_ERROR(write());
        return claim == nullptr ? OkStatus() : StoreKeyLocked(*claim);
      },
      audit);
}

StatusOr<bool> SqliteStore::KeyStoredLocked(const IdempotencyClaim& claim) {
  NW_ASSIGN_OR_RETURN(auto query, db_->Prepare("SELECT 1 FROM idempotency_keys WHERE clinic_id = ? "
                                               "AND rpc = ? AND key = ? AND created_at > ?"));
  query->Bind(1, claim.clinic_id).Bind(2, claim.rpc).Bind(3, claim.key);
  query->Bind(4, claim.now - kIdempotencyKeySeconds);
  return query->Step();
}

Status SqliteStore::StoreKeyLocked(const IdempotencyClaim& claim) {
  // Pruning here keeps the table to a day of writes without a background job; the range is
  // small (index on created_at) because every write prunes.
  NW_ASSIGN_OR_RETURN(auto prune,
                      db_->Prepare("DELETE FROM idempotency_keys WHERE created_at <= ?"));
  prune->Bind(1, claim.now - kIdempotencyKeySeconds);
  NW_RETURN_IF_ERROR(prune->Run());
  NW_ASSIGN_OR_RETURN(
      auto insert,
      db_->Prepare("INSERT INTO idempotency_keys (clinic_id, rpc, key, request_digest, response, "
                   "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, claim.clinic_id).Bind(2, claim.rpc).Bind(3, claim.key);
  insert->Bind(4, claim.request_digest);
  insert->Bind(5, claim.response ? claim.response() : std::string()).Bind(6, claim.now);
  return insert->Run();
}

}  // namespace needlework::host
