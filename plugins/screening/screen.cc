#include "plugins/screening/screen.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "needlework/code_systems.h"
#include "needlework/kit/config_names.h"
#include "needlework/outcome.h"
#include "plugins/screening/fact_matching.h"
#include "plugins/screening/new_finding.h"
#include "plugins/screening/unrecognised.h"

namespace needlework::screening {
namespace {

using addon::FindingSpec;
using google::protobuf::RepeatedPtrField;
using types::v1::Coding;
using types::v1::Finding;

// A concern finding: {concern} in its texts replaced by `concern`; the summary is cut to
// kMaxSummaryLength when a long concern name makes it longer.
Finding NewConcernFinding(const FindingSpec& spec, const Coding& concern,
                          const std::string& concern_name) {
  Finding finding = NewFinding(spec);
  finding.set_summary(
      addon::TruncateUtf8(addon::ReplaceAll(spec.summary, kConcernPlaceholder, concern_name),
                          addon::kMaxSummaryLength));
  finding.set_detail(addon::ReplaceAll(spec.detail, kConcernPlaceholder, concern_name));
  types::v1::Evidence* evidence = finding.add_evidence();
  *evidence->mutable_code() = concern;
  if (concern.display().empty()) evidence->mutable_code()->set_display(concern_name);
  evidence->set_description("requested concern");
  return finding;
}

Status CheckConcerns(const RepeatedPtrField<Coding>& concerns) {
  for (int i = 0; i < concerns.size(); ++i) {
    if (concerns[i].system().empty() || concerns[i].code().empty()) {
      return InvalidArgumentError("concerns[" + std::to_string(i) +
                                  "]: a concern needs both system and code");
    }
  }
  return OkStatus();
}

// Whether `rule` speaks for a session on `areas`: it names no areas, the request names none
// (where is unknown: the rule stands), or one of `areas` is among the rule's.
bool CoversAreas(const Rule& rule, const RepeatedPtrField<Coding>& areas) {
  return rule.treatment_areas.empty() || areas.empty() ||
         rule.treatment_areas.FirstIn(areas) != nullptr;
}

// Evidence first, texts only for the rules that fire: most rules do not, and a finding's
// texts are most of its bytes.
void AddRuleFindings(const RuleSet& rules, const plugin::v1::ScreenRequest& request,
                     std::vector<Finding>* findings) {
  for (const Rule& rule : rules.rules) {
    if (!CoversAreas(rule, request.treatment_areas())) continue;
    Finding evidence;
    CollectEvidence(rule, request.patient(), request.as_of_date(), &evidence);
    if (evidence.evidence_size() == 0) continue;
    Finding finding = NewFinding(rule.finding);
    finding.mutable_evidence()->Swap(evidence.mutable_evidence());
    findings->push_back(std::move(finding));
  }
}

// One finding per distinct concern (by system and code), in request order.
void AddConcernFindings(const RuleSet& rules, const RepeatedPtrField<Coding>& concerns,
                        std::vector<Finding>* findings) {
  std::vector<std::string> seen;
  for (const Coding& concern : concerns) {
    std::string key = addon::CodeKey(concern);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    const std::string* listed = rules.indications.Find(concern);
    const std::optional<FindingSpec>& spec = listed ? rules.indication : rules.not_an_indication;
    if (!spec) continue;
    const std::string& name = listed                      ? *listed
                              : concern.display().empty() ? concern.code()
                                                          : concern.display();
    findings->push_back(NewConcernFinding(*spec, concern, name));
  }
}

}  // namespace

Status ScreenPatient(const RuleSet& rules, const plugin::v1::ScreenRequest& request,
                     plugin::v1::ScreenResponse* response) {
  NW_RETURN_IF_ERROR(CheckConcerns(request.concerns()));
  std::vector<Finding> findings;
  AddRuleFindings(rules, request, &findings);
  AddUnrecognisedFindings(rules, request.patient(), &findings);
  AddConcernFindings(rules, request.concerns(), &findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return OutcomeRank(a.outcome()) > OutcomeRank(b.outcome());
  });
  types::v1::Outcome outcome = types::v1::OUTCOME_ELIGIBLE;
  for (Finding& finding : findings) {
    outcome = MostRestrictive(outcome, finding.outcome());
    *response->add_findings() = std::move(finding);
  }
  response->set_outcome(outcome);
  return OkStatus();
}

}  // namespace needlework::screening
