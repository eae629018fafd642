// Bounds on hostile input, through the real host: the request size and the list limits of
// host/common/request_limits.h and the plugin-config JSON limits of host/common/json_limits.h,
// each answered before any work is done.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"
#include "integration/security_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::HasSubstr;

TEST(HostileInputTest, ARequestOverMaxMessageBytesIsRefused) {
  HostOptions options;
  options.extra_config = "max_message_bytes: 4096";
  auto host = HostProcess::Start(options);
  ASSERT_NE(host, nullptr);
  v1::ScreenRequest request;
  request.mutable_fhir()->add_resources(std::string(8192, ' ') + "{}");
  auto reply = Api(*host).Screen(host->emr_token(), request);
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED)
      << reply.status.error_message();
}

TEST(HostileInputTest, AListOverItsLimitIsRefusedNamingTheFieldAndTheLimit) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  Api api(*host);
  v1::ScreenRequest request = FactsWithConditions({"88616000"});
  for (int i = 0; i < 101; ++i) request.mutable_facts()->mutable_conditions(0)->add_codes();
  auto reply = api.Screen(host->emr_token(), request);
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reply.status.error_message(),
              HasSubstr("facts.conditions[0].codes has 102 entries; at most 100"));
  request = FactsWithConditions({});
  for (int i = 0; i < 33; ++i) request.add_add_ons()->set_code("rf");
  EXPECT_THAT(api.Screen(host->emr_token(), request).status.error_message(),
              HasSubstr("add_ons has 33 entries; at most 32"));
}

// About 600 KB of nested objects once overflowed the stack in the JSON parser and killed the
// host for every clinic; it is refused before it is parsed, and nothing is stored.
TEST(HostileInputTest, AHugeDeeplyNestedPluginConfigIsRefusedAndTheHostStaysUp) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  Api api(*host);
  std::string clinic_admin =
      IssueToken(*host, host->admin_token(), "clinic_admin", "demo").secret();
  std::string nested;
  for (int i = 0; i < 100'000; ++i) nested += R"({"a":)";
  nested += "1" + std::string(100'000, '}');
  const std::string plugin = "org.needlework.screening";
  auto configured = api.Configure(clinic_admin, "demo", plugin, nested);
  EXPECT_EQ(configured.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(configured.status.error_message(), HasSubstr("config_json is"));
  auto enabled = api.Enable(clinic_admin, "demo", plugin, nested.c_str());
  EXPECT_EQ(enabled.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::string deep_but_small = std::string(40, '[') + std::string(40, ']');
  EXPECT_THAT(api.Configure(clinic_admin, "demo", plugin, "{\"a\":" + deep_but_small + "}")
                  .status.error_message(),
              HasSubstr("more than 32 levels deep"));

  auto plugins = api.ListClinicPlugins(host->admin_token(), "demo");
  ASSERT_TRUE(plugins.status.ok()) << plugins.status.error_message();
  for (const auto& entry : plugins.response.plugins()) {
    EXPECT_EQ(entry.config_json().find("\"a\""), std::string::npos) << entry.plugin_id();
  }
  EXPECT_TRUE(api.Screen(host->emr_token(), FactsWithConditions({})).status.ok());
}

}  // namespace
}  // namespace needlework::testing
