// The finding a FindingSpec describes, before evidence: shared by the rule, concern and
// unrecognised-entry findings.
#ifndef NEEDLEWORK_PLUGINS_SCREENING_NEW_FINDING_H_
#define NEEDLEWORK_PLUGINS_SCREENING_NEW_FINDING_H_

#include <string>

#include "needlework/code_systems.h"
#include "needlework/kit/addon_config.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::screening {

// A finding of `spec` without evidence, its texts as the config gives them; its code is
// rule_id in the screening-rule code system.
inline types::v1::Finding NewFinding(const addon::FindingSpec& spec) {
  types::v1::Finding finding;
  finding.set_rule_id(spec.rule_id);
  types::v1::Coding* code = finding.mutable_code();
  code->set_system(std::string(code_systems::kScreeningRule));
  code->set_code(spec.rule_id);
  code->set_display(spec.display);
  finding.set_outcome(spec.outcome);
  finding.set_indicator(spec.indicator);
  finding.set_summary(spec.summary);
  finding.set_detail(spec.detail);
  return finding;
}

}  // namespace needlework::screening

#endif  // NEEDLEWORK_PLUGINS_SCREENING_NEW_FINDING_H_
