// `audit verify --db FILE`: the audit chain of a store file checked offline, with the code the
// host verifies with (host/storage/audit_verify.h), on a read-only connection.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_AUDIT_FILE_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_AUDIT_FILE_H_

#include <string>

#include "session.h"

namespace needlework::ctl {

// Verifies the audit log in the SQLite file at `path` (a host's needlework.db, or a copy)
// and prints the verdict as `audit verify` does. Returns kExitOk when the chain holds,
// kExitRpcError when it is broken, kExitUsage when the file cannot be read as a store.
int VerifyAuditFile(const std::string& path, Session& session);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_AUDIT_FILE_H_
