// Bounds on hostile input, through the real host: the request size and the list limits of
// host/common/request_limits.h, each answered before any work is done.
#include <gmock/gmock.h>

#include "integration/api_helpers.h"

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

}  // namespace
}  // namespace needlework::testing
