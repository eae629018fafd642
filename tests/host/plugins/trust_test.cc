// The signature format, Ed25519 through OpenSSL, and the plugin_trust config section.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "host/config/host_config.h"
#include "host/plugins/ed25519.h"
#include "host/plugins/signature.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

const std::string kFileHash(64, 'a');
const std::string kManifestHash(64, 'b');

TEST(SignatureTest, SignedFileRoundTripsAndVerifies) {
  auto pair = signing::GenerateKeyPair();
  ASSERT_TRUE(pair.ok());
  auto signed_plugin = signing::SignPlugin(pair->private_pem, kFileHash, kManifestHash);
  ASSERT_TRUE(signed_plugin.ok()) << signed_plugin.status().ToString();
  auto parsed = signing::ParseSignature(signing::FormatSignature(*signed_plugin));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->key, *signing::Fingerprint(pair->public_pem));
  EXPECT_TRUE(signing::VerifyPluginSignature(*parsed, pair->public_pem, kFileHash).ok());
}

TEST(SignatureTest, AnotherFileAnotherKeyOrAnotherManifestFails) {
  auto pair = signing::GenerateKeyPair();
  auto other = signing::GenerateKeyPair();
  auto signature = *signing::SignPlugin(pair->private_pem, kFileHash, kManifestHash);
  EXPECT_THAT(
      signing::VerifyPluginSignature(signature, pair->public_pem, std::string(64, 'c')).message(),
      HasSubstr("changed after signing"));
  EXPECT_THAT(signing::VerifyPluginSignature(signature, other->public_pem, kFileHash).message(),
              HasSubstr("not by"));
  signature.manifest_sha256 = std::string(64, 'd');
  EXPECT_THAT(signing::VerifyPluginSignature(signature, pair->public_pem, kFileHash).message(),
              HasSubstr("signature is invalid"));
}

TEST(SignatureTest, MalformedFilesNameTheProblem) {
  EXPECT_THAT(signing::ParseSignature("hello\n").status().message(), HasSubstr("first line"));
  std::string base = std::string(signing::kSignatureMagic) + "\nkey: k\nfile-sha256: " + kFileHash +
                     "\nmanifest-sha256: " + kManifestHash + "\n";
  EXPECT_THAT(signing::ParseSignature(base).status().message(), HasSubstr("no 'signature'"));
  EXPECT_THAT(signing::ParseSignature(base + "signature: AAAA\n").status().message(),
              HasSubstr("base64 of 64 bytes"));
  EXPECT_THAT(signing::ParseSignature(base + "key: again\n").status().message(),
              HasSubstr("given twice"));
}

TEST(SignatureTest, Base64RoundTrips) {
  for (std::string bytes : {"", "a", "ab", "abc", "abcd"}) {
    if (bytes.empty()) continue;
    EXPECT_EQ(*signing::Base64Decode(signing::Base64Encode(bytes)), bytes);
  }
  EXPECT_FALSE(signing::Base64Decode("abc").ok());
}

TEST(TrustConfigTest, DefaultIsEnforceAndSectionIsRead) {
  auto none = ParseHostConfig("", "/etc/nw");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->plugin_trust.mode, TrustMode::kEnforce);
  EXPECT_FALSE(none->plugin_trust.present);
  auto config = ParseHostConfig(
      "plugin_trust:\n  mode: development\n  signers: [{id: acme, public_key_file: k.pem}]\n"
      "  approved: [{sha256: " +
          kFileHash + ", note: rf}]\n  approved_file: ok.sha256\n",
      "/etc/nw");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->plugin_trust.mode, TrustMode::kDevelopment);
  EXPECT_EQ(config->plugin_trust.signers.at(0).public_key_file, "/etc/nw/k.pem");
  EXPECT_EQ(config->plugin_trust.approved_sha256.at(0), kFileHash);
  EXPECT_EQ(config->plugin_trust.approved_file, "/etc/nw/ok.sha256");
}

TEST(TrustConfigTest, MistakesNameTheKey) {
  struct Case {
    std::string yaml, message;
  } cases[] = {
      {"plugin_trust: {mode: lax}", "'plugin_trust.mode': expected enforce or development"},
      {"plugin_trust: {colour: red}", "'plugin_trust.colour': unknown key"},
      {"plugin_trust: {signers: [{id: a}]}", "'plugin_trust.signers[0].public_key_file': missing"},
      {"plugin_trust: {approved: [{sha256: ABC}]}", "'plugin_trust.approved[0].sha256'"},
      {"plugin_trust: {approved: x}", "'plugin_trust.approved': expected a list"},
  };
  for (const auto& c : cases) {
    auto config = ParseHostConfig(c.yaml, "/");
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.yaml;
  }
}

}  // namespace
}  // namespace needlework::host
