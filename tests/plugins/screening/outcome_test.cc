// The outcome rank table, outcome and indicator names, and the text helpers.
#include "plugins/screening/outcome.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/screening/text.h"

namespace needlework::screening {
namespace {

using types::v1::Outcome;

TEST(OutcomeTest, RankFollowsTheDomainOrderNotTheEnumNumbers) {
  const Outcome order[] = {types::v1::OUTCOME_UNSPECIFIED,
                           types::v1::OUTCOME_ELIGIBLE,
                           types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION,
                           types::v1::OUTCOME_REVIEW_REQUIRED,
                           types::v1::OUTCOME_CONSULT_REQUIRED,
                           types::v1::OUTCOME_DEFER,
                           types::v1::OUTCOME_REFER,
                           types::v1::OUTCOME_CONTRAINDICATED};
  for (int i = 0; i < 8; ++i) EXPECT_EQ(OutcomeRank(order[i]), i) << Outcome_Name(order[i]);
  EXPECT_EQ(OutcomeRank(static_cast<Outcome>(42)), 0);
}

TEST(OutcomeTest, MostRestrictivePicksTheHigherRank) {
  EXPECT_EQ(MostRestrictive(types::v1::OUTCOME_DEFER, types::v1::OUTCOME_REFER),
            types::v1::OUTCOME_REFER);
  EXPECT_EQ(MostRestrictive(types::v1::OUTCOME_CONTRAINDICATED, types::v1::OUTCOME_ELIGIBLE),
            types::v1::OUTCOME_CONTRAINDICATED);
  EXPECT_EQ(MostRestrictive(types::v1::OUTCOME_UNSPECIFIED, types::v1::OUTCOME_ELIGIBLE),
            types::v1::OUTCOME_ELIGIBLE);
}

TEST(OutcomeTest, NamesRoundTrip) {
  for (const char* name : {"eligible", "eligible_with_caution", "review_required",
                           "consult_required", "defer", "refer", "contraindicated"}) {
    std::optional<Outcome> outcome = OutcomeFromName(name);
    ASSERT_TRUE(outcome.has_value()) << name;
    EXPECT_EQ(OutcomeName(*outcome), name);
  }
  EXPECT_FALSE(OutcomeFromName("DEFER").has_value());
  EXPECT_FALSE(OutcomeFromName("").has_value());
  EXPECT_EQ(OutcomeNameList(),
            "eligible, eligible_with_caution, review_required, consult_required, defer, refer, "
            "contraindicated");
}

TEST(OutcomeTest, DefaultIndicatorFollowsTheOutcome) {
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_ELIGIBLE), types::v1::INDICATOR_INFO);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION), types::v1::INDICATOR_INFO);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_REVIEW_REQUIRED), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_CONSULT_REQUIRED), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_DEFER), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_REFER), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_CONTRAINDICATED), types::v1::INDICATOR_CRITICAL);
}

TEST(OutcomeTest, IndicatorNames) {
  EXPECT_EQ(IndicatorFromName("info"), types::v1::INDICATOR_INFO);
  EXPECT_EQ(IndicatorFromName("warning"), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(IndicatorFromName("critical"), types::v1::INDICATOR_CRITICAL);
  EXPECT_FALSE(IndicatorFromName("hard-stop").has_value());
}

TEST(TextTest, Utf8LengthCountsCodePoints) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("d\xC3\xA9"
                       "collet\xC3\xA9"
                       "e"),
            10u);
}

TEST(TextTest, ReplaceAllReplacesEveryPlaceholder) {
  EXPECT_EQ(ReplaceAll("{c} and {c}", "{c}", "scars"), "scars and scars");
  EXPECT_EQ(ReplaceAll("none", "{c}", "x"), "none");
}

TEST(TextTest, TruncateKeepsWholeCharactersAndMarksTheCut) {
  EXPECT_EQ(TruncateUtf8("short", 10), "short");
  EXPECT_EQ(TruncateUtf8("abcdef", 4), "abc\xE2\x80\xA6");
  EXPECT_EQ(TruncateUtf8("\xC3\xA9\xC3\xA9\xC3\xA9", 2), "\xC3\xA9\xE2\x80\xA6");
}

}  // namespace
}  // namespace needlework::screening
