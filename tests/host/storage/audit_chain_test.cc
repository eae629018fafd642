// The audit hash chain: intact logs verify; a changed, deleted, reordered or truncated one
// does not, and the verdict names the first bad record.
#include "host/storage/audit_chain.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace needlework::host {
namespace {

std::vector<AuditRecord> Chain(int n) {
  std::vector<AuditRecord> records;
  std::string prev = kAuditGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditRecord record;
    record.seq = i;
    record.at = 1000 + i;
    record.token_id = "tok_" + std::to_string(i);
    record.rpc = "/needlework.v1.SchedulingService/Book";
    record.object_ref = "patient_ref=Patient/" + std::to_string(i);
    record.outcome = "OK";
    record.detail = "{}";
    record.prev_hash = prev;
    record.hash = AuditRecordHash(record);
    prev = record.hash;
    records.push_back(record);
  }
  return records;
}

TEST(AuditChainTest, IntactChainVerifies) {
  auto records = Chain(5);
  AuditVerdict verdict = VerifyAuditChain(records, 5);
  EXPECT_TRUE(verdict.ok) << verdict.problem;
  EXPECT_EQ(verdict.records, 5);
  EXPECT_EQ(verdict.head_hash, records.back().hash);
  EXPECT_TRUE(VerifyAuditChain({}, 0).ok);
}

TEST(AuditChainTest, ChangedFieldIsFound) {
  auto records = Chain(5);
  records[2].object_ref = "patient_ref=Patient/someone-else";
  AuditVerdict verdict = VerifyAuditChain(records, 5);
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 3);
}

TEST(AuditChainTest, RehashedChangeBreaksTheNextLink) {
  auto records = Chain(5);
  records[2].outcome = "PERMISSION_DENIED";
  records[2].hash = AuditRecordHash(records[2]);
  AuditVerdict verdict = VerifyAuditChain(records, 5);
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 4);
}

TEST(AuditChainTest, DeletedMiddleRowIsFound) {
  auto records = Chain(5);
  records.erase(records.begin() + 1);
  AuditVerdict verdict = VerifyAuditChain(records, 5);
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 2);
}

TEST(AuditChainTest, SwappedRowsAreFound) {
  auto records = Chain(5);
  std::swap(records[1].seq, records[2].seq);
  std::swap(records[1], records[2]);
  AuditVerdict verdict = VerifyAuditChain(records, 5);
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 2);
}

TEST(AuditChainTest, TruncatedTailIsFoundByTheHighestSeq) {
  auto records = Chain(5);
  records.pop_back();
  AuditVerdict verdict = VerifyAuditChain(records, 5);
  EXPECT_FALSE(verdict.ok);
  EXPECT_EQ(verdict.first_bad_seq, 5);
}

}  // namespace
}  // namespace needlework::host
