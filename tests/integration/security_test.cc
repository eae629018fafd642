// Roles, tokens and the authorization matrix, through the real host: every RPC of every
// needlework.v1 service with each role's token for clinic A and for clinic B (and with no
// token and a made-up one), against the one table in host/auth/rpc_policy.cc.
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <vector>

#include "api_helpers.h"
#include "host/auth/rpc_policy.h"
#include "security_helpers.h"

namespace needlework::testing {
namespace {

using host::ClinicScope;
using host::Role;
using host::RoleBit;

constexpr char kClinicA[] = "clinic-a";
constexpr char kClinicB[] = "clinic-b";
constexpr char kTherapies[] = "/needlework.v1.CatalogService/ListTherapies";

struct TestToken {
  std::string name;  // for messages
  Role role;
  std::string clinic;  // empty for admin
  std::string secret;
};

class SecurityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = HostProcess::Start().release();
    ASSERT_NE(host_, nullptr);
    Api api(*host_);
    tokens_ = new std::vector<TestToken>{{"admin", Role::kAdmin, "", host_->admin_token()}};
    for (const char* clinic : {kClinicA, kClinicB}) {
      auto created = api.CreateClinic(host_->admin_token(), clinic);
      ASSERT_TRUE(created.status.ok()) << created.status.error_message();
      tokens_->push_back(
          {std::string("emr ") + clinic, Role::kEmr, clinic, created.response.emr_token()});
      tokens_->push_back(
          {std::string("clinic_admin ") + clinic, Role::kClinicAdmin, clinic,
           IssueToken(*host_, host_->admin_token(), "clinic_admin", clinic).secret()});
    }
  }
  static void TearDownTestSuite() {
    delete host_;
    delete tokens_;
  }

  static grpc::StatusCode Call(const std::string& token, const std::string& method) {
    return CallByName(*host_, token, method, *MinimalRequest(method)).error_code();
  }

  static HostProcess* host_;
  static std::vector<TestToken>* tokens_;
};

HostProcess* SecurityTest::host_ = nullptr;
std::vector<TestToken>* SecurityTest::tokens_ = nullptr;

// What the table says for `token` calling `policy` with a request naming clinic A.
bool Allowed(const host::RpcPolicy& policy, const TestToken& token) {
  if ((policy.roles & RoleBit(token.role)) == 0) return false;
  return !(policy.scope == ClinicScope::kRequest && token.role == Role::kClinicAdmin &&
           token.clinic != kClinicA);
}

TEST_F(SecurityTest, EveryRpcAnswersEachRoleAndClinicAsTheTableSays) {
  for (const host::RpcPolicy& policy : host::AllRpcPolicies()) {
    std::string method(policy.method);
    auto request = MinimalRequest(method);
    ASSERT_NE(request, nullptr);
    if (policy.scope == ClinicScope::kRequest) {
      SetFieldAtPath(*request, std::string(policy.clinic_field), kClinicA);
    }
    for (const TestToken& token : *tokens_) {
      grpc::Status status = CallByName(*host_, token.secret, method, *request);
      if (Allowed(policy, token)) {
        EXPECT_NE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " refused " << token.name << ": " << status.error_message();
        EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
      } else {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
            << method << " let " << token.name << " through: " << status.error_message();
      }
    }
    EXPECT_EQ(CallByName(*host_, "", method, *request).error_code(),
              grpc::StatusCode::UNAUTHENTICATED)
        << method;
    EXPECT_EQ(CallByName(*host_, "nw_admin_not-a-real-token", method, *request).error_code(),
              grpc::StatusCode::UNAUTHENTICATED)
        << method;
  }
}

TEST_F(SecurityTest, ClientCannotForgeTheMethodTheHostChecks) {
  // A clinic_admin claiming, in metadata, to call an RPC it may call gets nowhere.
  auto context = AuthorizedContext((*tokens_)[2].secret);
  context->AddMetadata("needlework-internal-method", "/needlework.v1.AdminService/ListPlugins");
  v1::CreateClinicRequest request;
  request.set_clinic_id("forged");
  v1::CreateClinicResponse response;
  auto status =
      v1::AdminService::NewStub(host_->channel())->CreateClinic(context.get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SecurityTest, RevokedTokenIsRefusedOnTheVeryNextCall) {
  auto issued = IssueToken(*host_, host_->admin_token(), "emr", kClinicA);
  ASSERT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::OK);
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(issued.token().token_id());
  v1::TokenInfo info;
  auto admin = v1::AdminService::NewStub(host_->channel());
  ASSERT_TRUE(
      admin->RevokeToken(AuthorizedContext(host_->admin_token()).get(), revoke, &info).ok());
  EXPECT_FALSE(info.revoked_at().empty());
  EXPECT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::UNAUTHENTICATED);
}

