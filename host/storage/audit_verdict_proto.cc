#include "host/storage/audit_verdict_proto.h"

namespace needlework::host {

needlework::v1::VerifyAuditResponse ToApiVerdict(const AuditVerdict& verdict) {
  needlework::v1::VerifyAuditResponse response;
  response.set_ok(verdict.ok);
  response.set_records(verdict.records);
  response.set_head_hash(verdict.head_hash);
  response.set_first_bad_seq(verdict.first_bad_seq);
  response.set_problem(verdict.problem);
  response.set_head_seq(verdict.head_seq);
  response.set_anchor_seq(verdict.anchor_seq);
  response.set_anchor_hash(verdict.anchor_hash);
  return response;
}

}  // namespace needlework::host
