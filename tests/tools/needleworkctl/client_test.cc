#include "client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/auth/rpc_policy.h"

namespace needlework::ctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(FormatRpcErrorTest, NameCodeAndServerMessage) {
  GlobalOptions options;
  grpc::Status status(grpc::StatusCode::ALREADY_EXISTS, "clinic 'aurora' exists");
  EXPECT_EQ(FormatRpcError("CreateClinic", status, options),
            "needleworkctl: CreateClinic: ALREADY_EXISTS: clinic 'aurora' exists\n");
}

TEST(FormatRpcErrorTest, EmptyServerMessage) {
  GlobalOptions options;
  grpc::Status status(grpc::StatusCode::INTERNAL, "");
  EXPECT_EQ(FormatRpcError("ListClinics", status, options),
            "needleworkctl: ListClinics: INTERNAL\n");
}

TEST(FormatRpcErrorTest, UnavailableAsksWhetherTheHostRuns) {
  GlobalOptions options;
  options.address = "unix:/run/nw.sock";
  grpc::Status status(grpc::StatusCode::UNAVAILABLE, "failed to connect");
  EXPECT_EQ(FormatRpcError("ListPlugins", status, options),
            "needleworkctl: ListPlugins: UNAVAILABLE: failed to connect\n"
            "needleworkctl: hint: is needlework-host running at unix:/run/nw.sock?\n");
}

TEST(FormatRpcErrorTest, AMissingLotNamesTheProductFlag) {
  grpc::Status status(grpc::StatusCode::INVALID_ARGUMENT,
                      "completion.products must record the lot of Hyaluronic-acid serum: add "
                      "{product: \"ha-serum\", lot_number: ...}");
  EXPECT_THAT(FormatRpcError("CompleteSession", status, GlobalOptions()),
              HasSubstr("\nneedleworkctl: hint: give the lot as --product CODE:LOT with the "
                        "add-on's code (see needleworkctl therapies), e.g. --product "
                        "ha-serum:LOT-7\n"));
  EXPECT_THAT(FormatRpcError("Book", status, GlobalOptions()), Not(HasSubstr("hint")));
}

TEST(FormatRpcErrorTest, UnauthenticatedNamesBothWaysToGiveAToken) {
  grpc::Status status(grpc::StatusCode::UNAUTHENTICATED,
                      "missing 'authorization: Bearer <token>' metadata");
  EXPECT_EQ(FormatRpcError("ListPlugins", status, GlobalOptions()),
            "needleworkctl: ListPlugins: UNAUTHENTICATED: missing 'authorization: Bearer "
            "<token>' metadata\n"
            "needleworkctl: hint: pass --token or set NEEDLEWORK_TOKEN\n");
}

// The host's messages (TokenAuthority::Authenticate) decide the hint: a token that was
// given is never answered with "pass --token".
TEST(FormatRpcErrorTest, UnauthenticatedSaysWhatHappenedToTheToken) {
  const struct {
    const char* message;
    const char* hint;
  } cases[] = {
      {"bearer token tok_1 expired on 2026-12-01T00:00:00Z",
       "hint: the token has expired; ask an admin for a new one (needleworkctl token issue)"},
      {"bearer token tok_1 was revoked on 2026-12-01T00:00:00Z",
       "hint: the token was revoked; ask an admin for a new one (needleworkctl token issue)"},
      {"unknown bearer token", "hint: this host has no such token: check --token"},
  };
  for (const auto& c : cases) {
    grpc::Status status(grpc::StatusCode::UNAUTHENTICATED, c.message);
    std::string text = FormatRpcError("ListPlans", status, GlobalOptions());
    EXPECT_THAT(text, HasSubstr(c.hint)) << c.message;
    EXPECT_THAT(text, Not(HasSubstr("pass --token"))) << c.message;
  }
}

