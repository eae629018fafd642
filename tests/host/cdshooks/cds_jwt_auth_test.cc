// The host's CdsAuthenticate: real RS384 tokens (tests/host/jwt/jwt_test_keys.h) verified
// against JWK Set files named in the cds_hooks config; the clinic comes from the issuer (and
// tenant), so one EMR's token never speaks for another clinic.
#include "host/cdshooks/cds_jwt_auth.h"

#include <gmock/gmock.h>

#include <chrono>
#include <fstream>

#include "host/jwt/jwt_test_keys.h"
#include "support/temp_dir.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
using testing::SignJwt;
using testing::TestKey;

class CdsJwtAuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.service_url = "https://needlework.test";
    config_.issuers = {
        {"https://emr-a.test", "", "clinic-a", WriteJwks("a.jwks", key_a_), {}},
        {"https://emr-a.test", "east", "clinic-a-east", WriteJwks("a.jwks", key_a_), {}},
        {"https://emr-b.test", "", "clinic-b", WriteJwks("b.jwks", key_b_), {}},
    };
    auto authenticate = JwtCdsAuthenticate(config_, [this](JwtRefusal refusal) {
      refusals_.push_back(std::string(JwtRefusalName(refusal)));
    });
    ASSERT_TRUE(authenticate.ok()) << authenticate.status().ToString();
    authenticate_ = *authenticate;
  }

  std::string WriteJwks(const std::string& name, const TestKey& key) {
    std::string path = dir_.path() + "/" + name;
    std::ofstream(path) << testing::JwksOf({&key});
    return path;
  }

  static Json Claims(const std::string& iss, const std::string& jti) {
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    return {{"iss", iss},       {"sub", "emr-client"}, {"aud", "https://needlework.test"},
            {"exp", now + 240}, {"iat", now},          {"jti", jti}};
  }

  StatusOr<CdsCaller> Call(const std::string& token) {
    HttpRequest request;
    request.headers["authorization"] = "Bearer " + token;
    return authenticate_(request);
  }

  std::string Token(const TestKey& key, const Json& claims) {
    return SignJwt({{"alg", "RS384"}, {"typ", "JWT"}, {"kid", key.kid}}, claims, key, "RS384");
  }

  ::needlework::testing::TempDir dir_;
  TestKey key_a_ = TestKey::Rsa("a-1");
  TestKey key_b_ = TestKey::Rsa("b-1");
  CdsHooksConfig config_;
  CdsAuthenticate authenticate_;
  std::vector<std::string> refusals_;
};

TEST_F(CdsJwtAuthTest, TheClinicComesFromTheIssuerAndTenant) {
  auto caller = Call(Token(key_a_, Claims("https://emr-a.test", "j1")));
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  EXPECT_EQ(caller->clinic_id, "clinic-a");
  EXPECT_EQ(caller->subject, "emr-client");
  EXPECT_EQ(caller->jti, "j1");
  Json east = Claims("https://emr-a.test", "j2");
  east["tenant"] = "east";
  caller = Call(Token(key_a_, east));
  ASSERT_TRUE(caller.ok()) << caller.status().ToString();
  EXPECT_EQ(caller->clinic_id, "clinic-a-east");
  EXPECT_EQ(caller->tenant, "east");
}

TEST_F(CdsJwtAuthTest, OneEmrsKeyNeverSpeaksForAnotherClinic) {
  // Signed by EMR A's key, claiming EMR B's issuer: B's keys do not verify it.
  auto caller = Call(Token(key_a_, Claims("https://emr-b.test", "j3")));
  EXPECT_EQ(caller.status().code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(refusals_, ::testing::ElementsAre("unknown_key"));
}

TEST_F(CdsJwtAuthTest, AnUnmappedTenantNoTokenAndAReplayAreRefused) {
  Json west = Claims("https://emr-a.test", "j4");
  west["tenant"] = "west";
  EXPECT_EQ(Call(Token(key_a_, west)).status().code(), StatusCode::kUnauthenticated);
  HttpRequest bare;
  EXPECT_EQ(authenticate_(bare).status().code(), StatusCode::kUnauthenticated);
  std::string token = Token(key_b_, Claims("https://emr-b.test", "j5"));
  EXPECT_TRUE(Call(token).ok());
  EXPECT_EQ(Call(token).status().code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(refusals_, ::testing::ElementsAre("unknown_issuer", "malformed", "replayed"));
}

TEST_F(CdsJwtAuthTest, AnUnreadableJwksFileIsNamed) {
  config_.issuers[0].jwks_file = dir_.path() + "/missing.jwks";
  auto authenticate = JwtCdsAuthenticate(config_);
  EXPECT_EQ(authenticate.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(authenticate.status().message(), ::testing::HasSubstr("missing.jwks"));
}

}  // namespace
}  // namespace needlework::host
