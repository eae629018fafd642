#include "plugins/scheduling/names.h"

#include <array>

namespace needlework::scheduling {
namespace {

template <typename Enum>
struct Named {
  Enum value;
  std::string_view name;
};

constexpr std::array<Named<types::v1::Severity>, 3> kSeverities = {{
    {types::v1::SEVERITY_MILD, "mild"},
    {types::v1::SEVERITY_MODERATE, "moderate"},
    {types::v1::SEVERITY_SEVERE, "severe"},
}};

// Least restrictive first, as in the screening plugin's outcome table.
constexpr std::array<Named<types::v1::Outcome>, 8> kOutcomes = {{
    {types::v1::OUTCOME_UNSPECIFIED, "unspecified"},
    {types::v1::OUTCOME_ELIGIBLE, "eligible"},
    {types::v1::OUTCOME_ELIGIBLE_WITH_CAUTION, "eligible_with_caution"},
    {types::v1::OUTCOME_REVIEW_REQUIRED, "review_required"},
    {types::v1::OUTCOME_CONSULT_REQUIRED, "consult_required"},
    {types::v1::OUTCOME_DEFER, "defer"},
    {types::v1::OUTCOME_REFER, "refer"},
    {types::v1::OUTCOME_CONTRAINDICATED, "contraindicated"},
}};

constexpr std::array<Named<types::v1::PlanStatus>, 3> kPlanStatuses = {{
    {types::v1::PLAN_STATUS_ACTIVE, "active"},
    {types::v1::PLAN_STATUS_COMPLETED, "completed"},
    {types::v1::PLAN_STATUS_CANCELLED, "cancelled"},
}};

template <typename Enum, size_t N>
std::optional<Enum> Find(const std::array<Named<Enum>, N>& table, std::string_view name) {
  for (const Named<Enum>& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

template <typename Enum, size_t N>
std::optional<std::string_view> NameIn(const std::array<Named<Enum>, N>& table, Enum value) {
  for (const Named<Enum>& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return std::nullopt;
}

}  // namespace

std::optional<types::v1::Severity> SeverityFromName(std::string_view name) {
  return Find(kSeverities, name);
}

std::string_view SeverityName(types::v1::Severity severity) {
  return NameIn(kSeverities, severity).value_or("unspecified");
}

std::optional<types::v1::Outcome> OutcomeFromName(std::string_view name) {
  return Find(kOutcomes, name);
}

std::string OutcomeName(types::v1::Outcome outcome) {
  std::optional<std::string_view> name = NameIn(kOutcomes, outcome);
  return name ? std::string(*name) : "outcome " + std::to_string(static_cast<int>(outcome));
}

std::string OutcomeNameList() {
  std::string list;
  for (const Named<types::v1::Outcome>& entry : kOutcomes) {
    if (!list.empty()) list += ", ";
    list += entry.name;
  }
  return list;
}

std::string_view PlanStatusName(types::v1::PlanStatus status) {
  return NameIn(kPlanStatuses, status).value_or("unspecified");
}

}  // namespace needlework::scheduling
