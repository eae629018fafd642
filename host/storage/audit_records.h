// Rows of the audit log (see host/storage/audit_chain.h for how they are chained).
#ifndef NEEDLEWORK_HOST_STORAGE_AUDIT_RECORDS_H_
#define NEEDLEWORK_HOST_STORAGE_AUDIT_RECORDS_H_

#include <cstdint>
#include <string>

namespace needlework::host {

struct AuditRecord {
  int64_t seq = 0;         // 1, 2, 3, ... assigned on append
  int64_t at = 0;          // Unix microseconds
  std::string token_id;    // the token's public id (never its secret); empty if none
  std::string role;        // the token's role; empty when unauthenticated
  std::string clinic_id;   // the clinic the call was for; empty for host-wide calls
  std::string rpc;         // full method name
  std::string object_ref;  // "patient_ref=Patient/1 plan_id=plan_..." (space-separated)
  std::string outcome;     // gRPC code name: "OK", "PERMISSION_DENIED", ...
  std::string detail;      // JSON object; {"before":...,"after":...} for plugin changes
  std::string prev_hash;   // hash of the record before (64 zeros for the first)
  std::string hash;        // hex SHA-256 of this record's canonical form (incl. prev_hash)
};

// Every non-empty field narrows; the rest match all.
struct AuditFilter {
  std::string clinic_id;
  std::string rpc;  // a full method name, or just its last part ("Book")
  std::string token_id;
  std::string object_ref;  // matches records whose object_ref contains it
  int64_t from = 0;        // Unix microseconds, inclusive; 0: no bound
  int64_t to = 0;          // Unix microseconds, exclusive; 0: no bound
  int64_t after_seq = 0;   // paging: only records with a larger seq
  int limit = 100;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AUDIT_RECORDS_H_
