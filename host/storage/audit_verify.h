// Reading the audit log and its anchors out of a SQLite file, and verifying the chain there
// in bounded memory. The Store verifies through this on its reader connection; `needleworkctl
// audit verify --db FILE` runs the same code on a read-only copy with no host running.
#ifndef NEEDLEWORK_HOST_STORAGE_AUDIT_VERIFY_H_
#define NEEDLEWORK_HOST_STORAGE_AUDIT_VERIFY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "host/storage/audit_chain.h"
#include "host/storage/audit_records.h"
#include "host/storage/sqlite.h"
#include "needlework/status.h"

namespace needlework::host {

// The columns of an audit row in AuditRecord order, as "SELECT ... FROM audit_log ", ready
// for a WHERE clause; ReadAuditRow reads a row of it.
extern const char kAuditRowSelect[];
AuditRecord ReadAuditRow(const sqlite::Statement& row);

// The query of QueryAudit for `filter`, oldest first, with parameters ?1 (clinic), ?2 (rpc),
// ?3 (token id), ?4 (object ref), ?5 (from), ?6 (to), ?7 (after seq) and ?8 (limit). A query
// for one clinic names `clinic_id = ?1` plainly, so SQLite walks the (clinic_id, seq) index.
std::string AuditQuerySql(const AuditFilter& filter);

// The highest seq ever assigned (SQLite's AUTOINCREMENT counter, which survives deleting the
// last rows); 0 for a log never written.
StatusOr<int64_t> HighestAuditSeq(sqlite::Database& db);

// What a prune left behind: the last pruned record's seq and hash, so the first kept record
// can still be checked against it.
struct AuditAnchor {
  int64_t seq = 0;             // the last pruned record
  std::string hash;            // its hash
  int64_t pruned_at = 0;       // Unix microseconds
  int64_t cutoff = 0;          // records written before this (Unix microseconds) were pruned
  int64_t retention_days = 0;  // the setting that chose the cutoff
};

// The anchor with the highest seq; nullopt when nothing was ever pruned (or the file
// predates retention).
StatusOr<std::optional<AuditAnchor>> NewestAuditAnchor(sqlite::Database& db);

struct AuditVerifyOptions {
  int chunk_rows = 10000;  // rows read and held at a time
  int64_t up_to_seq = 0;   // stop after this seq (no end-of-log check); 0: the whole log
};

// Verifies the chain in `db` from the newest anchor (or genesis) to the end of the log, in
// one read transaction (a snapshot: writers on other connections go on, unseen), reading
// `chunk_rows` rows at a time. The verdict names the first bad seq; an error Status means the
// file could not be read as a Needlework store (not a database, no audit log, I/O).
// `db` must not be inside a transaction.
StatusOr<AuditVerdict> VerifyAuditLog(sqlite::Database& db, const AuditVerifyOptions& options = {});

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AUDIT_VERIFY_H_
