// A clinic's JSON merge patch (RFC 7386) over the default config, applied as the host
// applies it, changes what the aftercare and triage hooks do.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/aftercare/test_support.h"

namespace needlework::aftercare {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using namespace needlework::aftercare::testing;  // NOLINT(build/namespaces)

constexpr types::v1::Anchor kSessionEnd = types::v1::ANCHOR_SESSION_END;

TEST(AftercareConfigPatchTest, WindowChangesLeaveTheRest) {
  const AftercareRules rules = CompileOrDie(Json::parse(R"({"instructions": {
      "avoid-sun": {"until_hours": 72}, "spf": {"until_hours": null}}})"));
  const AftercareResponse response = AftercareOrDie(rules, MakeAftercareRequest(0, 3));
  EXPECT_THAT(Instruction(response, "avoid-sun").until(), TimeIs(Offset(kSessionEnd, 72 * 60)));
  const AftercareInstruction spf = Instruction(response, "spf");
  EXPECT_FALSE(spf.has_until());
  EXPECT_EQ(spf.until_text(), "until your skin has fully healed");
  EXPECT_THAT(Instruction(response, "no-actives").until(), TimeIs(Offset(kSessionEnd, 168 * 60)));
}

TEST(AftercareConfigPatchTest, DisabledItemsAreLeftOut) {
  const AftercareRules rules = CompileOrDie(Json::parse(R"({
      "instructions": {"hydrate": {"enabled": false}},
      "effects": {"tingling-tightness": {"enabled": false}},
      "messages": {"day-7": {"enabled": false}}})"));
  const AftercareResponse response = AftercareOrDie(rules, MakeAftercareRequest(0, 3));
  EXPECT_THAT(InstructionIds(response), Not(Contains("hydrate")));
  EXPECT_THAT(EffectIds(response), Not(Contains("tingling-tightness")));
  EXPECT_THAT(MessageIds(response), ElementsAre("day-2", "evening", "next-session"));
  // Triage still knows the course of a disabled effect.
  EXPECT_EQ(TriageOrDie(rules, MakeTriageRequest("tingling", 3.5)).level(),
            types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
}

TEST(AftercareConfigPatchTest, ClinicRewritesATextAndTimesAMessage) {
  const AftercareRules rules = CompileOrDie(Json::parse(R"({
      "messages": {"evening": {"time": "18:30", "day_offset": 1}},
      "languages": {"en": {"messages": {"evening": "Hi from {clinic_name}: session {session_number}."}}}})"));
  const PatientMessage evening =
      Message(AftercareOrDie(rules, MakeAftercareRequest(1, 3)), "evening");
  EXPECT_EQ(evening.text(), "Hi from {clinic_name}: session 2.");
  EXPECT_THAT(evening.send_at(), TimeIs(Local(kSessionEnd, 1, 18 * 60 + 30)));
}

TEST(AftercareConfigPatchTest, ClinicAddsAnInstructionWithItsTexts) {
  const AftercareRules rules = CompileOrDie(Json::parse(R"({
      "instructions": {"no-makeup": {"from_hours": 0, "until_hours": 24}},
      "languages": {"en": {"instructions": {"no-makeup": "No make-up."}},
                    "fr": {"instructions": {"no-makeup": "Pas de maquillage."}}}})"));
  const AftercareResponse response = AftercareOrDie(rules, MakeAftercareRequest(0, 3, "fr"));
  EXPECT_EQ(Instruction(response, "no-makeup").text(), "Pas de maquillage.");
  EXPECT_THAT(Instruction(response, "no-makeup").until(), TimeIs(Offset(kSessionEnd, 24 * 60)));
}

TEST(AftercareConfigPatchTest, MaintenanceRangeMovesTheReminder) {
  const AftercareRules rules =
      CompileOrDie(Json::parse(R"({"maintenance_months": {"min": 9, "max": 18}})"));
  const PatientMessage maintenance =
      Message(AftercareOrDie(rules, MakeAftercareRequest(2, 3)), "maintenance");
  EXPECT_THAT(maintenance.send_at(), TimeIs(Local(types::v1::ANCHOR_SERIES_END, 0, 600, 9)));
  EXPECT_THAT(maintenance.text(), HasSubstr("every 9 to 18 months"));
}

TEST(AftercareConfigPatchTest, DefaultLanguageAndLanguagesAreConfigurable) {
  const AftercareRules rules = CompileOrDie(Json::parse(R"({"default_language": "fr"})"));
  EXPECT_EQ(Message(AftercareOrDie(rules, MakeAftercareRequest(0, 3, "de")), "evening").language(),
            "fr");
  const AftercareRules english_only = CompileOrDie(Json::parse(R"({"languages": {"fr": null}})"));
  EXPECT_EQ(
      Message(AftercareOrDie(english_only, MakeAftercareRequest(0, 3, "fr")), "evening").language(),
      "en");
}

TEST(AftercareConfigPatchTest, TriageThresholdsLevelsAndIndicatorsAreConfigurable) {
  const AftercareRules rules = CompileOrDie(Json::parse(R"({
      "effects": {"redness-swelling": {"normal_course_hours": 72}},
      "triage": {"indicators": {"contact-clinic": "critical"},
                 "symptoms": {"itching": {"course_hours": 24, "past_course": "monitor"},
                              "bruising": {"level": "contact-clinic", "advice": "past-course",
                                           "course_hours": null}}}})"));
  EXPECT_EQ(TriageOrDie(rules, MakeTriageRequest("redness", 2.5)).level(),
            types::v1::TRIAGE_LEVEL_EXPECTED);
  const TriageResponse late = TriageOrDie(rules, MakeTriageRequest("redness", 3.5));
  EXPECT_EQ(late.level(), types::v1::TRIAGE_LEVEL_CONTACT_CLINIC);
  EXPECT_EQ(late.indicator(), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(TriageOrDie(rules, MakeTriageRequest("itching", 2)).level(),
            types::v1::TRIAGE_LEVEL_MONITOR);
  EXPECT_EQ(TriageOrDie(rules, MakeTriageRequest("bruising", 0)).rule_id(), "bruising/past-course");
}

}  // namespace
}  // namespace needlework::aftercare
