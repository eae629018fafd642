// The host config's `cds_hooks` map (host/config/cds_hooks_config.h).
#include "host/config/cds_hooks_config.h"

#include <gmock/gmock.h>

#include "host/config/host_config.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

constexpr char kConfig[] = R"(
cds_hooks:
  service_url: https://needlework.clinic.example/
  fetch_timeout_ms: 3000
  fetch_max_bytes: 1048576
  issuers:
    - {iss: https://fhir.epic.example, tenant: east, clinic: glow-east,
       jku_allow: [https://fhir.epic.example/jwks]}
    - {iss: https://fhir.epic.example, clinic: glow, jwks_file: keys/epic.jwks}
)";

TEST(CdsHooksConfigTest, ReadsIssuersAndBounds) {
  auto config = ParseHostConfig(kConfig, "/etc/nw");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  const CdsHooksConfig& cds = config->cds_hooks;
  EXPECT_TRUE(cds.enabled());
  EXPECT_EQ(cds.service_url, "https://needlework.clinic.example");
  EXPECT_EQ(cds.fetch_timeout_ms, 3000);
  EXPECT_EQ(cds.fetch_max_bytes, 1048576);
  ASSERT_EQ(cds.issuers.size(), 2u);
  EXPECT_EQ(cds.issuers[1].jwks_file, "/etc/nw/keys/epic.jwks");
  ASSERT_NE(cds.Find("https://fhir.epic.example", "east"), nullptr);
  EXPECT_EQ(cds.Find("https://fhir.epic.example", "east")->clinic, "glow-east");
  EXPECT_EQ(cds.Find("https://fhir.epic.example", "")->clinic, "glow");
  EXPECT_EQ(cds.Find("https://fhir.epic.example", "west"), nullptr);
  EXPECT_EQ(cds.Find("https://other.example", ""), nullptr);
  EXPECT_FALSE(ParseHostConfig("", "/")->cds_hooks.enabled());
}

TEST(CdsHooksConfigTest, MistakesNameTheKey) {
  struct Case {
    const char* yaml;
    const char* message;
  } cases[] = {
      {"cds_hooks: {issuers: []}\n", "'cds_hooks.service_url': missing"},
      {"cds_hooks: {service_url: http://needlework.example}\n", "is not an https URL"},
      {"cds_hooks: {service_url: https://n.example, color: red}\n", "'cds_hooks.color': unknown"},
      {"cds_hooks: {service_url: https://n.example, issuers: [{iss: a}]}\n",
       "'cds_hooks.issuers[0]': needs both iss and clinic"},
      {"cds_hooks: {service_url: https://n.example, issuers: [{iss: a, clinic: c}]}\n",
       "needs jwks_file or jku_allow"},
      {"cds_hooks: {service_url: https://n.example, issuers: [{iss: a, clinic: c, "
       "jku_allow: [http://keys.example/jwks]}]}\n",
       "'cds_hooks.issuers[0].jku_allow'"},
      {"cds_hooks: {service_url: https://n.example, issuers: [{iss: a, clinic: c, jwks_file: k}, "
       "{iss: a, clinic: d, jwks_file: k}]}\n",
       "configured twice"},
      {"cds_hooks: {service_url: https://n.example, fetch_timeout_ms: 600000}\n",
       "'cds_hooks.fetch_timeout_ms': expected at most 60000"},
      {"cds_hooks: {service_url: https://n.example, fetch_max_bytes: 0}\n",
       "'cds_hooks.fetch_max_bytes': expected a positive"},
  };
  for (const auto& c : cases) {
    auto config = ParseHostConfig(c.yaml, "/");
    ASSERT_FALSE(config.ok()) << c.yaml;
    EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(config.status().message(), HasSubstr(c.message)) << c.yaml;
  }
}

TEST(CdsHooksConfigTest, LoopbackServiceUrlsMayBePlainHttp) {
  auto config = ParseHostConfig("cds_hooks: {service_url: 'http://127.0.0.1:8080'}\n", "/");
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->cds_hooks.service_url, "http://127.0.0.1:8080");
}

}  // namespace
}  // namespace needlework::host
