// Reading the audit log: queries and verification, on query-only connections, so they never
// wait for or hold up a write.
#include "host/storage/audit_verify.h"
#include "host/storage/sqlite_store.h"

namespace needlework::host {

// A query for one clinic walks audit_by_clinic (AuditQuerySql); one for every clinic walks
// the table by seq from `after_seq`.
StatusOr<std::vector<AuditRecord>> SqliteStore::QueryAudit(const AuditFilter& filter) {
  std::lock_guard lock(read_mutex_);
  NW_ASSIGN_OR_RETURN(auto query, reader_->Prepare(AuditQuerySql(filter)));
  query->Bind(1, filter.clinic_id).Bind(2, filter.rpc).Bind(3, filter.token_id);
  query->Bind(4, filter.object_ref).Bind(5, filter.from).Bind(6, filter.to);
  query->Bind(7, filter.after_seq).Bind(8, int64_t{filter.limit});
  std::vector<AuditRecord> records;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query->Step());
    if (!row) break;
    records.push_back(ReadAuditRow(*query));
  }
  return records;
}

StatusOr<AuditVerdict> SqliteStore::VerifyAudit() {
  NW_ASSIGN_OR_RETURN(auto reader, OpenReader());
  return VerifyAuditLog(*reader);
}

}  // namespace needlework::host
