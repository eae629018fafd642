// An audit verdict as AdminService.VerifyAudit answers it; `needleworkctl audit verify --db`
// prints an offline verdict through the same message.
#ifndef NEEDLEWORK_HOST_STORAGE_AUDIT_VERDICT_PROTO_H_
#define NEEDLEWORK_HOST_STORAGE_AUDIT_VERDICT_PROTO_H_

#include "host/storage/audit_chain.h"
#include "needlework/v1/admin.pb.h"

namespace needlework::host {

needlework::v1::VerifyAuditResponse ToApiVerdict(const AuditVerdict& verdict);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AUDIT_VERDICT_PROTO_H_
