// Which call's audit record the current thread works for.
//
// The audit interceptor (host/audit/) installs a scope around the handler of an audited
// call; the blocking pool carries it to the thread that runs the call's work; the store's
// write path (host/storage/group_commit.h) reads it and commits the call's record in the
// same transaction as the write. Only a pointer travels here: CallAudit itself is defined
// in host/storage/call_audit.h.
#ifndef NEEDLEWORK_HOST_COMMON_CALL_AUDIT_SCOPE_H_
#define NEEDLEWORK_HOST_COMMON_CALL_AUDIT_SCOPE_H_

namespace needlework::host {

class CallAudit;

// The audit of the call this thread is working for; nullptr outside any audited call
// (start-up, background jobs, unaudited RPCs).
CallAudit* CurrentCallAudit();

// Makes `audit` (not owned; nullptr: none) the current one for this thread until
// destroyed, then restores the one before. Scopes nest; a scope belongs to one thread.
class CallAuditScope {
 public:
  explicit CallAuditScope(CallAudit* audit);
  ~CallAuditScope();
  CallAuditScope(const CallAuditScope&) = delete;
  CallAuditScope& operator=(const CallAuditScope&) = delete;

 private:
  CallAudit* saved_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_CALL_AUDIT_SCOPE_H_
