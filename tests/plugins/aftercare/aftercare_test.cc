// The aftercare hook with the default config: instructions and their windows, expected
// effects, timed messages, the last session, languages and placeholders.
#include "plugins/aftercare/aftercare.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/aftercare/test_support.h"

namespace needlework::aftercare {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using namespace needlework::aftercare::testing;  // NOLINT(build/namespaces)

constexpr types::v1::Anchor kSessionEnd = types::v1::ANCHOR_SESSION_END;
constexpr int64_t kHour = 60;

class AftercareTest : public ::testing::Test {
 protected:
  const AftercareRules rules_ = CompileOrDie();
};

// Expects instruction `id` to run from the session end for `hours` hours.
void ExpectWindow(const AftercareResponse& response, std::string_view id, int hours) {
  const AftercareInstruction instruction = Instruction(response, id);
  EXPECT_THAT(instruction.from(), TimeIs(Offset(kSessionEnd, 0))) << id;
  EXPECT_THAT(instruction.until(), TimeIs(Offset(kSessionEnd, hours * kHour))) << id;
  EXPECT_TRUE(instruction.has_until()) << id;
  EXPECT_EQ(instruction.until_text(), "") << id;
}

// Expects instruction `id` to run from the session end until the skin has healed.
void ExpectUntilHealed(const AftercareResponse& response, std::string_view id) {
  const AftercareInstruction instruction = Instruction(response, id);
  EXPECT_THAT(instruction.from(), TimeIs(Offset(kSessionEnd, 0))) << id;
  EXPECT_FALSE(instruction.has_until()) << id;
  EXPECT_EQ(instruction.until_text(), "until your skin has fully healed") << id;
}

TEST_F(AftercareTest, PlainSessionGetsEveryInstructionWithItsWindow) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(0, 3));
  EXPECT_THAT(InstructionIds(response),
              ElementsAre("avoid-sun", "hydrate", "moisturise-keep-clean", "no-actives",
                          "no-exfoliants", "no-picking", "reintroduce-skincare", "spf"));
  ExpectWindow(response, "avoid-sun", 48);
  ExpectWindow(response, "spf", 14 * 24);
  ExpectWindow(response, "no-actives", 7 * 24);
  ExpectWindow(response, "no-exfoliants", 72);
  ExpectUntilHealed(response, "moisturise-keep-clean");
  ExpectUntilHealed(response, "no-picking");
  ExpectUntilHealed(response, "hydrate");

  const AftercareInstruction reintroduce = Instruction(response, "reintroduce-skincare");
  EXPECT_FALSE(reintroduce.has_from());
  EXPECT_FALSE(reintroduce.has_until());
  EXPECT_EQ(reintroduce.until_text(), "once your skin has fully healed");

  EXPECT_THAT(Instruction(response, "spf").text(), HasSubstr("SPF 30 or higher"));
  EXPECT_THAT(Instruction(response, "no-actives").text(),
              HasSubstr("retinol, glycolic acid or other strong active"));
  EXPECT_EQ(Instruction(response, "avoid-sun").indicator(), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(Instruction(response, "hydrate").indicator(), types::v1::INDICATOR_INFO);
}

TEST_F(AftercareTest, PlainSessionGetsEveryExpectedEffectWithItsCourse) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(0, 3));
  ASSERT_THAT(EffectIds(response), ElementsAre("dryness-discolouration", "peeling-flaking",
                                               "redness-swelling", "tingling-tightness"));
  EXPECT_EQ(response.expected_effects(0).normal_course_hours(), 168);
  EXPECT_EQ(response.expected_effects(1).normal_course_hours(), 168);
  EXPECT_EQ(response.expected_effects(2).normal_course_hours(), 48);
  EXPECT_EQ(response.expected_effects(3).normal_course_hours(), 72);
  EXPECT_THAT(response.expected_effects(2).text(), HasSubstr("like a sunburn"));
}

TEST_F(AftercareTest, PlainSessionGetsTimedMessagesAndANextSessionReminder) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(1, 3));
  EXPECT_THAT(MessageIds(response), ElementsAre("day-2", "day-7", "evening", "next-session"));
  EXPECT_THAT(Message(response, "evening").send_at(), TimeIs(Local(kSessionEnd, 0, 19 * 60)));
  EXPECT_THAT(Message(response, "day-2").send_at(), TimeIs(Local(kSessionEnd, 2, 10 * 60)));
  EXPECT_THAT(Message(response, "day-7").send_at(), TimeIs(Local(kSessionEnd, 7, 10 * 60)));
  EXPECT_THAT(Message(response, "next-session").send_at(),
              TimeIs(Offset(types::v1::ANCHOR_NEXT_SESSION_START, -2880)));
  for (const PatientMessage& message : response.messages()) {
    EXPECT_EQ(message.language(), "en") << message.id();
  }
}

