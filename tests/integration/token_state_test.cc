// What a token's holder and its admin are told, through the real host and needleworkctl: a
// refused token is unknown, expired or revoked (and the hint says what to do about each,
// never "pass --token" to a caller that passed one); a clinic_admin naming another clinic
// learns which token the call takes; `tokens` shows each token's state and expiry.
#include <gmock/gmock.h>

#include "integration/audit_helpers.h"
#include "support/eventually.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TokenStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
  }

  // A new token of `role` for the demo clinic, expiring after `seconds` (0: never).
  v1::IssueTokenResponse Issue(const std::string& role, int64_t seconds = 0) {
    v1::IssueTokenRequest request;
    request.set_role(role);
    request.set_clinic_id("demo");
    request.set_expires_in_seconds(seconds);
    v1::IssueTokenResponse issued;
    auto status =
        Admin(*host_)->IssueToken(AuthorizedContext(host_->admin_token()).get(), request, &issued);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return issued;
  }

  void Revoke(const std::string& token_id) {
    v1::RevokeTokenRequest request;
    request.set_token_id(token_id);
    v1::TokenInfo revoked;
    auto status = Admin(*host_)->RevokeToken(AuthorizedContext(host_->admin_token()).get(), request,
                                             &revoked);
    EXPECT_TRUE(status.ok()) << status.error_message();
  }

  // needleworkctl with `token`; its exit code, stdout in *out and stderr in *err.
  int Ctl(const std::string& token, std::vector<std::string> args, std::string* out,
          std::string* err) {
    args.insert(args.begin(), {"--address", host_->address(), "--token", token});
    return RunCtlBinary(args, out, err);
  }

  // stderr of `needleworkctl plans` made with `token`; empty when the host answered.
  std::string RefusedPlans(const std::string& token) {
    std::string out, err;
    return Ctl(token, {"plans", "--patient", "Patient/1"}, &out, &err) == 0 ? "" : err;
  }

  std::unique_ptr<HostProcess> host_;
};

TEST_F(TokenStateTest, ARefusedTokenIsToldWhetherItIsUnknownExpiredOrRevoked) {
  auto expiring = Issue("emr", 1);
  auto revoked = Issue("emr");
  Revoke(revoked.token().token_id());
  ASSERT_TRUE(Eventually(
      [&] { return RefusedPlans(expiring.secret()).find("expired on") != std::string::npos; }));

  std::string err = RefusedPlans(expiring.secret());
  EXPECT_THAT(err, HasSubstr("UNAUTHENTICATED: bearer token " + expiring.token().token_id() +
                             " expired on " + expiring.token().expires_at()));
  EXPECT_THAT(err, HasSubstr("hint: the token has expired; ask an admin for a new one "
                             "(needleworkctl token issue)"));
  EXPECT_THAT(err, Not(HasSubstr("pass --token")));

  for (bool restarted : {false, true}) {
    err = RefusedPlans(revoked.secret());
    EXPECT_THAT(err, HasSubstr("bearer token " + revoked.token().token_id() + " was revoked on "))
        << "restarted: " << restarted;
    EXPECT_THAT(err, HasSubstr("hint: the token was revoked; ask an admin for a new one"));
    EXPECT_THAT(err, Not(HasSubstr("pass --token")));
    if (!restarted) {
      ASSERT_TRUE(host_->Restart());
    }
  }

  err = RefusedPlans("nw_emr_" + std::string(64, '0'));
  EXPECT_THAT(err, HasSubstr("UNAUTHENTICATED: unknown bearer token"));
  EXPECT_THAT(err, HasSubstr("hint: this host has no such token: check --token"));
  EXPECT_THAT(err, Not(HasSubstr(revoked.token().token_id())));
}

TEST_F(TokenStateTest, AClinicAdminNamingAnotherClinicIsToldWhichTokenItTakes) {
  std::string out, err;
  ASSERT_EQ(Ctl(host_->admin_token(), {"clinic", "create", "north"}, &out, &err), 0) << err;
  auto manager = Issue("clinic_admin");
  ASSERT_NE(Ctl(manager.secret(), {"tokens", "--clinic", "north"}, &out, &err), 0) << out;
  EXPECT_THAT(err, HasSubstr("PERMISSION_DENIED"));
  EXPECT_THAT(err, HasSubstr("the token is for clinic 'demo' and the request names 'north'; it "
                             "takes a clinic_admin token of 'north', or an admin token"));
  EXPECT_THAT(err, HasSubstr("hint: this command needs an `admin` token, or a `clinic_admin` "
                             "token of the clinic it acts on"));

  ASSERT_NE(Ctl(manager.secret(), {"clinic", "create", "south"}, &out, &err), 0) << out;
  EXPECT_THAT(err, HasSubstr("it takes an admin token"));
  EXPECT_THAT(err, HasSubstr("hint: this command needs an `admin` token\n"));
}

// Each row of `out` that names `token_id`; empty when none does.
std::string RowOf(const std::string& out, const std::string& token_id) {
  size_t at = out.find(token_id);
  if (at == std::string::npos) return "";
  size_t start = out.rfind('\n', at) + 1;
  return out.substr(start, out.find('\n', at) - start);
}

TEST_F(TokenStateTest, TokensShowsEachTokensStateAndExpiry) {
  auto expiring = Issue("emr", 1);
  auto live = Issue("emr", 3600);
  auto revoked = Issue("emr");
  Revoke(revoked.token().token_id());
  std::string out, err;
  ASSERT_TRUE(Eventually([&] {
    Ctl(host_->admin_token(), {"tokens", "--clinic", "demo"}, &out, &err);
    return RowOf(out, expiring.token().token_id()).find(" expired ") != std::string::npos;
  })) << out;
  EXPECT_THAT(RowOf(out, expiring.token().token_id()), HasSubstr(expiring.token().expires_at()));
  EXPECT_THAT(RowOf(out, live.token().token_id()), HasSubstr(" live "));
  EXPECT_THAT(RowOf(out, live.token().token_id()), HasSubstr(live.token().expires_at()));
  EXPECT_EQ(RowOf(out, revoked.token().token_id()), "") << "revoked: only with --include-revoked";
  EXPECT_THAT(out, HasSubstr("STATE"));

  ASSERT_EQ(
      Ctl(host_->admin_token(), {"tokens", "--clinic", "demo", "--include-revoked"}, &out, &err), 0)
      << err;
  EXPECT_THAT(RowOf(out, revoked.token().token_id()), HasSubstr(" revoked "));
  EXPECT_THAT(RowOf(out, live.token().token_id()), HasSubstr(" live "));
}

}  // namespace
}  // namespace needlework::testing
