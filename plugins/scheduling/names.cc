#include "plugins/scheduling/names.h"

#include "needlework/kit/config_names.h"
#include "needlework/outcome.h"

namespace needlework::scheduling {
namespace {

const addon::NameTable<types::v1::Severity>& SeverityNames() {
  static const addon::NameTable<types::v1::Severity> names = {
      {"mild", types::v1::SEVERITY_MILD},
      {"moderate", types::v1::SEVERITY_MODERATE},
      {"severe", types::v1::SEVERITY_SEVERE}};
  return names;
}

const addon::NameTable<types::v1::PlanStatus>& PlanStatusNames() {
  static const addon::NameTable<types::v1::PlanStatus> names = {
      {"active", types::v1::PLAN_STATUS_ACTIVE},
      {"completed", types::v1::PLAN_STATUS_COMPLETED},
      {"cancelled", types::v1::PLAN_STATUS_CANCELLED}};
  return names;
}

}  // namespace

std::optional<types::v1::Severity> SeverityFromName(std::string_view name) {
  return addon::FindName(SeverityNames(), name);
}

std::string_view SeverityName(types::v1::Severity severity) {
  return addon::NameOf(SeverityNames(), severity, "unspecified");
}

std::optional<types::v1::Outcome> OutcomeFromName(std::string_view name) {
  if (name == "unspecified") return types::v1::OUTCOME_UNSPECIFIED;
  return needlework::OutcomeFromName(name);
}

std::string OutcomeName(types::v1::Outcome outcome) {
  if (outcome != types::v1::OUTCOME_UNSPECIFIED && OutcomeRank(outcome) == 0) {
    return "outcome " + std::to_string(static_cast<int>(outcome));
  }
  return std::string(needlework::OutcomeName(outcome));
}

std::string OutcomeNameList() { return "unspecified, " + addon::NameList(addon::OutcomeNames()); }

std::string_view PlanStatusName(types::v1::PlanStatus status) {
  return addon::NameOf(PlanStatusNames(), status, "unspecified");
}

}  // namespace needlework::scheduling
