// The screening itself: a compiled RuleSet applied to one ScreenRequest.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_SCREEN_H_
#define NEEDLEWORK_PLUGINS_SCREENING_SCREEN_H_

#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/status.h"
#include "plugins/screening/rule_set.h"

namespace needlework::screening {

// Screens `request` against `rules` and fills `response` (which the caller owns and passes
// empty):
//  - one finding per enabled rule that matches at least one active fact of the patient,
//    with one Evidence per matching fact (see fact_matching.h), when the rule covers the
//    request's treatment areas: it names none, the request names none (where is unknown,
//    so the rule stands), or they share one;
//  - one finding per chart entry no rule can read (see unrecognised.h);
//  - one finding per distinct requested concern: "indication" when the concern is in
//    rules.indications, else "not-an-indication" (unless the config switches it off);
//  - findings ordered most restrictive first; at equal rank, rule findings by rule id,
//    then unrecognised-entry findings, then concern findings in request order;
//  - response outcome = the most restrictive finding outcome, or ELIGIBLE with none.
// Findings leave source_plugin empty: the host sets it. Reads `rules` only, so any number
// of threads may screen with the same RuleSet at once.
// Returns INVALID_ARGUMENT, leaving `response` unspecified, when a concern lacks a code.
Status ScreenPatient(const RuleSet& rules, const plugin::v1::ScreenRequest& request,
                     plugin::v1::ScreenResponse* response);

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_SCREEN_H_
