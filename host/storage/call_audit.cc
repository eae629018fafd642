#include "host/storage/call_audit.h"

#include <set>

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

void CallAudit::Note(std::string_view refs) {
  std::lock_guard lock(noted_mutex_);
  AddRefs(noted_refs_, refs);
}

void CallAudit::NoteClinic(std::string_view clinic_id) {
  std::lock_guard lock(noted_mutex_);
  noted_clinic_ = std::string(clinic_id);
}

AuditRecord CallAudit::Noted() const {
  AuditRecord record = draft;
  std::lock_guard lock(noted_mutex_);
  AddRefs(record.object_ref, noted_refs_);
  if (record.clinic_id.empty()) record.clinic_id = noted_clinic_;
  return record;
}

AuditRecord CallAudit::RecordOfWrite(const WriteAudit& write) const {
  AuditRecord record = Noted();
  record.outcome = "OK";
  record.at = NowUnixMicros();
  AddRefs(record.object_ref, write.refs);
  record.detail = Detail(write.after_json);
  return record;
}

AuditRecord CallAudit::RecordOfCall(std::string_view code_name, std::string_view after_json) const {
  AuditRecord record = Noted();
  record.outcome = std::string(code_name);
  record.at = NowUnixMicros();
  record.detail = Detail(after_json);
  return record;
}

void NoteCallPatients(const std::vector<std::string>& patient_refs) {
  CallAudit* audit = CurrentCallAudit();
  if (audit == nullptr) return;
  std::set<std::string> distinct(patient_refs.begin(), patient_refs.end());
  std::string refs;
  for (const std::string& ref : distinct) {
    if (ref.empty()) continue;
    if (!refs.empty()) refs += ' ';
    refs += "patient_ref=" + ref;
  }
  audit->Note(refs);
}

}  // namespace needlework::host
