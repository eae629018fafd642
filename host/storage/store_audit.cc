// The audit log and token revocation.
#include "host/storage/audit_chain.h"
#include "host/storage/store.h"

namespace needlework::host {
namespace {

constexpr char kAuditColumns[] =
    "SELECT seq, at, token_id, role, clinic_id, rpc, object_ref, outcome, detail, prev_hash, "
    "hash FROM audit_log ";

AuditRecord ReadAuditRow(const sqlite::Statement& row) {
  AuditRecord record;
  record.seq = row.ColumnInt(0);
  record.at = row.ColumnInt(1);
  std::string* text[] = {&record.token_id, &record.role,       &record.clinic_id,
                         &record.rpc,      &record.object_ref, &record.outcome,
                         &record.detail,   &record.prev_hash,  &record.hash};
  for (int i = 0; i < 9; ++i) *text[i] = row.ColumnText(i + 2);
  return record;
}

StatusOr<std::vector<AuditRecord>> ReadAll(sqlite::Statement& query) {
  std::vector<AuditRecord> records;
  while (true) {
    NW_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    records.push_back(ReadAuditRow(query));
  }
  return records;
}

// The highest seq ever assigned (0 for an empty log).
StatusOr<int64_t> HighestSeq(sqlite::Database& db) {
  NW_ASSIGN_OR_RETURN(auto query,
                      db.Prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  return row ? query->ColumnInt(0) : 0;
}

}  // namespace

Status Store::AppendAudit(AuditRecord& record) {
  return grouped_.Run([&] { return AppendAuditLocked(record); });
}

void Store::AppendAuditAsync(AuditRecord record, std::function<void(const Status&)> done) {
  grouped_.RunAsync(
      [this, record = std::move(record)]() mutable { return AppendAuditLocked(record); },
      std::move(done));
}

// seq and prev_hash are read inside the transaction that inserts the row, under db_'s
// mutex, so concurrent appends (and rolled-back savepoints) never fork the chain.
Status Store::AppendAuditLocked(AuditRecord& record) {
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
  return insert->Run();
}

// The filters of QueryAudit after the clinic's; ?1 is the clinic (unused without one).
constexpr char kAuditFilters[] =
    "(?2 = '' OR rpc = ?2 OR rpc LIKE '%/' || ?2) AND (?3 = '' OR token_id = ?3) AND "
    "(?4 = '' OR instr(object_ref, ?4) > 0) AND (?5 = 0 OR at >= ?5) AND (?6 = 0 OR at < ?6) "
    "AND seq > ?7 ORDER BY seq LIMIT ?8";

// Reads run on the reader connection, so they never wait for or hold up a write. A query
// for one clinic says `clinic_id = ?1` plainly, so SQLite walks audit_by_clinic.
StatusOr<std::vector<AuditRecord>> Store::QueryAudit(const AuditFilter& filter) {
  std::lock_guard lock(read_mutex_);
  std::string clinic =
      filter.clinic_id.empty() ? "WHERE ?1 = '' AND " : "WHERE clinic_id = ?1 AND ";
  NW_ASSIGN_OR_RETURN(auto query,
                      reader_->Prepare(std::string(kAuditColumns) + clinic + kAuditFilters));
  query->Bind(1, filter.clinic_id).Bind(2, filter.rpc).Bind(3, filter.token_id);
  query->Bind(4, filter.object_ref).Bind(5, filter.from).Bind(6, filter.to);
  query->Bind(7, filter.after_seq).Bind(8, int64_t{filter.limit});
  return ReadAll(*query);
}

// One read transaction on the reader connection: the highest seq and the rows are of the
// same snapshot, and writers go on meanwhile.
StatusOr<std::vector<AuditRecord>> Store::ReadAuditChain(int64_t* highest_seq) {
  std::lock_guard lock(read_mutex_);
  NW_RETURN_IF_ERROR(reader_->Execute("BEGIN"));
  auto records = [&]() -> StatusOr<std::vector<AuditRecord>> {
    NW_ASSIGN_OR_RETURN(*highest_seq, HighestSeq(*reader_));
    NW_ASSIGN_OR_RETURN(auto query, reader_->Prepare(std::string(kAuditColumns) + "ORDER BY seq"));
    return ReadAll(*query);
  }();
  NW_RETURN_IF_ERROR(reader_->Execute("COMMIT"));
  return records;
}

StatusOr<TokenRecord> Store::RevokeToken(const std::string& token_id, int64_t now) {
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