// The hint names the tokens the host's policy table lets call the RPC, for every RPC.
TEST(FormatRpcErrorTest, PermissionDeniedNamesTheTokensThePolicyAllows) {
  grpc::Status status(grpc::StatusCode::PERMISSION_DENIED, "wrong role");
  using host::Role;
  for (const host::RpcPolicy& policy : host::AllRpcPolicies()) {
    std::string rpc(policy.method.substr(policy.method.rfind('/') + 1));
    std::string text = FormatRpcError(rpc, status, GlobalOptions());
    if (policy.roles == host::RoleBit(Role::kEmr)) {
      EXPECT_THAT(text, HasSubstr("hint: this command needs a clinic's `emr` token\n")) << rpc;
    } else if (policy.roles == host::RoleBit(Role::kAdmin)) {
      EXPECT_THAT(text, HasSubstr("hint: this command needs an `admin` token\n")) << rpc;
    } else {
      ASSERT_EQ(policy.roles, host::RoleBit(Role::kAdmin) | host::RoleBit(Role::kClinicAdmin));
      EXPECT_THAT(text, HasSubstr("hint: this command needs an `admin` token, or a "
                                  "`clinic_admin` token of the clinic it acts on\n"))
          << rpc;
    }
  }
}

TEST(FormatRpcErrorTest, SchedulingHints) {
  grpc::Status no_plugin(grpc::StatusCode::FAILED_PRECONDITION, "no planning plugin enabled");
  EXPECT_THAT(FormatRpcError("ProposePlan", no_plugin, GlobalOptions()),
              HasSubstr("hint: no planning plugin is enabled for the clinic (see needleworkctl "
                        "clinic plugins <clinic-id>), or an --add-on is not on offer (see "
                        "needleworkctl therapies)\n"));
  EXPECT_THAT(FormatRpcError("Screen", no_plugin, GlobalOptions()),
              HasSubstr("hint: no screening plugin is enabled for the clinic (see needleworkctl "
                        "clinic plugins <clinic-id>), or an --add-on is not on offer (see "
                        "needleworkctl therapies)\n"));
  grpc::Status forbidden(grpc::StatusCode::FAILED_PRECONDITION, "too-soon: at least 28 days");
  EXPECT_EQ(FormatRpcError("Book", forbidden, GlobalOptions()),
            "needleworkctl: Book: FAILED_PRECONDITION: too-soon: at least 28 days\n");
  grpc::Status race(grpc::StatusCode::ABORTED, "room-1 is taken");
  for (const char* rpc : {"Book", "Reschedule"}) {
    EXPECT_THAT(FormatRpcError(rpc, race, GlobalOptions()),
                HasSubstr("hint: a concurrent call took a resource or changed the plan while "
                          "this booking was checked; run needleworkctl slots again\n"))
        << rpc;
  }
  EXPECT_EQ(FormatRpcError("CreateClinic", race, GlobalOptions()),
            "needleworkctl: CreateClinic: ABORTED: room-1 is taken\n");
}

TEST(FormatRpcErrorTest, DeadlineNamesTheTimeout) {
  GlobalOptions options;
  options.timeout = std::chrono::milliseconds(2500);
  grpc::Status status(grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded");
  EXPECT_THAT(FormatRpcError("Screen", status, options),
              HasSubstr("hint: no answer within 2.5 s; raise --timeout\n"));
}

TEST(IsLocalAddressTest, LoopbackAndUnixSockets) {
  for (const char* address : {"127.0.0.1:50051", "127.1.2.3:1", "localhost:50051", "localhost",
                              "[::1]:50051", "::1", "unix:/run/nw.sock", "unix:relative.sock",
                              "unix-abstract:nw", "dns:///localhost:50051", "ipv4:127.0.0.1:1"}) {
    EXPECT_TRUE(IsLocalAddress(address)) << address;
  }
}

TEST(IsLocalAddressTest, EverythingElse) {
  for (const char* address : {"10.0.0.5:50051", "clinic.example:443", "[2001:db8::1]:50051",
                              "dns:///host.example:50051", "127.example.com:1"}) {
    EXPECT_FALSE(IsLocalAddress(address)) << address;
  }
}

TEST(InsecureTokenWarningTest, OnlyForATokenLeavingTheMachine) {
  GlobalOptions options;
  options.token = "t";
  EXPECT_EQ(InsecureTokenWarning(options), "");
  options.address = "10.0.0.5:50051";
  EXPECT_THAT(InsecureTokenWarning(options), HasSubstr("warning: the token goes unencrypted"));
  options.token.clear();
  EXPECT_EQ(InsecureTokenWarning(options), "");
}

}  // namespace
}  // namespace needlework::ctl
