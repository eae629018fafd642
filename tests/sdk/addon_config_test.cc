// The add-on kit's config readers (needlework/kit/code_set.h, config_names.h, addon_config.h,
// aftercare_config.h): what they read, and every problem named by its JSON path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "needlework/kit/addon_kit.h"
#include "support/plugin_test_helpers.h"
#include "support/status_matchers.h"

namespace needlework::addon {
namespace {

using ::needlework::testing::MakeCoding;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// The problems of one read, as ConfigErrors words them.
class AddOnConfigTest : public ::testing::Test {
 protected:
  std::string Problems() const { return errors_.ToStatus().message(); }
  ConfigErrors errors_{"test config"};
};

TEST_F(AddOnConfigTest, ACodeSetHoldsEachSystemAndCodeWithItsDisplay) {
  const Json root = Json::parse(R"({"codes": {"http://snomed.info/sct|77386006": "Pregnancy",
                                               "http://loinc.org|777-3": "Platelets"}})");
  CodeSet set = ReadCodeSet(root, "rule", "codes", true, errors_);
  EXPECT_TRUE(errors_.empty()) << Problems();
  EXPECT_EQ(set.size(), 2u);
  ASSERT_NE(set.Find(MakeCoding("http://snomed.info/sct", "77386006", "other")), nullptr);
  EXPECT_EQ(*set.Find(MakeCoding("http://snomed.info/sct", "77386006")), "Pregnancy");
  EXPECT_EQ(set.Find(MakeCoding("http://loinc.org", "77386006")), nullptr) << "system counts";
}

TEST_F(AddOnConfigTest, ACodeSetNamesEachBadEntry) {
  const Json root =
      Json::parse(R"({"codes": {"77386006": "Pregnancy", "http://snomed.info/sct|1": 7}})");
  CodeSet set = ReadCodeSet(root, "rules.x", "codes", true, errors_);
  EXPECT_TRUE(set.empty());
  EXPECT_THAT(Problems(), AllOf(HasSubstr("rules.x.codes.77386006: key must be \"system|code\""),
                                HasSubstr("rules.x.codes.http://snomed.info/sct|1: must be the "
                                          "display text, not 7")));
  ConfigErrors absent("test config");
  ReadCodeSet(Json::object(), "rules.x", "codes", true, absent);
  EXPECT_THAT(absent.ToStatus().message(), HasSubstr("rules.x.codes: is required"));
}

TEST_F(AddOnConfigTest, LocalCodesTakeTheirSystem) {
  const Json root = Json::parse(R"({"areas": {"face": "face", "Neck": "neck"}})");
  CodeSet set = ReadLocalCodeSet(root, "", "areas", code_systems::kTreatmentArea, errors_);
  EXPECT_NE(set.Find(MakeCoding(code_systems::kTreatmentArea, "face")), nullptr);
  EXPECT_THAT(Problems(), HasSubstr("areas.Neck: key must be a local code"));
}

TEST_F(AddOnConfigTest, ATherapyIsReadWithItsDevices) {
  const Json root = Json::parse(R"({"therapy": {"code": "rf-microneedling",
      "display_name": "RF", "minutes": 15, "devices": {"rf-unit": "RF unit", "cooler": "x"},
      "record_product_lot": true}})");
  types::v1::Therapy therapy =
      ReadTherapy(root, "therapy", types::v1::THERAPY_KIND_ADD_ON, errors_);
  EXPECT_TRUE(errors_.empty()) << Problems();
  EXPECT_EQ(therapy.code().system(), code_systems::kProcedure);
  EXPECT_EQ(therapy.code().code(), "rf-microneedling");
  EXPECT_EQ(therapy.code().display(), "RF");
  EXPECT_EQ(therapy.kind(), types::v1::THERAPY_KIND_ADD_ON);
  EXPECT_EQ(therapy.minutes(), 15);
  ASSERT_EQ(therapy.requirements_size(), 2);
  EXPECT_EQ(therapy.requirements(0).device_kind(), "cooler");
  EXPECT_EQ(therapy.requirements(1).device_kind(), "rf-unit");
  EXPECT_TRUE(therapy.record_product_lot());
}

