// Configs the aftercare plugin refuses, and the messages that tell an admin what to fix.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "plugins/aftercare/config.h"
#include "plugins/aftercare/embedded_config.h"
#include "plugins/aftercare/test_support.h"

namespace needlework::aftercare {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using namespace needlework::aftercare::testing;  // NOLINT(build/namespaces)

// Expects `patch` to be refused with a message containing `problem`.
void ExpectRefused(const char* patch, const std::string& problem) {
  EXPECT_THAT(CompileConfig(PatchedConfig(Json::parse(patch))),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("aftercare config refused: "), HasSubstr(problem))))
      << patch;
}

TEST(AftercareConfigValidationTest, DefaultConfigCompiles) {
  StatusOr<AftercareRules> rules = CompileConfig(kDefaultConfigJson);
  ASSERT_THAT(rules, IsOk());
  EXPECT_EQ(rules->instructions.size(), 8u);
  EXPECT_EQ(rules->effects.size(), 4u);
  EXPECT_EQ(rules->messages.size(), 5u);
  EXPECT_EQ(rules->symptoms.size(), 19u);
  EXPECT_EQ(rules->languages.size(), 2u);
  EXPECT_EQ(rules->default_language, "en");
}

TEST(AftercareConfigValidationTest, NotJsonOrNotAnObjectIsRefused) {
  EXPECT_THAT(CompileConfig("{"), StatusIs(StatusCode::kInvalidArgument,
                                           HasSubstr("aftercare config is not valid JSON")));
  EXPECT_THAT(CompileConfig("[1]"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("must be a JSON object, not [1]")));
}

TEST(AftercareConfigValidationTest, UnknownKeysAreRefusedWithTheKnownOnes) {
  ExpectRefused(R"({"reminders": {}})", "config: unknown key \"reminders\" (known keys: ");
  ExpectRefused(R"({"instructions": {"spf": {"untill_hours": 3}}})",
                "instructions.spf: unknown key \"untill_hours\" (known keys: enabled, "
                "from_hours, until_hours, indicator)");
}

TEST(AftercareConfigValidationTest, WindowsMustBeWholeHoursInOrder) {
  ExpectRefused(R"({"instructions": {"avoid-sun": {"until_hours": 1.5}}})",
                "instructions.avoid-sun.until_hours: must be a whole number from 0 to 8760");
  ExpectRefused(R"({"instructions": {"avoid-sun": {"from_hours": 48, "until_hours": 24}}})",
                "instructions.avoid-sun.until_hours: must be after from_hours (48)");
  ExpectRefused(R"({"instructions": {"avoid-sun": {"from_hours": null}}})",
                "instructions.avoid-sun.until_hours: needs from_hours");
  ExpectRefused(R"({"instructions": {"spf": {"indicator": "loud"}}})",
                "instructions.spf.indicator: \"loud\" is not one of info, warning, critical");
  ExpectRefused(R"({"instructions": {"spf": {"enabled": "no"}}})",
                "instructions.spf.enabled: must be true or false");
}

TEST(AftercareConfigValidationTest, MessagesNeedOneValidTime) {
  ExpectRefused(R"({"messages": {"evening": {"time": "7pm"}}})",
                "messages.evening.time: \"7pm\" must be \"HH:MM\"");
  ExpectRefused(R"({"messages": {"evening": {"offset_minutes": 60}}})",
                "messages.evening: needs exactly one of \"offset_minutes\" and \"time\"");
  ExpectRefused(R"({"messages": {"day-2": {"anchor": "tomorrow"}}})",
                "messages.day-2.anchor: \"tomorrow\" is not one of session-end");
  ExpectRefused(R"({"messages": {"next-session": {"sessions": "all"}}})",
                "messages.next-session.sessions: must be \"not-last\" with anchor "
                "next-session-start");
  ExpectRefused(R"({"messages": {"maintenance": {"month_offset": 3}}})",
                "messages.maintenance.month_offset: goes without at_maintenance");
  ExpectRefused(R"({"maintenance_months": {"min": 12, "max": 6}})",
                "maintenance_months.max: must not be below min (12)");
}

TEST(AftercareConfigValidationTest, TriageRulesAreChecked) {
  ExpectRefused(R"({"triage": {"symptoms": {"redness": {"effect": "sunburn"}}}})",
                "triage.symptoms.redness.effect: unknown effect \"sunburn\" (effects: "
                "dryness-discolouration, peeling-flaking, redness-swelling, tingling-tightness)");
  ExpectRefused(R"({"triage": {"symptoms": {"pain": {"course_hours": 0}}}})",
                "triage.symptoms.pain.course_hours: must be from 1 to 8760, not 0");
  ExpectRefused(R"({"triage": {"symptoms": {"itching": {"past_course": "panic"}}}})",
                "triage.symptoms.itching.past_course: \"panic\" is not one of expected, "
                "monitor, contact-clinic, urgent");
  ExpectRefused(R"({"triage": {"symptoms": {"itching": {"effect": "redness-swelling"}}}})",
                "triage.symptoms.itching: needs exactly one of \"effect\", \"course_hours\"");
  ExpectRefused(R"({"triage": {"indicators": {"urgent": "red"}}})",
                "triage.indicators.urgent: \"red\" is not one of info, warning, critical");
}

