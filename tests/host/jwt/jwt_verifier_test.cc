#include "host/jwt/jwt_verifier.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>

#include "host/jwt/base64url.h"
#include "tests/host/jwt/jwt_test_keys.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;
using testing::JwksOf;
using testing::SignHs256;
using testing::SignJwt;
using testing::TestKey;
using testing::UnsignedJwt;
using Json = nlohmann::json;
using Clock = std::chrono::system_clock;

constexpr char kIssuer[] = "https://emr.example.org";
constexpr char kAudience[] = "https://needlework.example/cds-services/needlework-patient-view";
constexpr char kJku[] = "https://emr.example.org/.well-known/jwks.json";
constexpr int64_t kNow = 1796688000;  // 2026-12-08T00:00:00Z

class JwtVerifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rsa_ = new TestKey(TestKey::Rsa("rsa-1"));
    ec_ = new TestKey(TestKey::Ec("ec-1", "P-384"));
    other_ = new TestKey(TestKey::Rsa("rsa-1"));  // same kid, another key: a forger's
  }
  static void TearDownTestSuite() {
    delete rsa_;
    delete ec_;
    delete other_;
  }

  JwtVerifier MakeVerifier(JwksFetch fetch = nullptr) {
    JwtPolicy policy;
    auto keys = ParseJwks(JwksOf({rsa_, ec_}), "emr.jwks");
    EXPECT_TRUE(keys.ok()) << keys.status().ToString();
    policy.issuers.push_back({kIssuer, *keys, {kJku}});
    policy.audience = kAudience;
    return JwtVerifier(policy, std::move(fetch));
  }

  static Json Header(const std::string& alg, const std::string& kid) {
    return {{"alg", alg}, {"typ", "JWT"}, {"kid", kid}};
  }
  static Json Claims(const std::string& jti = "jti-1") {
    return {{"iss", kIssuer},    {"sub", "client-42"}, {"aud", kAudience},          {"iat", kNow},
            {"exp", kNow + 300}, {"jti", jti},         {"tenant", "clinic-group-a"}};
  }
  static Clock::time_point Now(int64_t offset = 0) {
    return Clock::time_point(std::chrono::seconds(kNow + offset));
  }

  // Expects `token` refused as UNAUTHENTICATED for `reason`, and returns the message.
  static std::string ExpectRefused(JwtVerifier& verifier, const std::string& token,
                                   JwtRefusal reason, int64_t at = 0) {
    JwtRefusal refusal = JwtRefusal::kNone;
    auto verified = verifier.Verify(token, Now(at), &refusal);
    EXPECT_FALSE(verified.ok());
    EXPECT_EQ(verified.status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(JwtRefusalName(refusal), JwtRefusalName(reason)) << verified.status().ToString();
    return verified.status().message();
  }

  static TestKey* rsa_;
  static TestKey* ec_;
  static TestKey* other_;
};

TestKey* JwtVerifierTest::rsa_ = nullptr;
TestKey* JwtVerifierTest::ec_ = nullptr;
TestKey* JwtVerifierTest::other_ = nullptr;

TEST_F(JwtVerifierTest, AcceptsRs384AndReturnsTheClaims) {
  auto verifier = MakeVerifier();
  auto verified =
      verifier.Verify(SignJwt(Header("RS384", "rsa-1"), Claims(), *rsa_, "RS384"), Now());
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->issuer, kIssuer);
  EXPECT_EQ(verified->subject, "client-42");
  EXPECT_EQ(verified->tenant, "clinic-group-a");
  EXPECT_EQ(verified->jti, "jti-1");
  EXPECT_EQ(verified->expires_at, Now(300));
}

TEST_F(JwtVerifierTest, AcceptsEs384AndRs256) {
  auto verifier = MakeVerifier();
  EXPECT_TRUE(
      verifier.Verify(SignJwt(Header("ES384", "ec-1"), Claims("a"), *ec_, "ES384"), Now()).ok());
  EXPECT_TRUE(
      verifier.Verify(SignJwt(Header("RS256", "rsa-1"), Claims("b"), *rsa_, "RS256"), Now()).ok());
}

TEST_F(JwtVerifierTest, RefusesASignatureByAnotherKeyWithTheSameKid) {
  auto verifier = MakeVerifier();
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), Claims(), *other_, "RS384"),
                JwtRefusal::kBadSignature);
}

TEST_F(JwtVerifierTest, RefusesAPayloadChangedAfterSigning) {
  auto verifier = MakeVerifier();
  std::string token = SignJwt(Header("RS384", "rsa-1"), Claims(), *rsa_, "RS384");
  Json forged = Claims();
  forged["tenant"] = "another-clinic";
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  std::string tampered =
      token.substr(0, first + 1) + EncodeBase64Url(forged.dump()) + token.substr(second);
  ExpectRefused(verifier, tampered, JwtRefusal::kBadSignature);
}

TEST_F(JwtVerifierTest, RefusesAlgNone) {
  auto verifier = MakeVerifier();
  std::string message =
      ExpectRefused(verifier, UnsignedJwt({{"alg", "none"}, {"kid", "rsa-1"}}, Claims()),
                    JwtRefusal::kBadAlgorithm);
  EXPECT_THAT(message, HasSubstr("\"none\" is not accepted"));
}

