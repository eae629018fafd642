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
#include <string>
#include <string_view>

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

  // Set once the record committed with a write: the call needs no other record if it
  // succeeds.
  void MarkWritten() { written_ = true; }
  bool written() const { return written_; }

 private:
  std::string Detail(std::string_view after_json) const;
  std::atomic<bool> written_ = false;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_CALL_AUDIT_H_