TEST_F(AddOnConfigTest, ATherapysProblemsAreNamed) {
  const Json root = Json::parse(R"({"therapy": {"code": "RF", "minutes": 700, "colour": 1}})");
  ReadTherapy(root, "therapy", types::v1::THERAPY_KIND_ADD_ON, errors_);
  EXPECT_THAT(Problems(), AllOf(HasSubstr("therapy: unknown key \"colour\""),
                                HasSubstr("therapy.code: \"RF\" must be a local code"),
                                HasSubstr("therapy.display_name: is required"),
                                HasSubstr("therapy.minutes: must be from 0 to 600, not 700")));
}

TEST_F(AddOnConfigTest, RulesAreReadInIdOrderAndDisabledOnesAreValidatedButLeftOut) {
  const Json root = Json::parse(R"({"rules": {
      "zeta": {"display": "Z", "outcome": "defer", "summary": "s", "detail": "d",
               "conditions": {"http://snomed.info/sct|1": "one"}},
      "alpha": {"display": "A", "outcome": "eligible_with_caution", "summary": "{therapy}: {evidence}",
                "detail": "d", "allergies": {"http://snomed.info/sct|2": "two"},
                "treatment_areas": {"face": "face"}},
      "off": {"enabled": false, "display": "O", "outcome": "refer", "summary": "s", "detail": "d",
              "medications": {"http://www.nlm.nih.gov/research/umls/rxnorm|3": "three"}}}})");
  std::vector<FindingRule> rules = ReadFindingRules(root, "rules", errors_);
  EXPECT_TRUE(errors_.empty()) << Problems();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].finding.rule_id, "alpha");
  EXPECT_EQ(rules[0].finding.indicator, types::v1::INDICATOR_WARNING) << "default for caution";
  EXPECT_EQ(rules[0].treatment_areas.size(), 1u);
  EXPECT_EQ(rules[1].finding.rule_id, "zeta");
  EXPECT_EQ(rules[1].finding.indicator, types::v1::INDICATOR_CRITICAL) << "default for defer";
}

TEST_F(AddOnConfigTest, ARulesProblemsAreNamed) {
  const Json root = Json::parse(R"({"rules": {
      "x": {"display": "X", "outcome": "fine", "indicator": "loud", "summary": "{patient}",
            "detail": "{evidence", "observations": {"http://loinc.org|777-3": "P"}},
      "Y": {}}})");
  ReadFindingRules(root, "rules", errors_);
  EXPECT_THAT(Problems(),
              AllOf(HasSubstr("rules.x.outcome: \"fine\" is not one of eligible, "
                              "eligible_with_caution, review_required"),
                    HasSubstr("rules.x.indicator: \"loud\" is not one of info, warning, critical"),
                    HasSubstr("rules.x.summary: unknown placeholder {patient} (known: {therapy}, "
                              "{evidence})"),
                    HasSubstr("rules.x.detail: has a \"{\" that is never closed"),
                    HasSubstr("rules.x: observations need exactly one of \"below\" and \"above\""),
                    HasSubstr("rules.Y: must be an object keyed by a local code")));
}

