// The audit record of one call, shared by the interceptor that drafts it (host/audit/) and
// the store write that commits it (group_commit.h).
//
// Contract: the record of a call that writes commits in the SAME transaction as its first
// write, with outcome OK, or the write is rolled back and fails; every other call's record
// (reads, failed calls, refusals) is appended when the call finishes, and the call answers
// only once that record is durable. CurrentCallAudit() (host/common/call_audit_scope.h)
// names the call a thread works for.
//
// Threads: the interceptor fills `draft` before the handler runs and reads written() after
// it finished; the store touches it only inside a write, while the handler waits for that
// write. So no two threads use one CallAudit at once.
#ifndef NEEDLEWORK_HOST_STORAGE_CALL_AUDIT_H_
#define NEEDLEWORK_HOST_STORAGE_CALL_AUDIT_H_

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "host/common/call_audit_scope.h"
#include "host/storage/audit_records.h"

namespace needlework::host {

// What a store write adds to its call's record.
struct WriteAudit {
  // Object references the request does not carry, e.g. the new row's "plan_id=plan_x";
  // space-separated; pairs already in the draft are not repeated.
  std::string refs;
  // The written state as JSON, the "after" of calls that record before and after; "null"
  // when the write has none.
  std::string after_json = "null";
};

class CallAudit {
 public:
  // Everything but seq, at, outcome and the hashes: rpc, caller, clinic, the request's refs.
  AuditRecord draft;
  // Calls that change a clinic plugin record its state before and after (rpc_policy.h).
  bool before_after = false;
  std::string before_json = "null";

  // The record of a write that succeeded: the draft with outcome OK, the time now, `write`'s
  // refs added and, for before_after calls, {"before":...,"after":...} as detail.
  AuditRecord RecordOfWrite(const WriteAudit& write) const;
  // The record of a call that wrote nothing, or failed: outcome `code_name`; `after_json`
  // is the call's answer for before_after calls ("null" when it failed).
  AuditRecord RecordOfCall(std::string_view code_name, std::string_view after_json) const;

  // Adds `refs` ("key=value" pairs, space-separated) to every record made from now on:
  // what the store found the call touched that its request and answer may not name, e.g.
  // the patient of a plan read by id. Pairs already in the record are not repeated.
  // Thread-safe (a call's work may run on several threads).
  void Note(std::string_view refs);
  // The clinic the call acted on, for calls whose token and request name none (an admin
  // revoking a clinic's token): the record's clinic when the draft has none. Thread-safe.
  void NoteClinic(std::string_view clinic_id);

  // Set once the record committed with a write: the call needs no other record if it
  // succeeds.
  void MarkWritten() { written_ = true; }
  bool written() const { return written_; }

 private:
  std::string Detail(std::string_view after_json) const;
  // The draft with what was noted added.
  AuditRecord Noted() const;

  std::atomic<bool> written_ = false;
  mutable std::mutex noted_mutex_;  // guards the two below
  std::string noted_refs_;
  std::string noted_clinic_;
};

// Notes "patient_ref=<ref>" of each non-empty ref in `patient_refs` on the call the current
// thread works for (CurrentCallAudit()); does nothing outside an audited call. For store
// reads that load patient data by an id the request names, or list it.
void NoteCallPatients(const std::vector<std::string>& patient_refs);

// The patient_ref of each of `records` (plans, appointments, messages, reports), in order.
template <typename Record>
std::vector<std::string> PatientsOf(const std::vector<Record>& records) {
  std::vector<std::string> patients;
  patients.reserve(records.size());
  for (const Record& record : records) patients.push_back(record.patient_ref);
  return patients;
}

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_CALL_AUDIT_H_
