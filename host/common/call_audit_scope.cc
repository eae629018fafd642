#include "host/common/call_audit_scope.h"

namespace needlework::host {
namespace {

thread_local CallAudit* current_call_audit = nullptr;

}  // namespace

CallAudit* CurrentCallAudit() { return current_call_audit; }

CallAuditScope::CallAuditScope(CallAudit* audit) : saved_(current_call_audit) {
  current_call_audit = audit;
}

CallAuditScope::~CallAuditScope() { current_call_audit = saved_; }

}  // namespace needlework::host
