// Appending to the audit log, and token revocation.
#include "host/common/host_metrics.h"
#include "host/storage/audit_chain.h"
#include "host/storage/sqlite_store.h"

namespace needlework::host {
namespace {

// The highest seq ever assigned (0 for an empty log).
StatusOr<int64_t> HighestSeq(sqlite::Database& db) {
  NW_ASSIGN_OR_RETURN(auto query,
                      db.Prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  return row ? query->ColumnInt(0) : 0;
}

}  // namespace

Status SqliteStore::AppendAudit(AuditRecord& record) {
  return grouped_.Run([&] { return AppendAuditLocked(record); });
}

void SqliteStore::AppendAuditAsync(AuditRecord record, std::function<void(const Status&)> done) {
  grouped_.RunAsync(
      [this, record = std::move(record)]() mutable { return AppendAuditLocked(record); },
      std::move(done));
}

// seq and prev_hash are read inside the transaction that inserts the row, under db_'s
// mutex, so concurrent appends (and rolled-back savepoints) never fork the chain.
Status SqliteStore::AppendAuditLocked(AuditRecord& record) {
  NW_ASSIGN_OR_RETURN(int64_t highest, HighestSeq(*db_));
  NW_ASSIGN_OR_RETURN(auto last, db_->Prepare("SELECT hash FROM audit_log WHERE seq = ?"));
  last->Bind(1, highest);
  NW_ASSIGN_OR_RETURN(bool has_last, last->Step());
  record.seq = highest + 1;
  record.prev_hash = has_last ? last->ColumnText(0) : kAuditGenesisHash;
  record.hash = AuditRecordHash(record);
  NW_ASSIGN_OR_RETURN(auto insert, db_->Prepare("INSERT INTO audit_log VALUES "
                                                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  insert->Bind(1, record.seq).Bind(2, record.at).Bind(3, record.token_id).Bind(4, record.role);
  insert->Bind(5, record.clinic_id).Bind(6, record.rpc).Bind(7, record.object_ref);
  insert->Bind(8, record.outcome).Bind(9, record.detail).Bind(10, record.prev_hash);
  insert->Bind(11, record.hash);
  NW_RETURN_IF_ERROR(insert->Run());
  Metrics().AuditAppended();  // in the write's transaction: counts a rare rolled-back batch too
  return OkStatus();
}

StatusOr<TokenRecord> SqliteStore::RevokeToken(const std::string& token_id, int64_t now) {
  NW_RETURN_IF_ERROR(grouped_.Run(
      [&]() -> Status {
        NW_ASSIGN_OR_RETURN(auto update,
                            db_->Prepare("UPDATE tokens SET revoked_at = IFNULL(revoked_at, ?) "
                                         "WHERE token_id = ?"));
        update->Bind(1, now).Bind(2, token_id);
        return update->Run();
      },
      {"token_id=" + token_id}));
  NW_ASSIGN_OR_RETURN(auto tokens, ListTokens());
  for (auto& token : tokens) {
    if (token.token_id == token_id) return token;
  }
  return NotFoundError("no token '" + token_id + "'");
}

}  // namespace needlework::host
