// The transport keys of the host config (host/config/tls_config.h) and the plaintext rule.
#include "host/config/tls_config.h"

#include <gmock/gmock.h>

#include "host/server/transport.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(TlsConfigTest, TlsFilesResolveAgainstTheConfigDirectory) {
  auto config = ParseHostConfig(
      "tls: {cert_file: tls/host.pem, key_file: /keys/host.key, client_ca_file: ca.pem}\n",
      "/etc/nw");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->tls.cert_file, "/etc/nw/tls/host.pem");
  EXPECT_EQ(config->tls.key_file, "/keys/host.key");
  EXPECT_EQ(config->tls.client_ca_file, "/etc/nw/ca.pem");
  EXPECT_TRUE(config->tls.enabled());
  EXPECT_TRUE(config->tls.mutual());
  EXPECT_FALSE(ParseHostConfig("", "/")->tls.enabled());
}

TEST(TlsConfigTest, MistakesNameTheKey) {
  struct Case {
    const char* yaml;
    const char* message;
  } cases[] = {
      {"tls: {cert_file: a.pem}\n", "'tls.key_file': missing"},
      {"tls: {key_file: a.key}\n", "'tls.cert_file': missing"},
      {"tls: {client_ca_file: ca.pem}\n", "'tls.cert_file': missing"},
      {"tls: {cert_file: a, key_file: b, ca: c}\n", "'tls.ca': unknown key"},
      {"tls: {cert_file: [a], key_file: b}\n", "'tls.cert_file': expected a file name"},
      {"tls: on\n", "'tls': expected a map"},
      {"tls: {[a]: b}\n", "'tls': keys must be plain names"},
      {"allow_plaintext_non_loopback: maybe\n", "'allow_plaintext_non_loopback': expected true"},
  };
  for (const auto& c : cases) {
    auto config = ParseHostConfig(c.yaml, "/");
    EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument) << c.yaml;
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.yaml;
  }
}

TEST(PlaintextRuleTest, PlaintextIsForLoopbackUnlessTlsOrTheOptIn) {
  HostConfig config;
  EXPECT_TRUE(CheckTransport(config).ok());  // 127.0.0.1:50051
  config.listen = "unix:/run/nw.sock";
  EXPECT_TRUE(CheckTransport(config).ok());
  config.listen = "0.0.0.0:50051";
  EXPECT_EQ(CheckTransport(config).code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(CheckTransport(config).message(), HasSubstr("allow_plaintext_non_loopback"));
  config.allow_plaintext_non_loopback = true;
  EXPECT_TRUE(CheckTransport(config).ok());
  config.allow_plaintext_non_loopback = false;
  config.tls.cert_file = "host.pem";
  EXPECT_TRUE(CheckTransport(config).ok());
}

}  // namespace
}  // namespace needlework::host
