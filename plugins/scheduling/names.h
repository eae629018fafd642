// The names the scheduling config and its messages use for severities, screening outcomes
// and plan statuses. Explicit tables, never the enums' numbers or generated names.
#ifndef NEEDLEWORK_PLUGINS_SCHEDULING_NAMES_H_
#define NEEDLEWORK_PLUGINS_SCHEDULING_NAMES_H_

#include <optional>
#include <string>
#include <string_view>

#include "needlework/types/v1/clinical.pb.h"
#include "needlework/types/v1/scheduling.pb.h"

namespace needlework::scheduling {

// "mild", "moderate", "severe"; nullopt for anything else.
std::optional<types::v1::Severity> SeverityFromName(std::string_view name);
// The config name of MILD, MODERATE or SEVERE; "unspecified" otherwise.
std::string_view SeverityName(types::v1::Severity severity);

// The contract's outcome names (needlework/outcome.h: "eligible", ..., "contraindicated")
// plus "unspecified" for OUTCOME_UNSPECIFIED; nullopt for anything else.
std::optional<types::v1::Outcome> OutcomeFromName(std::string_view name);
// The name of `outcome`; for a number no table row has, "outcome <number>".
std::string OutcomeName(types::v1::Outcome outcome);
// "unspecified" and every outcome name, least restrictive first, comma-separated: for
// error messages.
std::string OutcomeNameList();

// "active", "completed", "cancelled"; "unspecified" for anything else.
std::string_view PlanStatusName(types::v1::PlanStatus status);

}  // namespace needlework::scheduling

#endif  // NEEDLEWORK_PLUGINS_SCHEDULING_NAMES_H_
