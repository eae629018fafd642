// The planning commands: plan propose, plan create, plans, plan show, plan cancel. Their
// arguments, the requests they send and how the answers read; the commands themselves are in
// planning.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_PLANNING_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_PLANNING_H_

#include <ostream>
#include <string>
#include <vector>

#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"
#include "needlework/v1/planning.pb.h"

namespace needlework::ctl {

// The patient fields are those of PatientArgs (screening.h), for PatientFlags.
struct PlanArgs {
  std::vector<std::string> fhir_files;      // --fhir
  std::vector<types::v1::Coding> concerns;  // --concern
  std::vector<types::v1::Coding> areas;     // --area
  std::vector<types::v1::Coding> add_ons;   // --add-on: therapy codes, none twice
  types::v1::Severity severity = types::v1::SEVERITY_UNSPECIFIED;         // --severity
  std::string patient_ref;                                                // --patient
  std::string proposal_file;                                              // --from-proposal
  types::v1::Outcome screening_outcome = types::v1::OUTCOME_UNSPECIFIED;  // superseded
  std::string screening_id;                                               // plan create --screening
  std::string plan_id;                                                    // <plan-id>
  std::string reason;                                                     // plan cancel --reason
};

// The patient fields and the severity. Errors: those of ReadFhirFiles.
StatusOr<v1::ProposePlanRequest> BuildProposePlanRequest(const PlanArgs& args);
// The patient, screening id (and outcome, when given) of `args` with `plan` (from --from-proposal,
// or ProposePlan's answer).
v1::CreatePlanRequest BuildCreatePlanRequest(const PlanArgs& args, types::v1::SeriesPlan plan);
v1::GetPlanRequest BuildGetPlanRequest(const PlanArgs& args);
v1::ListPlansRequest BuildListPlansRequest(const PlanArgs& args);
v1::CancelPlanRequest BuildCancelPlanRequest(const PlanArgs& args);

// The proposed series (therapy, add-ons, sessions, spacing, minutes, resources,
// maintenance, rationale), the session shape when the host sent one, the plugin runs, and
// how to keep it.
void RenderProposal(const v1::ProposePlanResponse& response, std::ostream& out);

// One plan: status, patient, screening outcome, created, its series (add-ons included; the
// minutes and needs are then the base treatment's), then a table of its
// sessions (times in UTC: SessionRecord carries Unix seconds, not the clinic's zone).
void RenderPlan(const v1::Plan& plan, std::ostream& out);

// A table of plans: id, patient, status, sessions booked (fulfilled included) of the total,
// days between sessions, minutes per session.
void RenderPlans(const v1::ListPlansResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_PLANNING_H_
