// The audit record of one CDS Hooks call, kept the way the gRPC audit interceptor keeps an
// RPC's: a write made inside the call (a screening record, a review) commits the record in
// its own transaction; otherwise Finish appends it.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CDS_AUDIT_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CDS_AUDIT_H_

#include <string>

#include "host/cdshooks/cds_caller.h"
#include "host/storage/call_audit.h"
#include "host/storage/store.h"

namespace needlework::host {

// The audit rpc of a CDS Hooks call: "cds-hooks/<service id>" (and ".../feedback").
std::string CdsAuditRpc(const std::string& service_id, bool feedback);

// The value of `key=` in a record's space-separated object_ref; "" when absent.
std::string ObjectRefValue(const std::string& object_ref, const std::string& key);

class CdsCallAudit {
 public:
  // The draft: role "emr", token_id "cds-jwt:<jti>", the caller's clinic, `rpc`, and the
  // refs "iss=<issuer>".
  CdsCallAudit(Store& store, const CdsCaller& caller, const std::string& rpc);

  // Adds "key=value" refs (space-separated) to the draft; values must hold no space.
  void AddRefs(const std::string& refs);
  // Records `detail_json` (a JSON object) as the record's detail (after).
  void SetDetail(const std::string& detail_json);
  // For a CallAuditScope around the call's writes. Owned by this object.
  CallAudit* audit() { return &audit_; }
  // Appends the record with `outcome`'s code unless a write committed it already; returns
  // the append's status (a call must not answer OK when its record could not be written).
  Status Finish(const Status& outcome);

 private:
  Store& store_;
  CallAudit audit_;
  std::string detail_json_ = "null";
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CDS_AUDIT_H_
