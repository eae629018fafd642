// The audit log's hash chain. Each record's hash is SHA-256 over a canonical serialization
// of all its fields (seq included) and the previous record's hash, so changing, deleting
// or reordering a row breaks the chain at that row.
//
// What it cannot see alone: rows deleted from the end. The store's AUTOINCREMENT counter
// (highest seq ever assigned) catches that unless it is edited too; an operator who keeps
// the head hash `verify` prints elsewhere detects any rewrite of the whole file.
#ifndef NEEDLEWORK_HOST_STORAGE_AUDIT_CHAIN_H_
#define NEEDLEWORK_HOST_STORAGE_AUDIT_CHAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "host/storage/audit_records.h"
#include "needlework/status.h"

namespace needlework::host {

// prev_hash of the first record.
extern const char kAuditGenesisHash[];

// Hex SHA-256 over the canonical form of `record` (every field but `hash`; each field
// length-prefixed, so no two different records serialize alike).
std::string AuditRecordHash(const AuditRecord& record);

struct AuditVerdict {
  bool ok = true;
  int64_t records = 0;
  int64_t first_bad_seq = 0;  // 0 when ok
  std::string problem;        // a sentence for a person; empty when ok
  std::string head_hash;      // hash of the last record (genesis when empty)
};

// Walks `records` (by seq, as stored) checking seqs run 1..n without gaps, each prev_hash
// is the hash before it, each hash is recomputed alike, and n equals `highest_seq`.
AuditVerdict VerifyAuditChain(const std::vector<AuditRecord>& records, int64_t highest_seq);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AUDIT_CHAIN_H_
