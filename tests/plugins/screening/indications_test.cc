// Requested concerns: listed indications, concerns outside the list, and the edge cases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "needlework/code_systems.h"
#include "needlework/kit/config_names.h"
#include "plugins/screening/screen.h"
#include "plugins/screening/test_support.h"

namespace needlework::screening {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using namespace needlework::screening::testing;  // NOLINT(build/namespaces)

struct IndicationRow {
  std::string code;
  std::string display;  // as the default config names it
};

void PrintTo(const IndicationRow& row, std::ostream* os) { *os << row.code; }

class IndicationTest : public ::testing::TestWithParam<IndicationRow> {};

TEST_P(IndicationTest, ListedConcernIsAnInfoFindingAndEligible) {
  ScreenRequest request;
  *request.add_concerns() = Concern(GetParam().code);
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);

  ASSERT_THAT(response.findings(), SizeIs(1));
  const Finding& finding = response.findings(0);
  EXPECT_EQ(finding.rule_id(), "indication");
  EXPECT_EQ(finding.code().system(), code_systems::kScreeningRule);
  EXPECT_EQ(finding.code().code(), "indication");
  EXPECT_EQ(finding.outcome(), types::v1::OUTCOME_ELIGIBLE);
  EXPECT_EQ(finding.indicator(), types::v1::INDICATOR_INFO);
  EXPECT_EQ(finding.summary(), "Indication: " + GetParam().display);
  EXPECT_THAT(finding.detail(), HasSubstr(GetParam().display));
  ASSERT_THAT(finding.evidence(), SizeIs(1));
  EXPECT_EQ(finding.evidence(0).code().system(), code_systems::kConcern);
  EXPECT_EQ(finding.evidence(0).code().code(), GetParam().code);
  EXPECT_EQ(finding.evidence(0).code().display(), GetParam().display);
  EXPECT_EQ(finding.evidence(0).description(), "requested concern");
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
}

INSTANTIATE_TEST_SUITE_P(DomainBrief, IndicationTest,
                         ::testing::Values(IndicationRow{"fine-lines", "Fine lines and wrinkles"},
                                           IndicationRow{"acne-scars", "Acne scars"},
                                           IndicationRow{"surgical-scars", "Surgical scars"},
                                           IndicationRow{"uneven-texture", "Uneven skin texture"},
                                           IndicationRow{"uneven-tone", "Uneven skin tone"},
                                           IndicationRow{"enlarged-pores", "Enlarged pores"},
                                           IndicationRow{"stretch-marks", "Stretch marks"},
                                           IndicationRow{"sun-damage", "Sun damage"},
                                           IndicationRow{"hyperpigmentation", "Hyperpigmentation"},
                                           IndicationRow{"melasma", "Melasma"},
                                           IndicationRow{"skin-laxity",
                                                         "Mild to moderate skin laxity"}),
                         [](const ::testing::TestParamInfo<IndicationRow>& param_info) {
                           std::string name = param_info.param.code;
                           for (char& c : name) c = (c == '-') ? '_' : c;
                           return name;
                         });

TEST(ConcernTest, DefaultConfigListsExactlyTheElevenIndications) {
  EXPECT_EQ(CompileOrDie().indications.size(), 11u);
}

TEST(ConcernTest, UnlistedConcernIsAWarningAndNeedsReview) {
  ScreenRequest request;
  *request.add_concerns() = Concern("tattoo-removal", "Tattoo removal");
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);

  ASSERT_THAT(response.findings(), SizeIs(1));
  const Finding& finding = response.findings(0);
  EXPECT_EQ(finding.rule_id(), "not-an-indication");
  EXPECT_EQ(finding.outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
  EXPECT_EQ(finding.indicator(), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(finding.summary(), "Tattoo removal: not a listed indication for microneedling");
  EXPECT_EQ(finding.evidence(0).code().code(), "tattoo-removal");
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
}

// Keloid tendency is a reason for a consult (the keloid-tendency rule), so keloid scars are
// not offered as a plain indication: a request for them needs a clinician's review.
TEST(ConcernTest, KeloidScarsAreNotAPlainIndication) {
  ScreenRequest request;
  *request.add_concerns() = Concern("keloid-scars", "Keloid scars");
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).rule_id(), "not-an-indication");
  EXPECT_EQ(response.findings(0).summary(),
            "Keloid scars: not a listed indication for microneedling");
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_REVIEW_REQUIRED);
}

TEST(ConcernTest, UnlistedConcernWithoutDisplayIsNamedByItsCode) {
  ScreenRequest request;
  *request.add_concerns() = Snomed("402714005");
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).summary(), "402714005: not a listed indication for microneedling");
}

TEST(ConcernTest, NoConcernsNoIndicationFinding) {
  ScreenRequest request;
  AddCondition(request, Snomed("44054006"), types::v1::CONDITION_STATUS_ACTIVE, "Condition/1");
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);
  EXPECT_THAT(response.findings(), IsEmpty());
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
}

TEST(ConcernTest, ARepeatedConcernGivesOneFinding) {
  ScreenRequest request;
  *request.add_concerns() = Concern("melasma");
  *request.add_concerns() = Concern("melasma", "Melasma");
  *request.add_concerns() = Concern("acne-scars");
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);
  ASSERT_THAT(response.findings(), SizeIs(2));
  EXPECT_EQ(response.findings(0).summary(), "Indication: Melasma");
  EXPECT_EQ(response.findings(1).summary(), "Indication: Acne scars");
}

TEST(ConcernTest, LongConcernNameIsCutToFitTheSummary) {
  ScreenRequest request;
  *request.add_concerns() = Concern("x", std::string(200, 'a') + "\xC3\xA9");
  ScreenResponse response = ScreenOrDie(CompileOrDie(), request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(addon::CodePointCount(response.findings(0).summary()), 139u);
  EXPECT_THAT(response.findings(0).summary(), ::testing::EndsWith("\xE2\x80\xA6"));
}

TEST(ConcernTest, ConcernWithoutCodeIsRefused) {
  ScreenRequest request;
  *request.add_concerns() = Concern("acne-scars");
  request.add_concerns()->set_display("wrinkles");
  ScreenResponse response;
  EXPECT_THAT(ScreenPatient(CompileOrDie(), request, &response),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("concerns[1]")));
}

TEST(ConcernTest, ClinicCanSwitchOffTheNotAnIndicationFinding) {
  RuleSet rules = CompileOrDie(
      Json::parse(R"({"concern_findings": {"not-an-indication": {"enabled": false}}})"));
  ScreenRequest request;
  *request.add_concerns() = Concern("tattoo-removal");
  ScreenResponse response = ScreenOrDie(rules, request);
  EXPECT_THAT(response.findings(), IsEmpty());
  EXPECT_EQ(response.outcome(), types::v1::OUTCOME_ELIGIBLE);
}

TEST(ConcernTest, ClinicCanListASnomedConcernAsAnIndication) {
  RuleSet rules = CompileOrDie(
      Json::parse(R"({"indications": {"http://snomed.info/sct|123": "Atrophic scar"}})"));
  ScreenRequest request;
  *request.add_concerns() = Snomed("123");
  ScreenResponse response = ScreenOrDie(rules, request);
  ASSERT_THAT(response.findings(), SizeIs(1));
  EXPECT_EQ(response.findings(0).summary(), "Indication: Atrophic scar");
}

}  // namespace
}  // namespace needlework::screening
