#include "host/storage/audit_verify.h"

namespace needlework::host {
namespace {

// BEGIN (deferred: the snapshot is taken at the first read) and, on destruction, the end of
// the read transaction however the reads went.
class ReadSnapshot {
 public:
  static StatusOr<std::unique_ptr<ReadSnapshot>> Begin(sqlite::Database& db) {
    NW_RETURN_IF_ERROR(db.Execute("BEGIN"));
    return std::unique_ptr<ReadSnapshot>(new ReadSnapshot(db));
  }
  ~ReadSnapshot() { (void)db_.Execute("ROLLBACK"); }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  explicit ReadSnapshot(sqlite::Database& db) : db_(db) {}
  sqlite::Database& db_;
};

StatusOr<bool> HasTable(sqlite::Database& db, const std::string& table) {
  NW_ASSIGN_OR_RETURN(auto query,
                      db.Prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
  query->Bind(1, table);
  return query->Step();
}

// Feeds the rows after the walker's head, `chunk_rows` at a time, up to `up_to_seq` (0: all).
Status WalkRows(sqlite::Database& db, const AuditVerifyOptions& options, AuditChainWalker& walker) {
  NW_ASSIGN_OR_RETURN(auto query,
                      db.Prepare(std::string(kAuditRowSelect) +
                                 "WHERE seq > ?1 AND (?2 = 0 OR seq <= ?2) ORDER BY seq LIMIT ?3"));
  int64_t after = walker.verdict().head_seq;
  while (walker.verdict().ok) {
    query->Reset();
    query->Bind(1, after).Bind(2, options.up_to_seq).Bind(3, int64_t{options.chunk_rows});
    int rows = 0;
    while (true) {
      NW_ASSIGN_OR_RETURN(bool row, query->Step());
      if (!row) break;
      ++rows;
      AuditRecord record = ReadAuditRow(*query);
      after = record.seq;
      if (!walker.Add(record)) break;
    }
    if (rows < options.chunk_rows) break;
  }
  return OkStatus();
}

}  // namespace

const char kAuditRowSelect[] =
    "SELECT seq, at, token_id, role, clinic_id, rpc, object_ref, outcome, detail, prev_hash, "
    "hash FROM audit_log ";

std::string AuditQuerySql(const AuditFilter& filter) {
  std::string clinic =
      filter.clinic_id.empty() ? "WHERE ?1 = '' AND " : "WHERE clinic_id = ?1 AND ";
  return std::string(kAuditRowSelect) + clinic +
         "(?2 = '' OR rpc = ?2 OR rpc LIKE '%/' || ?2) AND (?3 = '' OR token_id = ?3) AND "
         "(?4 = '' OR instr(object_ref, ?4) > 0) AND (?5 = 0 OR at >= ?5) AND "
         "(?6 = 0 OR at < ?6) AND seq > ?7 ORDER BY seq LIMIT ?8";
}

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

StatusOr<int64_t> HighestAuditSeq(sqlite::Database& db) {
  NW_ASSIGN_OR_RETURN(auto query,
                      db.Prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  return row ? query->ColumnInt(0) : 0;
}

StatusOr<std::optional<AuditAnchor>> NewestAuditAnchor(sqlite::Database& db) {
  NW_ASSIGN_OR_RETURN(bool has_anchors, HasTable(db, "audit_anchors"));
  if (!has_anchors) return std::optional<AuditAnchor>();
  NW_ASSIGN_OR_RETURN(auto query, db.Prepare("SELECT seq, hash, pruned_at, cutoff, retention_days "
                                             "FROM audit_anchors ORDER BY seq DESC LIMIT 1"));
  NW_ASSIGN_OR_RETURN(bool row, query->Step());
  if (!row) return std::optional<AuditAnchor>();
  return std::optional<AuditAnchor>(AuditAnchor{query->ColumnInt(0), query->ColumnText(1),
                                                query->ColumnInt(2), query->ColumnInt(3),
                                                query->ColumnInt(4)});
}

StatusOr<AuditVerdict> VerifyAuditLog(sqlite::Database& db, const AuditVerifyOptions& options) {
  if (options.chunk_rows <= 0) return InvalidArgumentError("chunk_rows must be positive");
  NW_ASSIGN_OR_RETURN(auto snapshot, ReadSnapshot::Begin(db));
  NW_ASSIGN_OR_RETURN(bool has_log, HasTable(db, "audit_log"));
  if (!has_log) return FailedPreconditionError("the file has no audit log (audit_log table)");
  NW_ASSIGN_OR_RETURN(std::optional<AuditAnchor> anchor, NewestAuditAnchor(db));
  AuditChainWalker walker(anchor ? anchor->seq : 0, anchor ? anchor->hash : kAuditGenesisHash);
  NW_RETURN_IF_ERROR(WalkRows(db, options, walker));
  if (options.up_to_seq != 0) return walker.verdict();
  NW_ASSIGN_OR_RETURN(int64_t highest, HighestAuditSeq(db));
  return walker.Finish(highest);
}

}  // namespace needlework::host