// The revocation cannot be written (another process holds the database's write lock past
// the host's busy timeout): RevokeToken fails, and the token is refused all the same.
TEST_F(SecurityTest, ATokenIsRefusedEvenWhenItsRevocationCannotBeWritten) {
  auto issued = IssueToken(*host_, host_->admin_token(), "emr", kClinicA);
  ASSERT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::OK);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((host_->data_dir() + "/needlework.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(issued.token().token_id());
  v1::TokenInfo info;
  auto context = AuthorizedContext(host_->admin_token());
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::Status revoked =
      v1::AdminService::NewStub(host_->channel())->RevokeToken(context.get(), revoke, &info);
  EXPECT_FALSE(revoked.ok());
  EXPECT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::UNAUTHENTICATED);
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

TEST_F(SecurityTest, ExpiredTokenIsRefused) {
  auto issued = IssueToken(*host_, host_->admin_token(), "emr", kClinicA, 2);
  EXPECT_FALSE(issued.token().expires_at().empty());
  EXPECT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::OK);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SecurityTest, ClinicAdminManagesOnlyItsOwnClinicsEmrTokens) {
  const std::string& admin_a = (*tokens_)[2].secret;  // clinic_admin clinic-a
  const std::string& admin_b = (*tokens_)[4].secret;  // clinic_admin clinic-b
  auto emr_a = IssueToken(*host_, admin_a, "emr", kClinicA);
  EXPECT_EQ(Call(emr_a.secret(), kTherapies), grpc::StatusCode::OK);
  auto stub = v1::AdminService::NewStub(host_->channel());
  v1::IssueTokenRequest issue;
  issue.set_role("clinic_admin");
  issue.set_clinic_id(kClinicA);
  v1::IssueTokenResponse issued;
  EXPECT_EQ(stub->IssueToken(AuthorizedContext(admin_a).get(), issue, &issued).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(emr_a.token().token_id());
  v1::TokenInfo info;
  EXPECT_EQ(stub->RevokeToken(AuthorizedContext(admin_b).get(), revoke, &info).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Call(emr_a.secret(), kTherapies), grpc::StatusCode::OK);
  EXPECT_TRUE(stub->RevokeToken(AuthorizedContext(admin_a).get(), revoke, &info).ok());
  EXPECT_EQ(Call(emr_a.secret(), kTherapies), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SecurityTest, ListTokensShowsIdsNeverSecrets) {
  auto issued = IssueToken(*host_, host_->admin_token(), "emr", kClinicB);
  v1::ListTokensRequest request;
  request.set_clinic_id(kClinicB);
  v1::ListTokensResponse response;
  ASSERT_TRUE(v1::AdminService::NewStub(host_->channel())
                  ->ListTokens(AuthorizedContext(host_->admin_token()).get(), request, &response)
                  .ok());
  bool listed = false;
  for (const auto& token : response.tokens()) {
    EXPECT_EQ(token.clinic_id(), kClinicB);
    listed |= token.token_id() == issued.token().token_id();
  }
  EXPECT_TRUE(listed);
  EXPECT_EQ(response.DebugString().find(issued.secret()), std::string::npos);
}

TEST_F(SecurityTest, NoTokenSecretEverReachesTheHostLog) {
  auto issued = IssueToken(*host_, host_->admin_token(), "emr", kClinicA);
  Call(issued.secret(), kTherapies);
  Call(issued.secret(), "/needlework.v1.AdminService/ListClinics");  // refused: wrong role
  v1::RevokeTokenRequest revoke;
  revoke.set_token_id(issued.token().token_id());
  v1::TokenInfo info;
  v1::AdminService::NewStub(host_->channel())
      ->RevokeToken(AuthorizedContext(host_->admin_token()).get(), revoke, &info);
  Call(issued.secret(), kTherapies);  // refused: revoked
  const std::string bad = "nw_emr_0123456789abcdef0123456789abcdef";
  Call(bad, kTherapies);
  std::string log = host_->Log();
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log.find(issued.token().token_id()), std::string::npos) << "ids are logged";
  std::vector<std::string> secrets = {issued.secret(), bad};
  for (const TestToken& token : *tokens_) secrets.push_back(token.secret);
  for (const std::string& secret : secrets) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "a token secret is in the host log";
    EXPECT_EQ(log.find(secret.substr(7)), std::string::npos) << "part of a secret is logged";
  }
}

TEST_F(SecurityTest, CtlIssuesListsAndRevokesTokens) {
  const std::vector<std::string> global = {"--address", host_->address(), "--token",
                                           host_->admin_token()};
  auto ctl = [&](std::vector<std::string> args, std::string* out) {
    args.insert(args.begin(), global.begin(), global.end());
    std::string err;
    int code = RunCtlBinary(args, out, &err);
    EXPECT_EQ(err.find(host_->admin_token()), std::string::npos) << err;
    return code;
  };
  std::string out;
  ASSERT_EQ(ctl({"--json", "token", "issue", "--role", "emr", "--clinic", kClinicB, "--expires-in",
                 "30d", "--label", "ctl"},
                &out),
            0)
      << out;
  v1::IssueTokenResponse issued;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(out, &issued).ok()) << out;
  EXPECT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::OK);
  ASSERT_EQ(ctl({"tokens", "--clinic", kClinicB}, &out), 0);
  EXPECT_NE(out.find(issued.token().token_id()), std::string::npos) << out;
  EXPECT_EQ(out.find(issued.secret()), std::string::npos) << out;
  ASSERT_EQ(ctl({"token", "revoke", issued.token().token_id()}, &out), 0) << out;
  EXPECT_EQ(Call(issued.secret(), kTherapies), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ctl({"audit", "--rpc", "RevokeToken"}, &out), 0);
  EXPECT_NE(out.find("RevokeToken"), std::string::npos) << out;
  EXPECT_EQ(ctl({"audit", "verify"}, &out), 0) << out;
  EXPECT_NE(out.find("intact"), std::string::npos) << out;
}

}  // namespace
}  // namespace needlework::testing
