#include "host/cdshooks/cds_audit.h"

namespace needlework::host {

std::string CdsAuditRpc(const std::string& service_id, bool feedback) {
  return "cds-hooks/" + service_id + (feedback ? "/feedback" : "");
}

std::string ObjectRefValue(const std::string& object_ref, const std::string& key) {
  std::string padded = " " + object_ref;
  size_t at = padded.find(" " + key + "=");
  if (at == std::string::npos) return "";
  size_t start = at + key.size() + 2;
  size_t end = padded.find(' ', start);
  return padded.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

CdsCallAudit::CdsCallAudit(Store& store, const CdsCaller& caller, const std::string& rpc)
    : store_(store) {
  audit_.draft.token_id = "cds-jwt:" + caller.jti;
  audit_.draft.role = "emr";
  audit_.draft.clinic_id = caller.clinic_id;
  audit_.draft.rpc = rpc;
  audit_.draft.object_ref = "iss=" + caller.issuer;
}

void CdsCallAudit::AddRefs(const std::string& refs) {
  if (refs.empty()) return;
  audit_.draft.object_ref += " " + refs;
}

void CdsCallAudit::SetDetail(const std::string& detail_json) {
  audit_.before_after = true;
  detail_json_ = detail_json;
}

Status CdsCallAudit::Finish(const Status& outcome) {
  if (audit_.written()) return OkStatus();
  AuditRecord record =
      audit_.RecordOfCall(StatusCodeName(outcome.code()), outcome.ok() ? detail_json_ : "null");
  return store_.AppendAudit(record);
}

}  // namespace needlework::host
