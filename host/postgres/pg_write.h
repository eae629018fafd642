// A write to the PostgreSQL store as one transaction, with the audit record of the call it
// is made for (CurrentCallAudit(), host/storage/call_audit.h) appended in that transaction
// after the write succeeded: the call's record and its write commit together or not at
// all, as on SQLite. A write that loses to a concurrent transaction (serialization failure
// or deadlock) is run again, a few times, from the start; so is one whose pooled connection
// turns out dead at BEGIN (the server restarted while it was idle).
#ifndef NEEDLEWORK_HOST_POSTGRES_PG_WRITE_H_
#define NEEDLEWORK_HOST_POSTGRES_PG_WRITE_H_

#include <functional>

#include "host/postgres/pg_pool.h"
#include "host/storage/call_audit.h"
#include "needlework/status.h"

namespace needlework::host::pg {

// How many times a write is tried when PostgreSQL reports a serialization failure or a
// deadlock (SQLSTATE 40001, 40P01).
inline constexpr int kWriteAttempts = 5;

// Runs `write` (statements on the given connection, no transaction control of its own)
// in a transaction on a pooled connection; then the current call's record (with `audit`'s
// refs); then COMMIT. Returns `write`'s error, the record's, or the commit's; UNAVAILABLE
// when the database cannot be reached.
Status RunWrite(Pool& pool, const std::function<Status(Connection&)>& write,
                const WriteAudit& audit = {});

// True for a status made from SQLSTATE 40001 or 40P01 (a retry may succeed).
bool IsRetryableConflict(const Status& status);

}  // namespace needlework::host::pg

#endif  // NEEDLEWORK_HOST_POSTGRES_PG_WRITE_H_