TEST_F(JwtVerifierTest, RefusesHs256SignedWithThePublicKeyAsSecret) {
  auto verifier = MakeVerifier();
  ExpectRefused(verifier, SignHs256(Header("HS256", "rsa-1"), Claims(), rsa_->PublicPem()),
                JwtRefusal::kBadAlgorithm);
  ExpectRefused(verifier, SignHs256(Header("HS256", "rsa-1"), Claims(), rsa_->PublicJwk().dump()),
                JwtRefusal::kBadAlgorithm);
}

TEST_F(JwtVerifierTest, RefusesAnAlgorithmOfAnotherKeyType) {
  auto verifier = MakeVerifier();
  // ES384 naming the RSA key's kid: the RSA key never verifies an ECDSA signature.
  ExpectRefused(verifier, SignJwt(Header("ES384", "rsa-1"), Claims(), *ec_, "ES384"),
                JwtRefusal::kUnknownKey);
}

TEST_F(JwtVerifierTest, RefusesExpiredButAllowsTheClockSkew) {
  auto verifier = MakeVerifier();
  Json claims = Claims("late");
  claims["iat"] = kNow - 400;
  claims["exp"] = kNow - 100;
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"),
                JwtRefusal::kExpired);
  claims["jti"] = "within-skew";
  claims["iat"] = kNow - 300;
  claims["exp"] = kNow - 30;
  EXPECT_TRUE(
      verifier.Verify(SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"), Now()).ok());
}

TEST_F(JwtVerifierTest, RefusesIssuedInTheFutureAndTooLongLived) {
  auto verifier = MakeVerifier();
  Json future = Claims("future");
  future["iat"] = kNow + 120;
  future["exp"] = kNow + 300;
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), future, *rsa_, "RS384"),
                JwtRefusal::kNotYetValid);
  Json long_lived = Claims("long");
  long_lived["exp"] = kNow + 3600;
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), long_lived, *rsa_, "RS384"),
                JwtRefusal::kLifetimeTooLong);
}

TEST_F(JwtVerifierTest, RefusesAnotherAudienceAndAcceptsAnArrayHoldingOurs) {
  auto verifier = MakeVerifier();
  Json claims = Claims("aud-1");
  claims["aud"] = "https://other.example/cds-services/x";
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"),
                JwtRefusal::kWrongAudience);
  claims["jti"] = "aud-prefix";
  claims["aud"] = std::string(kAudience) + "-lookalike";
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"),
                JwtRefusal::kWrongAudience);
  claims["jti"] = "aud-endpoint";
  claims["aud"] = std::string(kAudience) + "/feedback";
  EXPECT_TRUE(
      verifier.Verify(SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"), Now()).ok());
  claims["jti"] = "aud-2";
  claims["aud"] = Json::array({"https://other.example", kAudience});
  EXPECT_TRUE(
      verifier.Verify(SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"), Now()).ok());
}

TEST_F(JwtVerifierTest, RefusesAnUnknownIssuerEvenWithAValidSignature) {
  auto verifier = MakeVerifier();
  Json claims = Claims();
  claims["iss"] = "https://attacker.example";
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"),
                JwtRefusal::kUnknownIssuer);
}

TEST_F(JwtVerifierTest, AcceptsAJtiOnceOnly) {
  auto verifier = MakeVerifier();
  std::string token = SignJwt(Header("RS384", "rsa-1"), Claims("once"), *rsa_, "RS384");
  ASSERT_TRUE(verifier.Verify(token, Now()).ok());
  ExpectRefused(verifier, token, JwtRefusal::kReplayed, 10);
}

TEST_F(JwtVerifierTest, RefusesAnUnknownKidAndATokenWithoutJti) {
  auto verifier = MakeVerifier();
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-9"), Claims(), *rsa_, "RS384"),
                JwtRefusal::kUnknownKey);
  Json claims = Claims();
  claims.erase("jti");
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), claims, *rsa_, "RS384"),
                JwtRefusal::kMalformed);
}

TEST_F(JwtVerifierTest, RefusesMalformedTokens) {
  auto verifier = MakeVerifier();
  ExpectRefused(verifier, "only.two", JwtRefusal::kMalformed);
  ExpectRefused(verifier, "a.b.c.d", JwtRefusal::kMalformed);
  ExpectRefused(verifier, "!!!.e30.", JwtRefusal::kMalformed);
  ExpectRefused(verifier, EncodeBase64Url("[1]") + ".e30.", JwtRefusal::kMalformed);
  ExpectRefused(verifier, std::string(20000, 'a'), JwtRefusal::kMalformed);
  ExpectRefused(verifier, EncodeBase64Url(std::string(200, '[')) + ".e30.", JwtRefusal::kMalformed);
}

