// The contract's outcome table (needlework/outcome.h): the ranking every fail-closed merge
// uses, and the outcome names.
#include "needlework/outcome.h"

#include <gtest/gtest.h>

namespace needlework {
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
  static_assert(MostRestrictive(types::v1::OUTCOME_REFER, types::v1::OUTCOME_DEFER) ==
                types::v1::OUTCOME_REFER);
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
  EXPECT_FALSE(OutcomeFromName("unspecified").has_value());
  EXPECT_EQ(OutcomeName(types::v1::OUTCOME_UNSPECIFIED), "unspecified");
}

}  // namespace
}  // namespace needlework
