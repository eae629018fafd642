// Audit retention through the real host: records written long ago (their times rewritten in
// the stopped host's file, the chain re-hashed as if they had been written then) are pruned
// when the host starts with audit.retention_days set; the prune is anchored and recorded, and
// the chain verifies online (VerifyAudit) and offline (`needleworkctl audit verify --db` on a
// copy of the file), which also finds a tampered copy and refuses a missing file.
#include <gmock/gmock.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "audit_helpers.h"
#include "host/storage/audit_verify.h"
#include "security_helpers.h"
#include "support/eventually.h"

namespace needlework::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

constexpr char kListPlans[] = "/needlework.v1.PlanningService/ListPlans";
constexpr int64_t kFourHundredDays = int64_t{400} * 86400 * 1000000;

void Exec(host::sqlite::Database& db, const std::string& sql) {
  Status status = db.Execute(sql);
  ASSERT_TRUE(status.ok()) << sql << ": " << status.ToString();
}

// Moves records 1..`up_to` back by `by` microseconds and re-hashes the whole chain, as if
// they had been written then; the append-only triggers are put back as they were.
void Backdate(const std::string& db_path, int64_t up_to, int64_t by) {
  auto db = host::sqlite::Database::Open(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::vector<std::string> triggers;
  {
    auto query = (*db)->Prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'");
    ASSERT_TRUE(query.ok());
    while (*(*query)->Step()) triggers.push_back((*query)->ColumnText(0));
  }
  Exec(**db, "DROP TRIGGER audit_log_no_update");
  std::vector<host::AuditRecord> records;
  {
    auto query = (*db)->Prepare(std::string(host::kAuditRowSelect) + "ORDER BY seq");
    ASSERT_TRUE(query.ok());
    while (*(*query)->Step()) records.push_back(host::ReadAuditRow(**query));
  }
  std::string prev = host::kAuditGenesisHash;
  for (host::AuditRecord& record : records) {
    if (record.seq <= up_to) record.at -= by;
    record.prev_hash = prev;
    record.hash = host::AuditRecordHash(record);
    prev = record.hash;
    auto update = (*db)->Prepare(
        "UPDATE audit_log SET at = ?, prev_hash = ?, hash = ? "
        "WHERE seq = ?");
    ASSERT_TRUE(update.ok());
    (*update)->Bind(1, record.at).Bind(2, record.prev_hash).Bind(3, record.hash);
    (*update)->Bind(4, record.seq);
    ASSERT_TRUE((*update)->Run().ok());
  }
  for (const std::string& trigger : triggers) {
    if (trigger.find("audit_log_no_update") != std::string::npos) Exec(**db, trigger);
  }
}

int CtlVerifyFile(const std::string& path, std::string* out, std::string* err) {
  return RunCtlBinary({"audit", "verify", "--db", path}, out, err);
}

TEST(AuditRetentionTest, OldRecordsArePrunedBehindAnAnchorAndVerifyOnlineAndOffline) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  for (int i = 0; i < 6; ++i) {
    CallByName(*host, host->emr_token(), kListPlans, *MinimalRequest(kListPlans));
  }
  ASSERT_EQ(Verify(*host).records(), 6);
  host->Stop();
  const std::string db = host->data_dir() + "/needlework.db";
  Backdate(db, 4, kFourHundredDays);
  std::ofstream(host->config_path(), std::ios::app) << "audit:\n  retention_days: 30\n";
  ASSERT_TRUE(host->Restart());

  ASSERT_TRUE(Eventually([&] { return !Records(*host, "PruneAudit").empty(); })) << host->Log();
  auto prunes = Records(*host, "PruneAudit");
  ASSERT_EQ(prunes.size(), 1u);
  EXPECT_EQ(prunes[0].role(), "host");
  EXPECT_EQ(prunes[0].outcome(), "OK");
  EXPECT_THAT(prunes[0].detail_json(), HasSubstr("\"anchor_seq\":4"));
  EXPECT_THAT(prunes[0].detail_json(), HasSubstr("\"deleted\":4"));
  auto kept = Records(*host, "ListPlans");
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].seq(), 5);
  auto online = Verify(*host);
  EXPECT_TRUE(online.ok()) << online.problem();
  EXPECT_EQ(online.anchor_seq(), 4);
  EXPECT_EQ(online.anchor_hash(), kept[0].prev_hash());
  EXPECT_GE(online.head_seq(), 7);
  host->Stop();

  const std::string copy = host->data_dir() + "/copy.db";
  fs::copy_file(db, copy);
  std::string out, err;
  EXPECT_EQ(CtlVerifyFile(copy, &out, &err), 0) << out << err;
  EXPECT_THAT(out, HasSubstr("Audit log intact"));
  EXPECT_THAT(out, HasSubstr("head seq " + std::to_string(online.head_seq()) + " hash " +
                             online.head_hash()));
  EXPECT_THAT(out, HasSubstr("Anchor: seq 4 hash " + online.anchor_hash()));

  auto tampered = host::sqlite::Database::Open(copy);
  ASSERT_TRUE(tampered.ok());
  Exec(**tampered, "DROP TRIGGER audit_log_no_update");
  Exec(**tampered, "UPDATE audit_log SET outcome = 'PERMISSION_DENIED' WHERE seq = 6");
  tampered->reset();
  EXPECT_EQ(CtlVerifyFile(copy, &out, &err), 1) << out << err;
  EXPECT_THAT(out, HasSubstr("first bad record 6"));
}

TEST(AuditRetentionTest, OfflineVerifyOfAMissingOrForeignFileIsAUsageError) {
  TempDir dir;
  std::string out, err;
  EXPECT_EQ(CtlVerifyFile(dir.File("absent.db"), &out, &err), 2);
  EXPECT_THAT(err, HasSubstr("absent.db"));
  std::ofstream(dir.File("notes.txt")) << "not a database\n";
  EXPECT_EQ(CtlVerifyFile(dir.File("notes.txt"), &out, &err), 2);
  EXPECT_THAT(err, HasSubstr("cannot verify the audit log in"));
}

}  // namespace
}  // namespace needlework::testing
