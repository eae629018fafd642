#include "host/storage/call_audit.h"

#include "host/common/time_util.h"

namespace needlework::host {
namespace {

// Appends each "key=value" of `refs` that `object_ref` lacks.
void AddRefs(std::string& object_ref, std::string_view refs) {
  while (!refs.empty()) {
    size_t space = refs.find(' ');
    std::string_view ref = refs.substr(0, space);
    refs = space == std::string_view::npos ? std::string_view() : refs.substr(space + 1);
    std::string padded = " " + object_ref + " ";
    if (ref.empty() || padded.find(" " + std::string(ref) + " ") != std::string::npos) continue;
    if (!object_ref.empty()) object_ref += ' ';
    object_ref += ref;
  }
}

}  // namespace

std::string CallAudit::Detail(std::string_view after_json) const {
  if (!before_after) return "{}";
  return "{\"before\":" + before_json + ",\"after\":" + std::string(after_json) + "}";
}

AuditRecord CallAudit::RecordOfWrite(const WriteAudit& write) const {
  AuditRecord record = draft;
  record.outcome = "OK";
  record.at = NowUnixMicros();
  AddRefs(record.object_ref, write.refs);
  record.detail = Detail(write.after_json);
  return record;
}

AuditRecord CallAudit::RecordOfCall(std::string_view code_name, std::string_view after_json) const {
  AuditRecord record = draft;
  record.outcome = std::string(code_name);
  record.at = NowUnixMicros();
  record.detail = Detail(after_json);
  return record;
}

}  // namespace needlework::host
