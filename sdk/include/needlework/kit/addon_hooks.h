// Serving the screen, aftercare and triage hooks for an add-on therapy from rules read with
// addon_config.h and aftercare_config.h. The host consults an add-on plugin only when one of
// its add-ons is part of the treatment; these helpers also act only on the add-ons present,
// so a plugin answers an empty (OK) response for a request without its add-ons.
// Header-only; every function is pure and safe to call from many threads.
#ifndef NEEDLEWORK_KIT_ADDON_HOOKS_H_
#define NEEDLEWORK_KIT_ADDON_HOOKS_H_

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "needlework/code_systems.h"
#include "needlework/kit/addon_config.h"
#include "needlework/kit/aftercare_config.h"
#include "needlework/kit/fact_match.h"
#include "needlework/outcome.h"
#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/status.h"

namespace needlework::addon {

// True when one of `add_ons` is `therapy` (system and code).
inline bool HasAddOn(const Codings& add_ons, const types::v1::Coding& therapy) {
  for (const auto& add_on : add_ons) {
    if (add_on.system() == therapy.system() && add_on.code() == therapy.code()) return true;
  }
  return false;
}

// The distinct names of `matches`, in order, ", "-joined: "apixaban, aspirin".
inline std::string EvidenceNames(const std::vector<FactMatch>& matches) {
  std::vector<std::string> names;
  std::string joined;
  for (const FactMatch& match : matches) {
    if (std::find(names.begin(), names.end(), match.name) != names.end()) continue;
    names.push_back(match.name);
    joined.append(joined.empty() ? "" : ", ").append(match.name);
  }
  return joined;
}

// Appends to `response` one finding of `spec` about `therapy`: rule_id, code
// {kScreeningRule, rule_id, display}, outcome, indicator, summary and detail with
// {therapy} = therapy.display_name() and {evidence} = EvidenceNames(matches) (the summary
// cut to kMaxSummaryLength), every match as evidence, and applies_to = therapy.code(). The
// response's outcome becomes the more restrictive of its own and the finding's.
inline void AddFinding(const FindingSpec& spec, const types::v1::Therapy& therapy,
                       const std::vector<FactMatch>& matches,
                       plugin::v1::ScreenResponse* response) {
  types::v1::Finding* finding = response->add_findings();
  finding->set_rule_id(spec.rule_id);
  finding->mutable_code()->set_system(std::string(code_systems::kScreeningRule));
  finding->mutable_code()->set_code(spec.rule_id);
  finding->mutable_code()->set_display(spec.display);
  finding->set_outcome(spec.outcome);
  finding->set_indicator(spec.indicator);
  auto fill = [&](const std::string& text) {
    return ReplaceAll(ReplaceAll(text, kTherapyPlaceholder, therapy.display_name()),
                      kEvidencePlaceholder, EvidenceNames(matches));
  };
  finding->set_summary(TruncateUtf8(fill(spec.summary), kMaxSummaryLength));
  finding->set_detail(fill(spec.detail));
  for (const FactMatch& match : matches) *finding->add_evidence() = match.evidence;
  *finding->mutable_applies_to() = therapy.code();
  response->set_outcome(MostRestrictive(response->outcome(), spec.outcome));
}

// True when `rule` speaks for a session on `areas`: it names no areas, the request names
// none (unknown areas: the caution stands), or one of `areas` is among the rule's.
inline bool CoversAreas(const FindingRule& rule, const Codings& areas) {
  return rule.treatment_areas.empty() || areas.empty() ||
         rule.treatment_areas.FirstIn(areas) != nullptr;
}

// Adds a finding about `therapy` for each of `rules` that covers the request's areas and
// matches some fact of its patient. The caller checks that `therapy` is planned.
inline void ScreenRules(const std::vector<FindingRule>& rules, const types::v1::Therapy& therapy,
                        const plugin::v1::ScreenRequest& request,
                        plugin::v1::ScreenResponse* response) {
  for (const FindingRule& rule : rules) {
    if (!CoversAreas(rule, request.treatment_areas())) continue;
    std::vector<FactMatch> matches =
        MatchFacts(rule.criteria, request.patient(), request.as_of_date());
    if (!matches.empty()) AddFinding(rule.finding, therapy, matches, response);
  }
}

// Appends every line of `lines` to `response`.
inline void AppendAftercare(const AftercareLines& lines, plugin::v1::AftercareResponse* response) {
  for (const auto& line : lines.instructions) *response->add_instructions() = line;
  for (const auto& effect : lines.expected_effects) *response->add_expected_effects() = effect;
}

// INVALID_ARGUMENT unless days_since_session is a number >= 0.
inline Status CheckTriageRequest(const plugin::v1::TriageRequest& request) {
  const double days = request.days_since_session();
  if (std::isfinite(days) && days >= 0) return OkStatus();
  std::ostringstream shown;
  shown << days;
  return InvalidArgumentError("days_since_session must be 0 or more, not " + shown.str());
}

// True when `rule` speaks for the reported symptom at its time and severity.
inline bool TriageRuleMatches(const TriageRule& rule, const plugin::v1::TriageRequest& request) {
  const double hours = request.days_since_session() * 24;
  const auto& symptom = request.symptom();
  if (symptom.code() != rule.symptom) return false;
  if (!symptom.system().empty() && symptom.system() != code_systems::kSymptom) return false;
  if (rule.within_hours && hours > *rule.within_hours) return false;
  if (rule.after_hours && hours <= *rule.after_hours) return false;
  return request.severity() >= rule.min_severity;
}

// Answers with the most urgent of `rules` that matches the request (the first such in
// order on a tie): its level, advice, indicator and rule_id. No rule matches: level
// TRIAGE_LEVEL_UNSPECIFIED, "no opinion", and nothing else set.
inline void DecideTriage(const std::vector<TriageRule>& rules,
                         const plugin::v1::TriageRequest& request,
                         plugin::v1::TriageResponse* response) {
  const TriageRule* decided = nullptr;
  for (const TriageRule& rule : rules) {
    if (!TriageRuleMatches(rule, request)) continue;
    // TriageLevel is numbered by urgency (aftercare.proto): EXPECTED 1 ... URGENT 4.
    if (decided == nullptr || rule.level > decided->level) decided = &rule;
  }
  if (decided == nullptr) return;
  response->set_level(decided->level);
  response->set_advice(decided->advice);
  response->set_indicator(decided->indicator);
  response->set_rule_id(decided->rule_id);
}

}  // namespace needlework::addon

#endif  // NEEDLEWORK_KIT_ADDON_HOOKS_H_
