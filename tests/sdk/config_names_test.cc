// The kit's config names (needlework/kit/config_names.h): the outcome and indicator names a
// config uses, and the text helpers for finding texts.
#include "needlework/kit/config_names.h"

#include <gtest/gtest.h>

namespace needlework::addon {
namespace {

TEST(ConfigNamesTest, OutcomeNamesAreTheContractsLeastRestrictiveFirst) {
  EXPECT_EQ(NameList(OutcomeNames()),
            "eligible, eligible_with_caution, review_required, consult_required, defer, refer, "
            "contraindicated");
  for (const auto& [name, outcome] : OutcomeNames()) EXPECT_EQ(OutcomeName(outcome), name);
}

TEST(ConfigNamesTest, IndicatorNames) {
  EXPECT_EQ(NameList(IndicatorNames()), "info, warning, critical");
  EXPECT_EQ(IndicatorNames()[0].second, types::v1::INDICATOR_INFO);
  EXPECT_EQ(IndicatorNames()[1].second, types::v1::INDICATOR_WARNING);
  EXPECT_EQ(IndicatorNames()[2].second, types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(FindName(IndicatorNames(), "warning"), types::v1::INDICATOR_WARNING);
  EXPECT_FALSE(FindName(IndicatorNames(), "hard-stop").has_value());
  EXPECT_EQ(NameOf(IndicatorNames(), types::v1::INDICATOR_CRITICAL, "?"), "critical");
  EXPECT_EQ(NameOf(IndicatorNames(), types::v1::INDICATOR_UNSPECIFIED, "?"), "?");
}

TEST(TextTest, CodePointCountCountsCodePoints) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("d\xC3\xA9"
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
}  // namespace needlework::addon
