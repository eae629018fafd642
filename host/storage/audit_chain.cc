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

AuditVerdict Bad(AuditVerdict verdict, int64_t seq, std::string problem) {
  verdict.ok = false;
  verdict.first_bad_seq = seq;
  verdict.problem = std::move(problem);
  return verdict;
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

AuditVerdict VerifyAuditChain(const std::vector<AuditRecord>& records, int64_t highest_seq) {
  AuditVerdict verdict;
  verdict.head_hash = kAuditGenesisHash;
  for (const AuditRecord& record : records) {
    int64_t expected_seq = verdict.records + 1;
    std::string at = " at seq " + std::to_string(record.seq);
    if (record.seq != expected_seq) {
      return Bad(verdict, expected_seq,
                 "record " + std::to_string(expected_seq) + " is missing (next is " +
                     std::to_string(record.seq) + "): a row was deleted or renumbered");
    }
    if (record.prev_hash != verdict.head_hash) {
      return Bad(
          verdict, record.seq,
          "the chain breaks" + at + ": a row before it was " + "changed, deleted or reordered");
    }
    if (AuditRecordHash(record) != record.hash) {
      return Bad(verdict, record.seq, "the record" + at + " was changed after it was written");
    }
    verdict.head_hash = record.hash;
    ++verdict.records;
  }
  if (highest_seq > verdict.records) {
    return Bad(verdict, verdict.records + 1,
               "records " + std::to_string(verdict.records + 1) + ".." +
                   std::to_string(highest_seq) + " were deleted from the end of the log");
  }
  return verdict;
}

}  // namespace needlework::host
