// MergeViolations and ViolationsToStatus: a booking is allowed only when every plugin
// answered and none objected; a plugin that could not check refuses the slot.
#include "host/scheduling/booking_checks.h"

#include <gmock/gmock.h>

#include "host/plugin_results.h"
#include "needlework/plugin/v1/check_booking.pb.h"
#include "support/status_matchers.h"

namespace needlework::host {
namespace {

using fixtures::Answered;
using fixtures::AnsweredBytes;
using fixtures::BehaviourInstance;
using fixtures::Failed;
using needlework::testing::IsOk;
using needlework::testing::StatusIs;
using needlework::v1::PluginRun;
using ::testing::HasSubstr;
using ::testing::StrEq;
namespace types = needlework::types::v1;

needlework::plugin::v1::CheckBookingResponse Objecting(const std::string& code) {
  needlework::plugin::v1::CheckBookingResponse answer;
  auto* violation = answer.add_violations();
  violation->set_code(code);
  violation->set_message("too soon after session 1");
  return answer;
}

std::vector<std::string> Codes(const std::vector<types::BookingViolation>& violations) {
  std::vector<std::string> codes;
  for (const auto& v : violations) codes.push_back(v.code());
  return codes;
}

TEST(MergeViolationsTest, EveryPluginContentMeansNoViolations) {
  needlework::plugin::v1::CheckBookingResponse content;
  auto violations = MergeViolations(
      {Answered(BehaviourInstance("alpha"), content), Answered(BehaviourInstance("beta"), content)},
      {});
  EXPECT_TRUE(violations.empty());
  EXPECT_THAT(ViolationsToStatus(violations), IsOk());
}

TEST(MergeViolationsTest, EachPluginsViolationsAreKeptInPluginOrder) {
  auto violations = MergeViolations({Answered(BehaviourInstance("alpha"), Objecting("spacing")),
                                     Answered(BehaviourInstance("beta"), Objecting("late"))},
                                    {});
  EXPECT_THAT(Codes(violations), ::testing::ElementsAre("spacing", "late"));
  EXPECT_THAT(ViolationsToStatus(violations),
              StatusIs(StatusCode::kFailedPrecondition,
                       StrEq("the booking is not allowed: too soon after session 1 [spacing]; "
                             "too soon after session 1 [late]")));
}

TEST(MergeViolationsTest, APluginThatDidNotAnswerRefusesTheBooking) {
  needlework::plugin::v1::CheckBookingResponse content;
  for (auto state : {PluginRun::STATE_ERROR, PluginRun::STATE_TIMED_OUT,
                     PluginRun::STATE_QUARANTINED, PluginRun::STATE_NOT_RUN}) {
    auto violations = MergeViolations({Answered(BehaviourInstance("alpha"), content),
                                       Failed(BehaviourInstance("beta"), state, "no answer")},
                                      {});
    ASSERT_EQ(violations.size(), 1u) << PluginRun::State_Name(state);
    EXPECT_EQ(violations[0].code(), "check-incomplete");
    EXPECT_THAT(violations[0].message(),
                HasSubstr("org.needlework.test.beta could not check the booking (no answer)"));
  }
}

TEST(MergeViolationsTest, AMalformedAnswerRefusesTheBooking) {
  auto violations = MergeViolations({AnsweredBytes(BehaviourInstance("alpha"), "\xff\xff")}, {});
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].code(), "check-incomplete");
  EXPECT_THAT(ViolationsToStatus(violations),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("org.needlework.test.alpha")));
}

TEST(MergeViolationsTest, AnUnavailablePluginRefusesTheBookingFirst) {
  auto violations = MergeViolations({Answered(BehaviourInstance("alpha"), Objecting("spacing"))},
                                    {{"com.acme.gone", "not installed"}});
  EXPECT_THAT(Codes(violations), ::testing::ElementsAre("check-incomplete", "spacing"));
  EXPECT_THAT(
      violations[0].message(),
      HasSubstr("com.acme.gone is enabled for this clinic but unavailable (not installed)"));
}

}  // namespace
}  // namespace needlework::host
