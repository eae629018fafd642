// The audit log's hash chain. Each record's hash is SHA-256 over a canonical serialization
// of all its fields (seq included) and the previous record's hash, so changing, deleting
// or reordering a row breaks the chain at that row.
//
// Retention prunes the oldest records and keeps an anchor: the seq and hash of the last
// pruned record. A chain checked from an anchor starts there instead of at seq 1 with the
// genesis hash, so the first kept record still proves it follows the pruned ones.
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
  int64_t records = 0;        // records checked (those after the anchor)
  int64_t first_bad_seq = 0;  // 0 when ok
  std::string problem;        // a sentence for a person; empty when ok
  int64_t head_seq = 0;       // seq of the last record checked (the anchor's when none)
  std::string head_hash;      // hash of that record (the anchor's, or genesis, when none)
  int64_t anchor_seq = 0;     // where the check started: 0 (genesis) or the newest anchor
  std::string anchor_hash;    // the hash the first record must link to
};

// Checks records one at a time, so a caller can feed a log of any length in chunks. Not
// thread-safe.
class AuditChainWalker {
 public:
  // Starts after the record `anchor_seq` whose hash is `anchor_hash` (0 and genesis: the
  // whole log).
  AuditChainWalker(int64_t anchor_seq, const std::string& anchor_hash);

  // Checks `record`, the next one by seq as stored. Returns false, with the verdict naming
  // the first bad seq, once the chain is broken; later records are then ignored.
  bool Add(const AuditRecord& record);
  // The verdict after every record was added: also broken when `highest_seq` (the highest
  // seq ever assigned) is past the last record, i.e. rows were deleted from the end.
  AuditVerdict Finish(int64_t highest_seq);
  // The verdict so far.
  const AuditVerdict& verdict() const { return verdict_; }

 private:
  void Break(int64_t seq, std::string problem);
  AuditVerdict verdict_;
};

// The walker over `records` from genesis (seq 1), finished with `highest_seq`.
AuditVerdict VerifyAuditChain(const std::vector<AuditRecord>& records, int64_t highest_seq);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_AUDIT_CHAIN_H_
