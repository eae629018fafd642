#include "host/storage/audit_chain.h"

#include "host/common/sha256.h"

namespace needlework::host {
namespace {

void Put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

}  // namespace

const char kAuditGenesisHash[] = "0000000000000000000000000000000000000000000000000000000000000000";

std::string AuditRecordHash(const AuditRecord& record) {
  std::string canonical = "needlework-audit-v1;";
  Put(canonical, std::to_string(record.seq));
  Put(canonical, std::to_string(record.at));
  for (const std::string* field :
       {&record.token_id, &record.role, &record.clinic_id, &record.rpc, &record.object_ref,
        &record.outcome, &record.detail, &record.prev_hash}) {
    Put(canonical, *field);
  }
  return Sha256Hex(canonical);
}

AuditChainWalker::AuditChainWalker(int64_t anchor_seq, const std::string& anchor_hash) {
  verdict_.anchor_seq = anchor_seq;
  verdict_.anchor_hash = anchor_hash;
  verdict_.head_seq = anchor_seq;
  verdict_.head_hash = anchor_hash;
}

void AuditChainWalker::Break(int64_t seq, std::string problem) {
  verdict_.ok = false;
  verdict_.first_bad_seq = seq;
  verdict_.problem = std::move(problem);
}

bool AuditChainWalker::Add(const AuditRecord& record) {
  if (!verdict_.ok) return false;
  int64_t expected_seq = verdict_.head_seq + 1;
  std::string at = " at seq " + std::to_string(record.seq);
  if (record.seq != expected_seq) {
    Break(expected_seq, "record " + std::to_string(expected_seq) + " is missing (next is " +
                            std::to_string(record.seq) + "): a row was deleted or renumbered");
  } else if (record.prev_hash != verdict_.head_hash) {
    Break(record.seq, "the chain breaks" + at + ": a row before it (or the anchor it follows) " +
                          "was changed, deleted or reordered");
  } else if (AuditRecordHash(record) != record.hash) {
    Break(record.seq, "the record" + at + " was changed after it was written");
  } else {
    verdict_.head_seq = record.seq;
    verdict_.head_hash = record.hash;
    ++verdict_.records;
  }
  return verdict_.ok;
}

AuditVerdict AuditChainWalker::Finish(int64_t highest_seq) {
  if (verdict_.ok && highest_seq > verdict_.head_seq) {
    Break(verdict_.head_seq + 1, "records " + std::to_string(verdict_.head_seq + 1) + ".." +
                                     std::to_string(highest_seq) +
                                     " were deleted from the end of the log");
  }
  return verdict_;
}

AuditVerdict VerifyAuditChain(const std::vector<AuditRecord>& records, int64_t highest_seq) {
  AuditChainWalker walker(0, kAuditGenesisHash);
  for (const AuditRecord& record : records) {
    if (!walker.Add(record)) break;
  }
  return walker.Finish(highest_seq);
}

}  // namespace needlework::host
