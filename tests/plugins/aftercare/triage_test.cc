// The triage hook with the default config: each expected effect inside and past its
// course, severe inside the course, itching/pain/bruising, infection and allergy signs,
// and the requests it refuses.
#include "plugins/aftercare/triage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "plugins/aftercare/test_support.h"

namespace needlework::aftercare {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using namespace needlework::aftercare::testing;  // NOLINT(build/namespaces)

constexpr auto kMild = types::v1::SYMPTOM_SEVERITY_MILD;
constexpr auto kModerate = types::v1::SYMPTOM_SEVERITY_MODERATE;
constexpr auto kSevere = types::v1::SYMPTOM_SEVERITY_SEVERE;
constexpr auto kExpected = types::v1::TRIAGE_LEVEL_EXPECTED;
constexpr auto kMonitor = types::v1::TRIAGE_LEVEL_MONITOR;
constexpr auto kContact = types::v1::TRIAGE_LEVEL_CONTACT_CLINIC;
constexpr auto kUrgent = types::v1::TRIAGE_LEVEL_URGENT;

// A symptom with the last day inside its course and the first day past it.
struct CourseCase {
  const char* code;
  double last_day_inside;
  double first_day_past;
};

std::string CourseName(const ::testing::TestParamInfo<CourseCase>& test) { return test.param.code; }

// A test name from a symptom code: "spreading-redness" -> "spreading_redness".
std::string SignName(const ::testing::TestParamInfo<const char*>& test) {
  std::string name = test.param;
  for (char& c : name) c = c == '-' ? '_' : c;
  return name;
}

class TriageCourseTest : public ::testing::TestWithParam<CourseCase> {
 protected:
  const AftercareRules rules_ = CompileOrDie();
};

TEST_P(TriageCourseTest, InsideTheCourseIsExpected) {
  const CourseCase& c = GetParam();
  for (auto severity : {kMild, kModerate, types::v1::SYMPTOM_SEVERITY_UNSPECIFIED}) {
    const TriageResponse response =
        TriageOrDie(rules_, MakeTriageRequest(c.code, c.last_day_inside, severity));
    EXPECT_EQ(response.level(), kExpected) << c.code;
    EXPECT_EQ(response.indicator(), types::v1::INDICATOR_INFO);
    EXPECT_EQ(response.rule_id(), std::string(c.code) + "/within-course");
  }
}

TEST_P(TriageCourseTest, PastTheCourseContactsTheClinic) {
  const CourseCase& c = GetParam();
  for (auto severity : {kMild, kSevere}) {
    const TriageResponse response =
        TriageOrDie(rules_, MakeTriageRequest(c.code, c.first_day_past, severity));
    EXPECT_EQ(response.level(), kContact) << c.code;
    EXPECT_EQ(response.indicator(), types::v1::INDICATOR_WARNING);
    EXPECT_EQ(response.rule_id(), std::string(c.code) + "/past-course");
    EXPECT_THAT(response.advice(), HasSubstr("contact {clinic_name}"));
  }
}

TEST_P(TriageCourseTest, SevereInsideTheCourseIsMonitoredExceptPain) {
  const CourseCase& c = GetParam();
  const TriageResponse response =
      TriageOrDie(rules_, MakeTriageRequest(c.code, c.last_day_inside / 2, kSevere));
  EXPECT_EQ(response.level(), std::string(c.code) == "pain" ? kContact : kMonitor) << c.code;
  EXPECT_EQ(response.indicator(), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(response.rule_id(), std::string(c.code) + "/severe-within-course");
}

INSTANTIATE_TEST_SUITE_P(
    ExpectedEffects, TriageCourseTest,
    ::testing::Values(CourseCase{"redness", 2, 2.1}, CourseCase{"swelling", 2, 2.1},
                      CourseCase{"dryness", 7, 7.5}, CourseCase{"discolouration", 7, 8},
                      CourseCase{"peeling", 7, 7.1}, CourseCase{"flaking", 7, 7.1},
                      CourseCase{"tingling", 3, 3.5}, CourseCase{"tightness", 3, 4},
                      CourseCase{"warmth", 2, 2.1}),
    CourseName);

INSTANTIATE_TEST_SUITE_P(ConfiguredCourses, TriageCourseTest,
                         ::testing::Values(CourseCase{"itching", 3, 3.2},
                                           CourseCase{"pain", 2, 2.5},
                                           CourseCase{"bruising", 7, 7.2}),
                         CourseName);

// Signs of infection or allergic reaction are urgent on any day, at any severity.
class TriageSignTest : public ::testing::TestWithParam<const char*> {
 protected:
  const AftercareRules rules_ = CompileOrDie();
};

TEST_P(TriageSignTest, IsUrgentWhateverTheDayAndSeverity) {
  const std::string code = GetParam();
  for (double days : {0.0, 1.0, 30.0}) {
    const TriageResponse response = TriageOrDie(rules_, MakeTriageRequest(code, days, kMild));
    EXPECT_EQ(response.level(), kUrgent) << code;
    EXPECT_EQ(response.indicator(), types::v1::INDICATOR_CRITICAL) << code;
  }
}

INSTANTIATE_TEST_SUITE_P(InfectionAndAllergy, TriageSignTest,
                         ::testing::Values("pus", "fever", "spreading-redness", "hives",
                                           "blistering", "facial-swelling", "breathing-difficulty"),
                         SignName);

class TriageTest : public ::testing::Test {
 protected:
  const AftercareRules rules_ = CompileOrDie();
};

TEST_F(TriageTest, AdviceNamesTheSymptomAndTheCourse) {
  EXPECT_EQ(TriageOrDie(rules_, MakeTriageRequest("redness", 1)).advice(),
            "Some redness is a normal part of healing and usually settles within 2 days. Keep "
            "following your aftercare instructions.");
  EXPECT_THAT(TriageOrDie(rules_, MakeTriageRequest("dryness", 9)).advice(),
              HasSubstr("Your dryness has lasted longer than the usual 7 days."));
}

TEST_F(TriageTest, InfectionAndAllergySignsGetTheirAdvice) {
  const TriageResponse pus = TriageOrDie(rules_, MakeTriageRequest("pus", 3));
  EXPECT_EQ(pus.rule_id(), "pus/infection");
  EXPECT_THAT(pus.advice(), HasSubstr("Your pus may be a sign of infection"));
  const TriageResponse hives = TriageOrDie(rules_, MakeTriageRequest("hives", 1));
  EXPECT_EQ(hives.rule_id(), "hives/allergy");
  EXPECT_THAT(hives.advice(), HasSubstr("allergic reaction"));
}

TEST_F(TriageTest, BreathingDifficultySaysCallEmergencyServicesOnTheDefaultNumber) {
  const TriageResponse response =
      TriageOrDie(rules_, MakeTriageRequest("breathing-difficulty", 0.1));
  EXPECT_EQ(response.rule_id(), "breathing-difficulty/emergency");
  EXPECT_THAT(response.advice(), HasSubstr("Call emergency services now on 112."));
  EXPECT_THAT(
      TriageOrDie(rules_, MakeTriageRequest("breathing-difficulty", 0.1, kMild, "fr")).advice(),
      HasSubstr("Appelez immédiatement les services d'urgence au 112."));
}

// The advice a clinic with `numbers` (a JSON list) gives for breathing difficulty.
std::string EmergencyAdvice(const char* numbers, std::string_view language,
                            const Json& extra = Json::object()) {
  Json patch = {{"triage", {{"emergency_numbers", Json::parse(numbers)}}}};
  patch.update(extra);  // not merge_patch: a null in `extra` must reach the config
  return TriageOrDie(CompileOrDie(patch),
                     MakeTriageRequest("breathing-difficulty", 0.1, kMild, language))
      .advice();
}

TEST(TriageEmergencyTest, EachClinicNamesItsOwnNumbersInThePatientsLanguage) {
  EXPECT_THAT(EmergencyAdvice(R"(["911"])", "en-US"),
              AllOf(HasSubstr("Call emergency services now on 911."), Not(HasSubstr("112"))));
  EXPECT_THAT(EmergencyAdvice(R"(["999", "112"])", "en"), HasSubstr("now on 999 or 112."));
  EXPECT_THAT(EmergencyAdvice(R"(["15", "112"])", "fr"), HasSubstr("d'urgence au 15 ou 112."));
}

TEST(TriageEmergencyTest, ALanguageWithoutAnOrWordJoinsWithASlash) {
  const Json no_or = {{"languages", {{"en", {{"or", nullptr}}}}}};
  EXPECT_THAT(EmergencyAdvice(R"(["999", "112"])", "en", no_or), HasSubstr("now on 999 / 112."));
}

// The evening message tells the patient warmth is normal and spreading warmth or fever is
// not; triage answers the same on the evening of the session and on the next day.
TEST_F(TriageTest, WarmthTriageAgreesWithTheEveningMessage) {
  const AftercareResponse aftercare = AftercareOrDie(rules_, MakeAftercareRequest(0, 3));
  std::string evening;
  for (const auto& message : aftercare.messages()) {
    if (message.id() == "evening") evening = message.text();
  }
  EXPECT_THAT(evening, AllOf(HasSubstr("warm"), HasSubstr("this is normal"),
                             HasSubstr("If redness or warmth spreads, or you have a fever")));
  for (double days : {0.2, 1.0, 2.0}) {
    EXPECT_EQ(TriageOrDie(rules_, MakeTriageRequest("warmth", days)).level(), kExpected) << days;
    EXPECT_EQ(TriageOrDie(rules_, MakeTriageRequest("spreading-redness", days)).level(), kUrgent);
    EXPECT_EQ(TriageOrDie(rules_, MakeTriageRequest("fever", days)).level(), kUrgent);
  }
  EXPECT_THAT(TriageOrDie(rules_, MakeTriageRequest("spreading-redness", 1)).advice(),
              HasSubstr("Your spreading redness or warmth may be a sign of infection"));
  EXPECT_EQ(TriageOrDie(rules_, MakeTriageRequest("warmth", 3)).level(), kContact);
}

TEST_F(TriageTest, FrenchAdviceAndFallback) {
  EXPECT_THAT(TriageOrDie(rules_, MakeTriageRequest("peeling", 2, kMild, "fr")).advice(),
              HasSubstr("(desquamation) fait partie de la cicatrisation normale"));
  EXPECT_THAT(TriageOrDie(rules_, MakeTriageRequest("peeling", 2, kMild, "es")).advice(),
              HasSubstr("Some peeling is a normal part of healing"));
}

TEST_F(TriageTest, UnknownSymptomIsRefusedNamingTheKnownCodes) {
  TriageResponse response;
  EXPECT_THAT(TriageSymptom(rules_, MakeTriageRequest("numbness", 1), &response),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("unknown symptom \"numbness\" (known symptoms: blistering, "
                                       "breathing-difficulty, bruising,"),
                             HasSubstr("tingling, warmth)"))));
  TriageRequest other_system = MakeTriageRequest("redness", 1);
  other_system.mutable_symptom()->set_system("http://snomed.info/sct");
  EXPECT_THAT(TriageSymptom(rules_, other_system, &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("symptom must be a code of")));
  other_system.mutable_symptom()->clear_system();
  EXPECT_THAT(TriageSymptom(rules_, other_system, &response), IsOk());
}

TEST_F(TriageTest, NegativeOrMissingDaysAreRefused) {
  TriageResponse response;
  EXPECT_THAT(TriageSymptom(rules_, MakeTriageRequest("redness", -1), &response),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("days_since_session must be 0 or more, not -1")));
  EXPECT_THAT(TriageSymptom(rules_, MakeTriageRequest("redness", std::nan("")), &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("days_since_session")));
}

}  // namespace
}  // namespace needlework::aftercare
