#include "host/postgres/pg_write.h"

#include "host/common/call_audit_scope.h"
#include "host/postgres/pg_audit.h"

namespace needlework::host::pg {
namespace {

Status RunOnce(Connection& connection, const std::function<Status(Connection&)>& write,
               const WriteAudit& audit, bool& began, bool& audited) {
  NW_RETURN_IF_ERROR(connection.Execute("BEGIN ISOLATION LEVEL READ COMMITTED"));
  began = true;
  Status written = write(connection);
  CallAudit* call = CurrentCallAudit();
  if (written.ok() && call != nullptr) {
    AuditRecord record = call->RecordOfWrite(audit);
    Status appended = AppendAuditRecord(connection, record);
    if (!appended.ok()) {
      written = Status(StatusCode::kUnavailable,
                       "the call's audit record could not be written, so its write was not "
                       "made: " +
                           appended.message());
    }
    audited = appended.ok();
  }
  if (!written.ok()) {
    (void)connection.Execute("ROLLBACK");
    return written;
  }
  return connection.Execute("COMMIT");
}

}  // namespace

bool IsRetryableConflict(const Status& status) {
  return status.code() == StatusCode::kAborted &&
         (status.message().find("(40001)") != std::string::npos ||
          status.message().find("(40P01)") != std::string::npos);
}

Status RunWrite(Pool& pool, const std::function<Status(Connection&)>& write,
                const WriteAudit& audit) {
  Status result;
  for (int attempt = 0; attempt < kWriteAttempts; ++attempt) {
    NW_ASSIGN_OR_RETURN(Pool::Lease lease, pool.Acquire());
    bool began = false;
    bool audited = false;
    result = RunOnce(*lease, write, audit, began, audited);
    if (result.ok() && audited) CurrentCallAudit()->MarkWritten();
    // A pooled connection the server dropped while idle fails at BEGIN, before anything
    // ran: the pool discards it, and the write is tried on a fresh one.
    bool stale = !began && !lease->healthy();
    if (!IsRetryableConflict(result) && !stale) return result;
  }
  return result;
}

}  // namespace needlework::host::pg
