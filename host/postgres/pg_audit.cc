#include "host/postgres/pg_audit.h"

#include "host/storage/audit_chain.h"

namespace needlework::host::pg {
namespace {

constexpr Statement kLockHead = {"audit_lock_head", "SELECT seq, hash FROM audit_head FOR UPDATE"};
constexpr Statement kInsert = {
    "audit_insert",
    "INSERT INTO audit_log (seq, at, token_id, role, clinic_id, rpc, object_ref, outcome, "
    "detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
constexpr Statement kMoveHead = {"audit_move_head", "UPDATE audit_head SET seq = $1, hash = $2"};
constexpr Statement kRead = {
    "audit_read",
    "SELECT seq, at, token_id, role, clinic_id, rpc, object_ref, outcome, detail, prev_hash, "
    "hash FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"};
constexpr Statement kHighest = {"audit_highest", "SELECT seq FROM audit_head"};

}  // namespace

Status AppendAuditRecord(Connection& connection, AuditRecord& record) {
  NW_ASSIGN_OR_RETURN(Result head, connection.Run(kLockHead));
  if (head.rows() != 1) return InternalError("the audit chain head row is missing");
  record.seq = head.Int(0, 0) + 1;
  record.prev_hash = head.Int(0, 0) == 0 ? std::string(kAuditGenesisHash) : head.Text(0, 1);
  record.hash = AuditRecordHash(record);
  Params row;
  row.Add(record.seq).Add(record.at).Add(record.token_id).Add(record.role).Add(record.clinic_id);
  row.Add(record.rpc).Add(record.object_ref).Add(record.outcome).Add(record.detail);
  row.Add(record.prev_hash).Add(record.hash);
  NW_RETURN_IF_ERROR(connection.Run(kInsert, row).status());
  return connection.Run(kMoveHead, Params().Add(record.seq).Add(record.hash)).status();
}

StatusOr<std::vector<AuditRecord>> ReadAuditRecords(Connection& connection, int64_t after_seq,
                                                    int limit) {
  NW_ASSIGN_OR_RETURN(Result rows,
                      connection.Run(kRead, Params().Add(after_seq).Add(int64_t{limit})));
  std::vector<AuditRecord> records;
  for (int i = 0; i < rows.rows(); ++i) {
    records.push_back({rows.Int(i, 0), rows.Int(i, 1), rows.Text(i, 2), rows.Text(i, 3),
                       rows.Text(i, 4), rows.Text(i, 5), rows.Text(i, 6), rows.Text(i, 7),
                       rows.Text(i, 8), rows.Text(i, 9), rows.Text(i, 10)});
  }
  return records;
}

StatusOr<int64_t> HighestAuditSeq(Connection& connection) {
  NW_ASSIGN_OR_RETURN(Result head, connection.Run(kHighest));
  return head.rows() == 1 ? head.Int(0, 0) : 0;
}

}  // namespace needlework::host::pg