TEST_F(JwtVerifierTest, FetchesAnAllowedJkuOnceAndRefusesOthers) {
  TestKey rotated = TestKey::Ec("ec-rotated", "P-384");
  std::atomic<int> fetches{0};
  auto verifier = MakeVerifier([&](const std::string& url) -> StatusOr<std::string> {
    ++fetches;
    EXPECT_EQ(url, kJku);
    return JwksOf({&rotated});
  });
  Json header = Header("ES384", "ec-rotated");
  header["jku"] = kJku;
  EXPECT_TRUE(verifier.Verify(SignJwt(header, Claims("j1"), rotated, "ES384"), Now()).ok());
  EXPECT_TRUE(verifier.Verify(SignJwt(header, Claims("j2"), rotated, "ES384"), Now(5)).ok());
  EXPECT_EQ(fetches.load(), 1);
  // An unknown kid at the jku refetches at most once per refetch gap.
  Json unknown = Header("ES384", "ec-unknown");
  unknown["jku"] = kJku;
  ExpectRefused(verifier, SignJwt(unknown, Claims("j3"), rotated, "ES384"), JwtRefusal::kUnknownKey,
                10);
  EXPECT_EQ(fetches.load(), 1);
  ExpectRefused(verifier, SignJwt(unknown, Claims("j4"), rotated, "ES384"), JwtRefusal::kUnknownKey,
                100);
  EXPECT_EQ(fetches.load(), 2);

  Json elsewhere = Header("ES384", "ec-rotated");
  elsewhere["jku"] = "https://attacker.example/jwks.json";
  ExpectRefused(verifier, SignJwt(elsewhere, Claims("j5"), rotated, "ES384"),
                JwtRefusal::kUnknownKey);
  EXPECT_EQ(fetches.load(), 2);
}

TEST_F(JwtVerifierTest, RefusesWhenTheJkuCannotBeFetched) {
  auto verifier = MakeVerifier([](const std::string&) -> StatusOr<std::string> {
    return Status(StatusCode::kUnavailable, "connection refused");
  });
  Json header = Header("ES384", "ec-1");
  header["jku"] = kJku;
  std::string message = ExpectRefused(verifier, SignJwt(header, Claims(), *ec_, "ES384"),
                                      JwtRefusal::kKeysUnavailable);
  EXPECT_THAT(message, HasSubstr("connection refused"));
}

TEST_F(JwtVerifierTest, RefusesWhenTheReplayCacheIsFull) {
  JwtPolicy policy;
  policy.issuers.push_back({kIssuer, *ParseJwks(JwksOf({rsa_}), "emr.jwks"), {}});
  policy.audience = kAudience;
  policy.replay_cache_capacity = 1;
  JwtVerifier verifier(policy, nullptr);
  ASSERT_TRUE(
      verifier.Verify(SignJwt(Header("RS384", "rsa-1"), Claims("c1"), *rsa_, "RS384"), Now()).ok());
  ExpectRefused(verifier, SignJwt(Header("RS384", "rsa-1"), Claims("c2"), *rsa_, "RS384"),
                JwtRefusal::kReplayCacheFull);
  // Once the first token has expired (plus skew), its jti is forgotten and room is made.
  Json later = Claims("c3");
  later["iat"] = kNow + 400;
  later["exp"] = kNow + 600;
  EXPECT_TRUE(
      verifier.Verify(SignJwt(Header("RS384", "rsa-1"), later, *rsa_, "RS384"), Now(400)).ok());
}

TEST(JwksTest, SkipsSymmetricKeysAndRefusesWeakOrBrokenOnes) {
  auto only_oct = ParseJwks(R"({"keys":[{"kty":"oct","k":"c2VjcmV0"}]})", "set");
  ASSERT_TRUE(only_oct.ok()) << only_oct.status().ToString();
  EXPECT_TRUE(only_oct->empty());

  TestKey weak = TestKey::Rsa("weak", 1024);
  auto short_rsa = ParseJwks(JwksOf({&weak}), "set");
  EXPECT_EQ(short_rsa.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(short_rsa.status().message(), HasSubstr("shorter than 2048 bits"));

  TestKey ec = TestKey::Ec("ec", "P-256");
  Json jwk = ec.PublicJwk();
  jwk["y"] = jwk["x"];  // (x, x) is not on the curve
  auto off_curve = ParseJwks(Json({{"keys", {jwk}}}).dump(), "set");
  EXPECT_EQ(off_curve.status().code(), StatusCode::kInvalidArgument);

  EXPECT_EQ(ParseJwks("[]", "set").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseJwks(std::string(300 * 1024, ' '), "set").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(Base64UrlTest, RoundTripsAndRefusesPaddingAndForeignCharacters) {
  for (const std::string& bytes :
       std::vector<std::string>{"", "f", "fo", "foo", "foob", std::string("\xff\xfe\x00", 3)}) {
    auto decoded = DecodeBase64Url(EncodeBase64Url(bytes), "x");
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, bytes);
  }
  EXPECT_FALSE(DecodeBase64Url("Zg==", "x").ok());
  EXPECT_FALSE(DecodeBase64Url("Z+8/", "x").ok());
  EXPECT_FALSE(DecodeBase64Url("Z", "x").ok());
}

}  // namespace
}  // namespace needlework::host
