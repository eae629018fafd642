// Screening outcomes and CDS Hooks indicators: their config names, their ranking and the
// default indicator of each outcome.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_OUTCOME_H_
#define NEEDLEWORK_PLUGINS_SCREENING_OUTCOME_H_

#include <optional>
#include <string>
#include <string_view>

#include "needlework/types/v1/clinical.pb.h"

namespace needlework::screening {

using types::v1::Indicator;
using types::v1::Outcome;

// How restrictive `outcome` is: 0 for OUTCOME_UNSPECIFIED, then 1 (ELIGIBLE) up to 7
// (CONTRAINDICATED), from an explicit table rather than the enum's numbers, so a value
// appended to the enum later cannot silently change the order.
int OutcomeRank(Outcome outcome);

// The more restrictive of `a` and `b` (`a` when they rank equal).
Outcome MostRestrictive(Outcome a, Outcome b);

// The outcome named `name` in config ("eligible", "eligible_with_caution",
// "review_required", "consult_required", "defer", "refer", "contraindicated"), or nullopt.
std::optional<Outcome> OutcomeFromName(std::string_view name);

// The config name of `outcome`; "unspecified" for anything without one.
std::string_view OutcomeName(Outcome outcome);

// Every outcome name, least restrictive first, comma-separated: for error messages.
std::string OutcomeNameList();

// The indicator named `name` in config ("info", "warning", "critical"), or nullopt.
std::optional<Indicator> IndicatorFromName(std::string_view name);

// The CDS Hooks indicator a finding with `outcome` gets unless its rule says otherwise:
// DEFER, REFER and CONTRAINDICATED are critical; REVIEW_REQUIRED and CONSULT_REQUIRED are
// warnings; ELIGIBLE and ELIGIBLE_WITH_CAUTION are info.
Indicator DefaultIndicator(Outcome outcome);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_OUTCOME_H_
