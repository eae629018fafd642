// The screening plugin's default indicator of each outcome. (The outcome table itself is the
// contract's: tests/sdk/outcome_test.cc; the names and text helpers are the kit's:
// tests/sdk/config_names_test.cc.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugins/screening/config.h"

namespace needlework::screening {
namespace {

TEST(OutcomeTest, DefaultIndicatorFollowsTheOutcome) {
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_ELIGIBLE), types::v1::INDICATOR_INFO);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION), types::v1::INDICATOR_INFO);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_REVIEW_REQUIRED), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_CONSULT_REQUIRED), types::v1::INDICATOR_WARNING);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_DEFER), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_REFER), types::v1::INDICATOR_CRITICAL);
  EXPECT_EQ(DefaultIndicator(types::v1::OUTCOME_CONTRAINDICATED), types::v1::INDICATOR_CRITICAL);
}

}  // namespace
}  // namespace needlework::screening
