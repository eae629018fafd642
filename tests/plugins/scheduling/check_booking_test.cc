// The check_booking hook: every violation, the clean case, the spacing boundaries and the
// rescheduling contract (the host omits the appointment being moved from the history).
#include "plugins/scheduling/check_booking.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/scheduling/test_support.h"

namespace needlework::scheduling {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace needlework::scheduling::testing;  // NOLINT(build/namespaces)

constexpr auto kBooked = types::v1::APPOINTMENT_STATUS_BOOKED;
constexpr auto kFulfilled = types::v1::APPOINTMENT_STATUS_FULFILLED;
constexpr auto kCancelled = types::v1::APPOINTMENT_STATUS_CANCELLED;

class CheckBookingTest : public ::testing::Test {
 protected:
  CheckBookingResponse Check(const CheckBookingRequest& request) {
    return CheckOrDie(rules_.booking, request);
  }
  // Session 2 (index 1) on `date`, after session 1 fulfilled on 2024-03-01.
  CheckBookingResponse SecondSessionOn(std::string_view date) {
    CheckBookingRequest request = MakeBooking(1, At(date));
    AddSession(request, "a-1", 0, At("2024-03-01"), kFulfilled);
    return Check(request);
  }

  const SchedulingRules rules_ = CompileOrDie();
};

TEST_F(CheckBookingTest, FirstSessionOfAnActiveEligiblePlanMayBeBooked) {
  EXPECT_THAT(Check(MakeBooking(0, At("2024-03-01"))).violations(), IsEmpty());
}

TEST_F(CheckBookingTest, ExactlyMinAndMaxDaysAfterThePreviousSessionAreAllowed) {
  EXPECT_THAT(Codes(SecondSessionOn("2024-03-29")), IsEmpty());  // 28 days
  EXPECT_THAT(Codes(SecondSessionOn("2024-04-12")), IsEmpty());  // 42 days
}

TEST_F(CheckBookingTest, OneDayTooSoonOrTooLateIsAViolation) {
  CheckBookingResponse soon = SecondSessionOn("2024-03-28");  // 27 days
  EXPECT_THAT(Codes(soon), ElementsAre(kTooSoon));
  EXPECT_EQ(MessageFor(soon, kTooSoon),
            "Session 2 on 2024-03-28 (UTC) is too soon: session 1 is done on 2024-03-01 (UTC), "
            "27 days before, and sessions must be 28 to 42 days apart. Book session 2 between "
            "2024-03-29 and 2024-04-12 (UTC).");
  CheckBookingResponse late = SecondSessionOn("2024-04-13");  // 43 days
  EXPECT_THAT(Codes(late), ElementsAre(kPastWindow));
  EXPECT_THAT(MessageFor(late, kPastWindow),
              AllOf(HasSubstr("is too late"), HasSubstr("43 days before"),
                    HasSubstr("between 2024-03-29 and 2024-04-12 (UTC)")));
}

TEST_F(CheckBookingTest, DaysCountByCalendarDateNotBy24Hours) {
  // 27 days and 11.5 hours apart in time, but 28 calendar days: allowed.
  CheckBookingRequest request = MakeBooking(1, At("2024-03-29", 8, 0));
  AddSession(request, "a-1", 0, At("2024-03-01", 20, 30), kFulfilled);
  EXPECT_THAT(Check(request).violations(), IsEmpty());
}

TEST_F(CheckBookingTest, ABookedPreviousSessionSetsTheWindowToo) {
  CheckBookingRequest request = MakeBooking(2, At("2024-04-10"));
  AddSession(request, "a-1", 0, At("2024-02-01"), kFulfilled);
  AddSession(request, "a-2", 1, At("2024-03-20"), kBooked);
  CheckBookingResponse response = Check(request);
  EXPECT_THAT(Codes(response), ElementsAre(kTooSoon));
  EXPECT_THAT(MessageFor(response, kTooSoon),
              HasSubstr("session 2 is booked on 2024-03-20 (UTC), 21 days before"));
}

TEST_F(CheckBookingTest, APreviousSessionAfterThisOneIsTooSoon) {
  CheckBookingRequest request = MakeBooking(1, At("2024-03-01"));
  AddSession(request, "a-1", 0, At("2024-03-03"), kBooked);
  EXPECT_THAT(MessageFor(Check(request), kTooSoon), HasSubstr("2 days after"));
}

TEST_F(CheckBookingTest, FulfilledPreviousSessionCountsOverABookedOne) {
  CheckBookingRequest request = MakeBooking(1, At("2024-03-29"));
  AddSession(request, "a-late", 0, At("2024-03-20"), kBooked);
  AddSession(request, "a-1", 0, At("2024-03-01"), kFulfilled);
  EXPECT_THAT(Codes(Check(request)), IsEmpty());
}

TEST_F(CheckBookingTest, PreviousSessionMustBeBookedOrDone) {
  CheckBookingRequest request = MakeBooking(2, At("2024-05-01"));
  AddSession(request, "a-1", 0, At("2024-03-01"), kFulfilled);
  AddSession(request, "a-2", 1, At("2024-04-01"), kCancelled);
  CheckBookingResponse response = Check(request);
  EXPECT_THAT(Codes(response), ElementsAre(kPreviousSessionMissing));
  EXPECT_EQ(MessageFor(response, kPreviousSessionMissing),
            "Session 3 needs session 2 booked or done first; session 2 is not booked.");
}

TEST_F(CheckBookingTest, PreviousSessionRuleCanBeSwitchedOff) {
  const SchedulingRules rules =
      CompileOrDie(Json::parse(R"({"booking": {"require_previous_session": false}})"));
  EXPECT_THAT(CheckOrDie(rules.booking, MakeBooking(2, At("2024-05-01"))).violations(), IsEmpty());
}

TEST_F(CheckBookingTest, NextSessionMustStayInsideTheWindow) {
  CheckBookingRequest request = MakeBooking(1, At("2024-03-29"));
  AddSession(request, "a-1", 0, At("2024-03-01"), kFulfilled);
  AddSession(request, "a-3", 2, At("2024-05-20"), kBooked);  // 52 days after 2024-03-29
  CheckBookingResponse response = Check(request);
  EXPECT_THAT(Codes(response), ElementsAre(kBreaksNextSession));
  EXPECT_EQ(MessageFor(response, kBreaksNextSession),
            "Session 2 on 2024-03-29 (UTC) would be 52 days before session 3, booked on "
            "2024-05-20 (UTC), and sessions must be 28 to 42 days apart. With session 3 on that "
            "day, book session 2 between 2024-04-08 and 2024-04-22 (UTC).");

  request.mutable_history(1)->set_start_unix_seconds(At("2024-05-10"));  // exactly 42 days
  EXPECT_THAT(Codes(Check(request)), IsEmpty());
  request.mutable_history(1)->set_start_unix_seconds(At("2024-04-26"));  // exactly 28 days
  EXPECT_THAT(Codes(Check(request)), IsEmpty());
  request.mutable_history(1)->set_start_unix_seconds(At("2024-04-25"));  // 27 days
  EXPECT_THAT(Codes(Check(request)), ElementsAre(kBreaksNextSession));
}

TEST_F(CheckBookingTest, AnotherAppointmentForTheSameSessionIsADuplicate) {
  CheckBookingRequest request = MakeBooking(0, At("2024-03-05"));
  AddSession(request, "a-old", 0, At("2024-03-01"), kCancelled);  // ignored
  AddSession(request, "a-1", 0, At("2024-03-02"), kBooked);
  CheckBookingResponse response = Check(request);
  EXPECT_THAT(Codes(response), ElementsAre(kDuplicateSession));
  EXPECT_EQ(MessageFor(response, kDuplicateSession),
            "Session 1 is already booked on 2024-03-02 (UTC) (appointment a-1). Move or cancel "
            "that appointment instead.");
}

TEST_F(CheckBookingTest, ReschedulingChecksAgainstTheOtherSessionsOnly) {
  // Session 2 (appointment a-2, booked on 2024-04-05) moves to 2024-04-06. The host sends
  // the plan's other sessions and leaves a-2 out, as check_booking.h requires.
  CheckBookingRequest request = MakeBooking(1, At("2024-04-06"));
  AddSession(request, "a-1", 0, At("2024-03-01"), kFulfilled);
  AddSession(request, "a-3", 2, At("2024-05-05"), kBooked);
  EXPECT_THAT(Check(request).violations(), IsEmpty());

  // Moved too close to session 3 (25 days), the move is refused on that account alone.
  request.set_start_unix_seconds(At("2024-04-10"));
  request.set_end_unix_seconds(At("2024-04-10", 11));
  EXPECT_THAT(Codes(Check(request)), ElementsAre(kBreaksNextSession));

  // A host breaking the contract (sending a-2 itself) would see its own appointment as a
  // duplicate: the plugin cannot tell the two apart.
  request.set_start_unix_seconds(At("2024-04-06"));
  request.set_end_unix_seconds(At("2024-04-06", 11));
  AddSession(request, "a-2", 1, At("2024-04-05"), kBooked);
  EXPECT_THAT(Codes(Check(request)), ElementsAre(kDuplicateSession));
}

TEST_F(CheckBookingTest, PlanMustBeActive) {
  CheckBookingRequest request = MakeBooking(0, At("2024-03-01"));
  request.set_plan_status(types::v1::PLAN_STATUS_CANCELLED);
  CheckBookingResponse response = Check(request);
  EXPECT_THAT(Codes(response), ElementsAre(kPlanNotActive));
  EXPECT_EQ(MessageFor(response, kPlanNotActive),
            "The plan is cancelled: only sessions of an active plan can be booked.");
  request.set_plan_status(types::v1::PLAN_STATUS_COMPLETED);
  EXPECT_THAT(Codes(Check(request)), ElementsAre(kPlanNotActive));
  request.set_plan_status(types::v1::PLAN_STATUS_UNSPECIFIED);
  EXPECT_THAT(Codes(Check(request)), ElementsAre(kPlanNotActive));
}

TEST_F(CheckBookingTest, SessionIndexMustBeInsideThePlan) {
  CheckBookingResponse response = Check(MakeBooking(6, At("2024-03-01")));
  EXPECT_THAT(Codes(response), ElementsAre(kSessionOutOfRange));
  EXPECT_EQ(MessageFor(response, kSessionOutOfRange),
            "Session index 6 is out of range: the plan has 6 sessions (indexes 0 to 5).");
  EXPECT_THAT(Codes(Check(MakeBooking(-1, At("2024-03-01")))), ElementsAre(kSessionOutOfRange));
  EXPECT_THAT(Codes(Check(MakeBooking(5, At("2024-03-01")))), ElementsAre(kPreviousSessionMissing));
}

TEST_F(CheckBookingTest, ForbiddingScreeningOutcomesAreNamed) {
  for (types::v1::Outcome outcome :
       {types::v1::OUTCOME_UNSPECIFIED, types::v1::OUTCOME_DEFER, types::v1::OUTCOME_REFER,
        types::v1::OUTCOME_CONTRAINDICATED}) {
    CheckBookingRequest request = MakeBooking(0, At("2024-03-01"));
    request.set_screening_outcome(outcome);
    CheckBookingResponse response = Check(request);
    EXPECT_THAT(Codes(response), ElementsAre(kScreeningForbids)) << outcome;
  }
  CheckBookingRequest request = MakeBooking(0, At("2024-03-01"));
  request.set_screening_outcome(types::v1::OUTCOME_REFER);
  EXPECT_THAT(MessageFor(Check(request), kScreeningForbids),
              HasSubstr("The screening outcome recorded with the plan is \"refer\""));
  for (types::v1::Outcome outcome :
       {types::v1::OUTCOME_ELIGIBLE, types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION,
        types::v1::OUTCOME_REVIEW_REQUIRED, types::v1::OUTCOME_CONSULT_REQUIRED}) {
    request.set_screening_outcome(outcome);
    EXPECT_THAT(Codes(Check(request)), IsEmpty()) << outcome;
  }
}

TEST_F(CheckBookingTest, AppointmentMustLastTheSessionMinutes) {
  CheckBookingRequest request = MakeBooking(0, At("2024-03-01", 10, 0));
  request.set_end_unix_seconds(At("2024-03-01", 10, 59));
  CheckBookingResponse response = Check(request);
  EXPECT_THAT(Codes(response), ElementsAre(kTooShort));
  EXPECT_EQ(MessageFor(response, kTooShort),
            "The appointment lasts 59 minutes; a session of this plan needs 60 minutes (30 of "
            "them numbing).");
  request.set_end_unix_seconds(At("2024-03-01", 11, 0));
  EXPECT_THAT(Codes(Check(request)), IsEmpty());
  request.set_end_unix_seconds(At("2024-03-01", 9, 0));
  EXPECT_THAT(MessageFor(Check(request), kTooShort), HasSubstr("ends at or before its start"));
}

TEST_F(CheckBookingTest, EveryViolationIsReportedInOrder) {
  CheckBookingRequest request = MakeBooking(1, At("2024-03-10"));
  request.set_plan_status(types::v1::PLAN_STATUS_CANCELLED);
  request.set_screening_outcome(types::v1::OUTCOME_DEFER);
  request.set_end_unix_seconds(At("2024-03-10", 10, 30));
  AddSession(request, "a-1", 0, At("2024-03-01"), kFulfilled);
  AddSession(request, "a-3", 2, At("2024-03-15"), kBooked);
  AddSession(request, "a-2", 1, At("2024-04-01"), kBooked);
  EXPECT_THAT(Codes(Check(request)), ElementsAre(kPlanNotActive, kScreeningForbids, kTooSoon,
                                                 kBreaksNextSession, kDuplicateSession, kTooShort));
}

TEST_F(CheckBookingTest, UnusableInputIsAnError) {
  CheckBookingRequest request = MakeBooking(0, At("2024-03-01"));
  request.mutable_plan()->set_max_days_between(20);
  CheckBookingResponse response;
  EXPECT_THAT(CheckSessionBooking(rules_.booking, request, &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("plan spacing is unusable")));
  request = MakeBooking(0, -1);
  EXPECT_THAT(CheckSessionBooking(rules_.booking, request, &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("start_unix_seconds")));
}

}  // namespace
}  // namespace needlework::scheduling
