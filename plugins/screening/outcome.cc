#include "plugins/screening/outcome.h"

#include <array>

namespace needlework::screening {
namespace {

struct OutcomeEntry {
  Outcome outcome;
  std::string_view name;
  Indicator indicator;
};

// Least restrictive first: an outcome's rank is its position here plus one. This table,
// not the enum numbering, is the order (see clinical.proto).
constexpr std::array<OutcomeEntry, 7> kOutcomes = {{
    {types::v1::OUTCOME_ELIGIBLE, "eligible", types::v1::INDICATOR_INFO},
    {types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION, "eligible_with_caution", types::v1::INDICATOR_INFO},
    {types::v1::OUTCOME_REVIEW_REQUIRED, "review_required", types::v1::INDICATOR_WARNING},
    {types::v1::OUTCOME_CONSULT_REQUIRED, "consult_required", types::v1::INDICATOR_WARNING},
    {types::v1::OUTCOME_DEFER, "defer", types::v1::INDICATOR_CRITICAL},
    {types::v1::OUTCOME_REFER, "refer", types::v1::INDICATOR_CRITICAL},
    {types::v1::OUTCOME_CONTRAINDICATED, "contraindicated", types::v1::INDICATOR_CRITICAL},
}};

struct IndicatorEntry {
  Indicator indicator;
  std::string_view name;
};

constexpr std::array<IndicatorEntry, 3> kIndicators = {{
    {types::v1::INDICATOR_INFO, "info"},
    {types::v1::INDICATOR_WARNING, "warning"},
    {types::v1::INDICATOR_CRITICAL, "critical"},
}};

}  // namespace

int OutcomeRank(Outcome outcome) {
  for (size_t i = 0; i < kOutcomes.size(); ++i) {
    if (kOutcomes[i].outcome == outcome) return static_cast<int>(i) + 1;
  }
  return 0;
}

Outcome MostRestrictive(Outcome a, Outcome b) { return OutcomeRank(b) > OutcomeRank(a) ? b : a; }

std::optional<Outcome> OutcomeFromName(std::string_view name) {
  for (const OutcomeEntry& entry : kOutcomes) {
    if (entry.name == name) return entry.outcome;
  }
  return std::nullopt;
}

std::string_view OutcomeName(Outcome outcome) {
  for (const OutcomeEntry& entry : kOutcomes) {
    if (entry.outcome == outcome) return entry.name;
  }
  return "unspecified";
}

std::string OutcomeNameList() {
  std::string list;
  for (const OutcomeEntry& entry : kOutcomes) {
    if (!list.empty()) list += ", ";
    list += entry.name;
  }
  return list;
}

std::optional<Indicator> IndicatorFromName(std::string_view name) {
  for (const IndicatorEntry& entry : kIndicators) {
    if (entry.name == name) return entry.indicator;
  }
  return std::nullopt;
}

Indicator DefaultIndicator(Outcome outcome) {
  for (const OutcomeEntry& entry : kOutcomes) {
    if (entry.outcome == outcome) return entry.indicator;
  }
  return types::v1::INDICATOR_CRITICAL;  // an unknown outcome is treated as the worst
}

}  // namespace needlework::screening
