// The list bounds every RPC checks first (host/common/request_limits.h).
#include "host/common/request_limits.h"

#include <gmock/gmock.h>

#include "needlework/v1/aftercare.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {
namespace {

using ::testing::HasSubstr;

TEST(RequestLimitsTest, ListsWithinTheirLimitsPass) {
  v1::ScreenRequest request;
  for (int i = 0; i < kMaxPatientFacts; ++i) request.mutable_facts()->add_conditions();
  request.mutable_facts()->mutable_conditions(0)->add_codes()->set_code("1");
  for (int i = 0; i < 32; ++i) request.add_add_ons();
  EXPECT_TRUE(CheckListLimits(request).ok());
}

TEST(RequestLimitsTest, ATopLevelListOverItsLimitIsNamed) {
  v1::ScreenRequest request;
  for (int i = 0; i < 33; ++i) request.add_add_ons();
  Status status = CheckListLimits(request);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "add_ons has 33 entries; at most 32 are accepted in one request");
}

TEST(RequestLimitsTest, ANestedListIsNamedWithItsPath) {
  v1::ScreenRequest request;
  auto* facts = request.mutable_facts();
  for (int i = 0; i < 3; ++i) facts->add_conditions();
  for (int i = 0; i < 101; ++i) facts->mutable_conditions(2)->add_codes();
  EXPECT_EQ(CheckListLimits(request).message(),
            "facts.conditions[2].codes has 101 entries; at most 100 are accepted in one request");
  request.mutable_fhir()->mutable_resources()->Reserve(kMaxPatientFacts + 1);
  for (int i = 0; i <= kMaxPatientFacts; ++i) request.mutable_fhir()->add_resources("{}");
  EXPECT_THAT(CheckListLimits(request).message(), HasSubstr("fhir.resources has 10001 entries"));
}

TEST(RequestLimitsTest, AnyOtherListTakesTheDefault) {
  EXPECT_EQ(MaxListEntries("no_such_field"), kDefaultMaxListEntries);
  v1::MarkMessagesSentRequest request;
  for (int i = 0; i <= 1000; ++i) request.add_message_ids("m");
  EXPECT_THAT(CheckListLimits(request).message(), HasSubstr("message_ids has 1001 entries"));
}

}  // namespace
}  // namespace needlework::host
