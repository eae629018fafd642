// Screening outcomes: their order from least to most restrictive and their names. Part of
// the contract: the host's fail-closed merge and every plugin rank outcomes with this one
// table. Header-only; uses only the standard library and the generated clinical types.
//
//   rank  name                    outcome
//   0     "unspecified"           OUTCOME_UNSPECIFIED (and any value not listed here)
//   1     "eligible"              OUTCOME_ELIGIBLE
//   2     "eligible_with_caution" OUTCOME_ELIGIBLE_WITH_CAUTION
//   3     "review_required"       OUTCOME_REVIEW_REQUIRED
//   4     "consult_required"      OUTCOME_CONSULT_REQUIRED
//   5     "defer"                 OUTCOME_DEFER
//   6     "refer"                 OUTCOME_REFER
//   7     "contraindicated"       OUTCOME_CONTRAINDICATED
//
// The order is this table's, not the enum's numbers: a value appended to the enum later
// cannot silently change it. Every function is pure and safe to call from many threads.
#ifndef NEEDLEWORK_OUTCOME_H_
#define NEEDLEWORK_OUTCOME_H_

#include <array>
#include <optional>
#include <string_view>

#include "needlework/types/v1/clinical.pb.h"

namespace needlework {

// One named outcome.
struct NamedOutcome {
  types::v1::Outcome outcome;
  std::string_view name;  // its name in config and in messages
};

// Every outcome with a name, least restrictive first: an outcome's rank is its index + 1.
inline constexpr std::array<NamedOutcome, 7> kOutcomes = {{
    {types::v1::OUTCOME_ELIGIBLE, "eligible"},
    {types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION, "eligible_with_caution"},
    {types::v1::OUTCOME_REVIEW_REQUIRED, "review_required"},
    {types::v1::OUTCOME_CONSULT_REQUIRED, "consult_required"},
    {types::v1::OUTCOME_DEFER, "defer"},
    {types::v1::OUTCOME_REFER, "refer"},
    {types::v1::OUTCOME_CONTRAINDICATED, "contraindicated"},
}};

// How restrictive `outcome` is: 0 for OUTCOME_UNSPECIFIED and any unlisted value, then 1
// (ELIGIBLE) up to 7 (CONTRAINDICATED).
constexpr int OutcomeRank(types::v1::Outcome outcome) {
  for (size_t i = 0; i < kOutcomes.size(); ++i) {
    if (kOutcomes[i].outcome == outcome) return static_cast<int>(i) + 1;
  }
  return 0;
}

// The more restrictive of `a` and `b` (`a` when they rank equal).
constexpr types::v1::Outcome MostRestrictive(types::v1::Outcome a, types::v1::Outcome b) {
  return OutcomeRank(b) > OutcomeRank(a) ? b : a;
}

// The name of `outcome` (see the table above); "unspecified" for anything without one.
constexpr std::string_view OutcomeName(types::v1::Outcome outcome) {
  for (const NamedOutcome& entry : kOutcomes) {
    if (entry.outcome == outcome) return entry.name;
  }
  return "unspecified";
}

// The outcome called `name` (exact, lower-case), or nullopt; "unspecified" is not a name
// one can choose.
constexpr std::optional<types::v1::Outcome> OutcomeFromName(std::string_view name) {
  for (const NamedOutcome& entry : kOutcomes) {
    if (entry.name == name) return entry.outcome;
  }
  return std::nullopt;
}

}  // namespace needlework

#endif  // NEEDLEWORK_OUTCOME_H_
