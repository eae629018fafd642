#include "commands/audit_file.h"

#include "commands/security.h"
#include "host/storage/audit_verdict_proto.h"
#include "host/storage/audit_verify.h"

namespace needlework::ctl {

int VerifyAuditFile(const std::string& path, Session& session) {
  auto db = host::sqlite::Database::OpenReadOnly(path);
  if (!db.ok()) return session.LocalError(db.status());
  StatusOr<host::AuditVerdict> verdict = host::VerifyAuditLog(**db);
  if (!verdict.ok()) {
    return session.LocalError(
        verdict.status().WithPrefix("cannot verify the audit log in " + path));
  }
  session.Print(host::ToApiVerdict(*verdict), RenderAuditVerdict);
  return verdict->ok ? kExitOk : kExitRpcError;
}

}  // namespace needlework::ctl