TEST(AftercareConfigValidationTest, EmergencyNumbersAreOneToFourDistinctDialledNumbers) {
  ExpectRefused(R"({"triage": {"emergency_numbers": null}})",
                "triage.emergency_numbers: is required: the clinic's emergency telephone numbers");
  ExpectRefused(R"({"triage": {"emergency_numbers": []}})",
                "triage.emergency_numbers: must be a list of 1 to 4 numbers");
  ExpectRefused(R"({"triage": {"emergency_numbers": "911"}})",
                "triage.emergency_numbers: must be a list of 1 to 4 numbers");
  ExpectRefused(R"({"triage": {"emergency_numbers": ["1", "2", "3", "4", "5"]}})",
                "must be a list of 1 to 4 numbers");
  ExpectRefused(R"({"triage": {"emergency_numbers": ["911", "+1 911"]}})",
                "triage.emergency_numbers[1]: must be 2 to 8 digits as dialled");
  ExpectRefused(R"({"triage": {"emergency_numbers": [911]}})",
                "triage.emergency_numbers[0]: must be 2 to 8 digits as dialled");
  ExpectRefused(R"({"triage": {"emergency_numbers": ["112", "112"]}})",
                "triage.emergency_numbers[1]: \"112\" is listed twice");
  ExpectRefused(R"({"languages": {"fr": {"or": ""}}})", "languages.fr.or: must be a non-empty");
}

TEST(AftercareConfigValidationTest, EveryIdNeedsATextInEveryLanguage) {
  ExpectRefused(R"({"instructions": {"no-makeup": {"from_hours": 0}},
                    "languages": {"en": {"instructions": {"no-makeup": "No make-up."}}}})",
                "languages.fr.instructions.no-makeup: is required");
  ExpectRefused(R"({"languages": {"fr": {"effects": {"sunburn": "Coup de soleil"}}}})",
                "languages.fr.effects.sunburn: text for an unknown id");
  ExpectRefused(R"({"triage": {"symptoms": {"pus": {"advice": "sepsis"}}}})",
                "languages.en.advice.sepsis: is required");
  ExpectRefused(R"({"languages": {"en": {"symptoms": {"pain": ""}}}})",
                "languages.en.symptoms.pain: must be a non-empty string");
}

TEST(AftercareConfigValidationTest, AMessageAnchoredToTheNextSessionNeedsWaitingTexts) {
  ExpectRefused(R"({"messages": {"eve": {"anchor": "next-session-start", "sessions": "not-last",
                                          "offset_minutes": -1440}},
                    "languages": {"en": {"messages": {"eve": "Tomorrow."}},
                                  "fr": {"messages": {"eve": "Demain."},
                                         "waiting_messages": {"eve": "Réservez."}}}})",
                "languages.en.waiting_messages.eve: is required");
  ExpectRefused(
      R"({"languages": {"en": {"waiting_messages": {"next-session": "On {next_session_time}"}}}})",
      "languages.en.waiting_messages.next-session: must not name {next_session_time}");
  ExpectRefused(R"({"languages": {"en": {"waiting_messages": {"evening": "Hi"}}}})",
                "languages.en.waiting_messages.evening: text for an unknown id");
}

TEST(AftercareConfigValidationTest, UnknownPlaceholdersAreRefused) {
  ExpectRefused(R"({"languages": {"en": {"messages": {"evening": "Hi {patient_name}"}}}})",
                "languages.en.messages.evening: unknown placeholder {patient_name} (known: "
                "session_number, next_session_number, session_count, maintenance_months_min, "
                "maintenance_months_max, clinic_name, session_date, next_session_time)");
  ExpectRefused(R"({"languages": {"en": {"instructions": {"spf": "SPF {session_number}"}}}})",
                "languages.en.instructions.spf: unknown placeholder {session_number}");
}

TEST(AftercareConfigValidationTest, DefaultLanguageNeedsTexts) {
  ExpectRefused(R"({"default_language": "de"})",
                "default_language: \"de\" has no texts in languages (languages: en, fr)");
  ExpectRefused(R"({"languages": {"en": null}})", "default_language: \"en\" has no texts");
}

TEST(AftercareConfigValidationTest, EveryProblemIsListed) {
  ExpectRefused(R"({"effects": {"peeling-flaking": {"normal_course_hours": -1}},
                    "messages": {"day-2": {"day_offset": "two"}}})",
                "effects.peeling-flaking.normal_course_hours: must be from 1 to 8760, not -1; "
                "messages.day-2.day_offset: must be a whole number");
}

}  // namespace
}  // namespace needlework::aftercare
