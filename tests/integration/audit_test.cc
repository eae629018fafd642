// The audit log through the real host: every call of an audited RPC leaves exactly one
// record with its outcome (allowed or refused), plugin changes record before and after, and
// a changed, deleted, reordered or truncated row in the SQLite file is found by VerifyAudit.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "api_helpers.h"
#include "audit_helpers.h"
#include "host/auth/rpc_policy.h"
#include "needlework/status.h"
#include "security_helpers.h"

namespace needlework::testing {
namespace {

namespace fs = std::filesystem;

std::string CodeName(grpc::StatusCode code) {
  return std::string(StatusCodeName(static_cast<StatusCode>(code)));
}

// How many calls `record` stands for: refusals are recorded aggregated, with their count in
// `detail` (host/audit/refusal_tally.h); every other record is one call.
int CallsOf(const v1::AuditRecord& record) {
  auto detail = nlohmann::json::parse(record.detail_json(), nullptr, false);
  if (!detail.is_object() || !detail.value("aggregated", false)) return 1;
  return detail.value("count", 0);
}

// Allowed calls leave one record each as they finish; refused ones are counted, and their
// counts reach the log aggregated at the latest when the host stops (here: a restart).
TEST(AuditTest, EveryAuditedCallIsRecordedWithItsOutcome) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  // Calls of QueryAudit made to count are audited too; the count sees those before it.
  std::map<std::string, std::multiset<std::string>> outcomes;
  for (const host::RpcPolicy& policy : host::AllRpcPolicies()) {
    if (policy.audit == host::AuditKind::kNone) continue;
    std::string method(policy.method);
    auto request = MinimalRequest(method);
    if (!policy.clinic_field.empty())
      SetFieldAtPath(*request, std::string(policy.clinic_field), "demo");
    for (const std::string& token : {host->emr_token(), host->admin_token(), std::string()}) {
      outcomes[method].insert(CodeName(CallByName(*host, token, method, *request).error_code()));
    }
  }
  ASSERT_TRUE(host->Restart());
  const std::string query_audit = "/needlework.v1.AdminService/QueryAudit";
  for (const auto& [method, expected] : outcomes) {
    auto records = Records(*host, method);
    std::multiset<std::string> recorded;
    for (const auto& record : records) {
      EXPECT_EQ(record.rpc(), method);
      for (int i = CallsOf(record); i > 0; --i) recorded.insert(record.outcome());
    }
    EXPECT_EQ(recorded, expected) << method;
    outcomes[query_audit].insert("OK");
  }
  EXPECT_EQ(Records(*host, "ListTherapies").size(), 0u) << "not an audited RPC";
  EXPECT_TRUE(Verify(*host).ok());
}

TEST(AuditTest, RecordsSayWhoWhatAndForWhichPatient) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  v1::ListTokensRequest list;
  list.set_clinic_id("demo");
  v1::ListTokensResponse tokens;
  ASSERT_TRUE(
      Admin(*host)->ListTokens(AuthorizedContext(host->admin_token()).get(), list, &tokens).ok());
  ASSERT_FALSE(tokens.tokens().empty());
  auto request = MinimalRequest("/needlework.v1.PlanningService/ListPlans");
  SetFieldAtPath(*request, "patient_ref", "Patient/audit-1");
  CallByName(*host, host->emr_token(), "/needlework.v1.PlanningService/ListPlans", *request);
  auto records = Records(*host, "ListPlans", "demo");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].object_ref(), "patient_ref=Patient/audit-1");
  EXPECT_EQ(records[0].token_id(), tokens.tokens(0).token_id());
  EXPECT_EQ(records[0].role(), "emr");
  EXPECT_EQ(records[0].outcome(), "OK");
  EXPECT_EQ(records[0].detail_json().find(host->emr_token()), std::string::npos);
}

TEST(AuditTest, PluginTogglesRecordBeforeAndAfter) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  Api api(*host);
  ASSERT_TRUE(api.Disable(host->admin_token(), "demo", "org.needlework.screening").status.ok());
  auto records = Records(*host, "DisablePlugin", "demo");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].object_ref(), "plugin_id=org.needlework.screening");
  const std::string& detail = records[0].detail_json();
  size_t after = detail.find("\"after\"");
  ASSERT_NE(after, std::string::npos) << detail;
  EXPECT_NE(detail.substr(0, after).find("\"enabled\":true"), std::string::npos) << detail;
  EXPECT_EQ(detail.substr(after).find("\"enabled\":true"), std::string::npos) << detail;
}

// Runs `sql` on the stopped host's store (dropping the append-only triggers first, as an
// intruder would).
void Tamper(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  std::string all =
      "DROP TRIGGER IF EXISTS audit_log_no_update; "
      "DROP TRIGGER IF EXISTS audit_log_no_delete; " +
      sql;
  EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(AuditTest, TamperingWithTheFileIsDetected) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  for (int i = 0; i < 5; ++i) {
    CallByName(*host, host->emr_token(), "/needlework.v1.PlanningService/ListPlans",
               *MinimalRequest("/needlework.v1.PlanningService/ListPlans"));
  }
  auto intact = Verify(*host);
  ASSERT_TRUE(intact.ok()) << intact.problem();
  ASSERT_EQ(intact.records(), 5);
  host->Stop();
  const std::string db = host->data_dir() + "/needlework.db";
  const std::string pristine = host->data_dir() + "/pristine.db";
  fs::copy_file(db, pristine);
  struct Case {
    const char* what;
    const char* sql;
    int64_t first_bad_seq;
  } cases[] = {
      {"changed", "UPDATE audit_log SET object_ref = 'patient_ref=Patient/x' WHERE seq = 3;", 3},
      {"deleted", "DELETE FROM audit_log WHERE seq = 2;", 2},
      {"reordered",
       "UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; "
       "UPDATE audit_log SET seq = 3 WHERE seq = 100;",
       2},
      {"truncated", "DELETE FROM audit_log WHERE seq = 5;", 5},
  };
  for (const Case& c : cases) {
    fs::copy_file(pristine, db, fs::copy_options::overwrite_existing);
    Tamper(db, c.sql);
    ASSERT_TRUE(host->Restart());
    auto verdict = Verify(*host);
    EXPECT_FALSE(verdict.ok()) << c.what;
    std::string out, err;
    EXPECT_EQ(RunCtlBinary(
                  {"--address", host->address(), "--token", host->admin_token(), "audit", "verify"},
                  &out, &err),
              1)
        << c.what << ": " << out;
    EXPECT_EQ(verdict.first_bad_seq(), c.first_bad_seq) << c.what << ": " << verdict.problem();
    host->Stop();
  }
}

TEST(AuditTest, TheLogRefusesUpdatesAndDeletes) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  CallByName(*host, host->emr_token(), "/needlework.v1.PlanningService/ListPlans",
             *MinimalRequest("/needlework.v1.PlanningService/ListPlans"));
  host->Stop();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((host->data_dir() + "/needlework.db").c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit_log SET outcome = 'OK'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace
}  // namespace needlework::testing
