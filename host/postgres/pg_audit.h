// The audit chain on PostgreSQL: one ordered, verifiable chain however many host replicas
// append to it. An append locks the chain head row (audit_head) in the transaction of the
// write it records, so appends serialise on the head and commit in chain order; a rolled
// back transaction releases the head without a gap.
#ifndef NEEDLEWORK_HOST_POSTGRES_PG_AUDIT_H_
#define NEEDLEWORK_HOST_POSTGRES_PG_AUDIT_H_

#include <cstdint>
#include <vector>

#include "host/postgres/pg_connection.h"
#include "host/storage/audit_records.h"
#include "needlework/status.h"

namespace needlework::host::pg {

// Inside an open transaction: sets `record`'s seq, prev_hash and hash after the chain head
// and inserts it. Blocks while another transaction holds the head.
Status AppendAuditRecord(Connection& connection, AuditRecord& record);

// Records with seq > after_seq, oldest first, at most `limit` of them.
StatusOr<std::vector<AuditRecord>> ReadAuditRecords(Connection& connection, int64_t after_seq,
                                                    int limit);

// The highest seq ever assigned (the head's), 0 for an empty log.
StatusOr<int64_t> HighestAuditSeq(Connection& connection);

}  // namespace needlework::host::pg

#endif  // NEEDLEWORK_HOST_POSTGRES_PG_AUDIT_H_