TEST_F(AftercareTest, PluginFillsItsPlaceholdersAndLeavesTheHosts) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(1, 3));
  EXPECT_THAT(Message(response, "evening").text(),
              HasSubstr("session 2 of 3 at {clinic_name}. Tonight"));
  EXPECT_THAT(Message(response, "day-2").text(), HasSubstr("your session on {session_date},"));
  EXPECT_THAT(Message(response, "next-session").text(),
              HasSubstr("session 3 of 3 at {clinic_name} is on {next_session_time}."));
}

TEST_F(AftercareTest, TheNextSessionReminderHasATextForWhileItIsNotBooked) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(1, 3));
  EXPECT_THAT(Message(response, "next-session").waiting_text(),
              HasSubstr("Reminder: please book session 3 of 3 at {clinic_name};"));
  EXPECT_EQ(Message(response, "evening").waiting_text(), "");  // its anchor is always known
}

TEST_F(AftercareTest, LastSessionGetsAMaintenanceReminderInsteadOfTheNextSession) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(2, 3));
  EXPECT_THAT(MessageIds(response), ElementsAre("day-2", "day-7", "evening", "maintenance"));
  const PatientMessage maintenance = Message(response, "maintenance");
  EXPECT_THAT(maintenance.send_at(), TimeIs(Local(types::v1::ANCHOR_SERIES_END, 0, 10 * 60, 6)));
  EXPECT_THAT(maintenance.text(), HasSubstr("series of 3 sessions at {clinic_name}"));
  EXPECT_THAT(maintenance.text(), HasSubstr("every 6 to 12 months"));
  EXPECT_EQ(InstructionIds(response).size(), 8u);  // instructions do not change
}

TEST_F(AftercareTest, FrenchTextsForAFrenchPatient) {
  const AftercareResponse response = AftercareOrDie(rules_, MakeAftercareRequest(0, 3, "fr"));
  EXPECT_THAT(Instruction(response, "spf").text(), HasSubstr("SPF 30 ou plus"));
  EXPECT_EQ(Instruction(response, "no-picking").until_text(),
            "jusqu'à la guérison complète de la peau");
  EXPECT_THAT(response.expected_effects(2).text(), HasSubstr("coup de soleil"));
  const PatientMessage evening = Message(response, "evening");
  EXPECT_EQ(evening.language(), "fr");
  EXPECT_THAT(evening.text(), HasSubstr("séance 1 sur 3 chez {clinic_name}"));
}

TEST_F(AftercareTest, RegionalTagFallsBackToItsLanguageThenToTheDefault) {
  EXPECT_EQ(
      Message(AftercareOrDie(rules_, MakeAftercareRequest(0, 3, "fr-CA")), "evening").language(),
      "fr");
  const AftercareResponse german = AftercareOrDie(rules_, MakeAftercareRequest(0, 3, "de"));
  EXPECT_EQ(Message(german, "evening").language(), "en");
  EXPECT_THAT(Instruction(german, "avoid-sun").text(), HasSubstr("Avoid sun"));
}

TEST_F(AftercareTest, UnknownSessionCountLeavesThePlaceholder) {
  AftercareRequest request = MakeAftercareRequest(0, 3);
  request.mutable_plan()->set_session_count(0);
  request.set_last_session(false);
  EXPECT_THAT(Message(AftercareOrDie(rules_, request), "evening").text(),
              HasSubstr("session 1 of {session_count}"));
}

TEST_F(AftercareTest, SessionIndexOutsideThePlanIsRefused) {
  AftercareResponse response;
  EXPECT_THAT(BuildAftercare(rules_, MakeAftercareRequest(-1, 3), &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("session_index -1")));
  AftercareRequest past_end = MakeAftercareRequest(0, 3);
  past_end.set_session_index(3);
  EXPECT_THAT(BuildAftercare(rules_, past_end, &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("outside the plan's 3 sessions")));
  EXPECT_THAT(Message(AftercareOrDie(rules_, MakeAftercareRequest(0, 3)), "evening").text(),
              Not(HasSubstr("{session_number}")));
}

}  // namespace
}  // namespace needlework::aftercare