TEST_F(AddOnConfigTest, AftercareLinesHaveTheirWindows) {
  const Json root = Json::parse(R"({"aftercare": {
      "instructions": {
        "b-hours": {"text": "B", "from_hours": 2, "until_hours": 72, "indicator": "warning"},
        "a-evening": {"text": "A", "until_time": "19:30", "until_day_offset": 1},
        "c-healed": {"text": "C", "until_text": "until healed"},
        "d-off": {"enabled": false, "text": "D", "until_hours": 1}},
      "effects": {"heat": {"text": "H", "normal_course_hours": 72}}}})");
  AftercareLines lines = ReadAftercareLines(root, "aftercare", errors_);
  EXPECT_TRUE(errors_.empty()) << Problems();
  ASSERT_EQ(lines.instructions.size(), 3u);
  const auto& evening = lines.instructions[0];
  EXPECT_EQ(evening.id(), "a-evening");
  EXPECT_EQ(evening.indicator(), types::v1::INDICATOR_INFO);
  EXPECT_EQ(evening.from().offset_minutes(), 0);
  EXPECT_EQ(evening.until().local().minute_of_day(), 19 * 60 + 30);
  EXPECT_EQ(evening.until().local().day_offset(), 1);
  EXPECT_EQ(lines.instructions[1].from().offset_minutes(), 120);
  EXPECT_EQ(lines.instructions[1].until().offset_minutes(), 72 * 60);
  EXPECT_FALSE(lines.instructions[2].has_until());
  EXPECT_EQ(lines.instructions[2].until_text(), "until healed");
  ASSERT_EQ(lines.expected_effects.size(), 1u);
  EXPECT_EQ(lines.expected_effects[0].normal_course_hours(), 72);
}

TEST_F(AddOnConfigTest, AftercareProblemsAreNamed) {
  const Json root = Json::parse(R"({"aftercare": {"instructions": {
      "a": {"text": "A", "from_hours": 10, "until_hours": 5},
      "b": {"text": "B", "until_hours": 5, "until_text": "x"},
      "c": {"text": "C", "until_hours": 5, "until_day_offset": 1}}, "tips": {}}})");
  ReadAftercareLines(root, "aftercare", errors_);
  EXPECT_THAT(Problems(),
              AllOf(HasSubstr("aftercare: unknown key \"tips\""),
                    HasSubstr("aftercare.instructions.a.until_hours: must be from 11 to 8760"),
                    HasSubstr("aftercare.instructions.b: needs exactly one of until_hours"),
                    HasSubstr("aftercare.instructions.c.until_day_offset: goes with until_time")));
}

TEST_F(AddOnConfigTest, TriageRulesAreRead) {
  const Json root = Json::parse(R"({"triage": {
      "late": {"symptom": "redness", "after_hours": 72, "within_hours": 240,
               "level": "contact-clinic", "advice": "call"},
      "bad": {"symptom": "pain", "min_severity": "severe", "level": "urgent",
              "indicator": "warning", "advice": "now"}}})");
  std::vector<TriageRule> rules = ReadTriageRules(root, "triage", errors_);
  EXPECT_TRUE(errors_.empty()) << Problems();
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].rule_id, "bad");
  EXPECT_EQ(rules[0].min_severity, types::v1::SYMPTOM_SEVERITY_SEVERE);
  EXPECT_EQ(rules[0].indicator, types::v1::INDICATOR_WARNING) << "as configured";
  EXPECT_EQ(rules[1].after_hours, 72);
  EXPECT_EQ(rules[1].within_hours, 240);
  EXPECT_EQ(rules[1].indicator, types::v1::INDICATOR_WARNING) << "default for contact-clinic";
}

TEST_F(AddOnConfigTest, TriageProblemsAreNamed) {
  const Json root = Json::parse(R"({"triage": {
      "a": {"symptom": "Red Skin", "level": "soon", "min_severity": "awful"}}})");
  ReadTriageRules(root, "triage", errors_);
  EXPECT_THAT(Problems(), AllOf(HasSubstr("triage.a.symptom: must be a symptom code"),
                                HasSubstr("triage.a.level: \"soon\" is not one of expected"),
                                HasSubstr("triage.a.min_severity: \"awful\" is not one of mild"),
                                HasSubstr("triage.a.advice: is required")));
}

TEST(AddOnTextTest, TruncationCountsCodePointsAndEndsWithAnEllipsis) {
  EXPECT_EQ(TruncateUtf8("abc", 3), "abc");
  EXPECT_EQ(TruncateUtf8("abcd", 3), "ab\xE2\x80\xA6");
  EXPECT_EQ(TruncateUtf8("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3), "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
  EXPECT_EQ(CodePointCount("d\u00e9colletage"), 11u);
}

}  // namespace
}  // namespace needlework::addon
