// plan propose, plan create, plans, plan show, plan cancel.
#include "commands/planning.h"

#include "commands/families.h"
#include "commands/screening.h"
#include "enums.h"
#include "inputs.h"
#include "needlework/v1/planning.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Planning = v1::PlanningService::Stub;
using Args = PlanArgs;

constexpr Positional<Args> kPlanId{"plan-id", SetWord<&Args::plan_id>, false};
constexpr Flag<Args> kPatient{"patient", FlagKind::kValue, SetText<&Args::patient_ref>};
constexpr Flag<Args> kSeverity{"severity", FlagKind::kValue, SetBy<&Args::severity, ParseSeverity>};

// The flags of a new proposal: the patient fields and --severity.
std::vector<Flag<Args>> ProposalFlags() {
  std::vector<Flag<Args>> flags = PatientFlags<Args>();
  flags.push_back(kSeverity);
  return flags;
}

// plan create: the plan comes from --from-proposal or from a new proposal (--fhir, with
// --concern, --area, --severity, --add-on); exactly one of the two.
Status FinishPlanCreate(const GlobalOptions&, Args* args) {
  bool from_file = !args->proposal_file.empty();
  bool propose = !args->fhir_files.empty();
  if (from_file && propose) {
    return InvalidArgumentError(
        "--from-proposal and --fhir do not go together: the plan comes from the file or from a "
        "new proposal");
  }
  if (!from_file && !propose) {
    return InvalidArgumentError(
        "missing --from-proposal FILE, or --fhir FILE to propose a plan first");
  }
  bool proposal_flags = !args->concerns.empty() || !args->areas.empty() ||
                        args->severity != types::v1::SEVERITY_UNSPECIFIED;
  if (from_file && proposal_flags) {
    return InvalidArgumentError(
        "--concern, --area and --severity go with --fhir (a new proposal), not with "
        "--from-proposal");
  }
  if (from_file && !args->add_ons.empty()) {
    return InvalidArgumentError(
        "--add-on goes with --fhir (a new proposal), not with --from-proposal: the proposal's "
        "plan carries its add-ons");
  }
  return OkStatus();
}

int PlanPropose(const Args& args, Session& session) {
  StatusOr<v1::ProposePlanRequest> request = BuildProposePlanRequest(args);
  if (!request.ok()) return session.LocalError(request.status());
  return session.Invoke(&Planning::ProposePlan, "ProposePlan", *request, RenderProposal);
}

// The series plan create stores: read from --from-proposal, or proposed by ProposePlan.
// Returns kExitOk with `*series` set, or the exit code of the failure it printed.
int SeriesToCreate(const Args& args, Session& session, types::v1::SeriesPlan* series) {
  if (!args.proposal_file.empty()) {
    StatusOr<types::v1::SeriesPlan> read = ReadSeriesPlan(args.proposal_file);
    if (!read.ok()) return session.LocalError(read.status());
    *series = std::move(read).value();
    return kExitOk;
  }
  StatusOr<v1::ProposePlanRequest> request = BuildProposePlanRequest(args);
  if (!request.ok()) return session.LocalError(request.status());
  v1::ProposePlanResponse proposal;
  if (!session.Call(&Planning::ProposePlan, "ProposePlan", *request, &proposal)) {
    return kExitRpcError;
  }
  if (!proposal.has_plan()) {
    session.err() << "needleworkctl: ProposePlan: no plugin proposed a plan; nothing was stored\n";
    return kExitRpcError;
  }
  *series = proposal.plan();
  return kExitOk;
}

int PlanCreate(const Args& args, Session& session) {
  types::v1::SeriesPlan series;
  if (int exit_code = SeriesToCreate(args, session, &series); exit_code != kExitOk) {
    return exit_code;
  }
  return session.Invoke(&Planning::CreatePlan, "CreatePlan",
                        BuildCreatePlanRequest(args, std::move(series)), RenderPlan);
}

int Plans(const Args& args, Session& session) {
  return session.InvokeAll(&Planning::ListPlans, "ListPlans", BuildListPlansRequest(args),
                           RenderPlans);
}

int PlanShow(const Args& args, Session& session) {
  return session.Invoke(&Planning::GetPlan, "GetPlan", BuildGetPlanRequest(args), RenderPlan);
}

int PlanCancel(const Args& args, Session& session) {
  return session.Invoke(&Planning::CancelPlan, "CancelPlan", BuildCancelPlanRequest(args),
                        RenderPlan);
}

}  // namespace

StatusOr<v1::ProposePlanRequest> BuildProposePlanRequest(const PlanArgs& args) {
  v1::ProposePlanRequest request;
  NW_RETURN_IF_ERROR(FillPatientFields(args, &request));
  request.set_severity(args.severity);
  return request;
}

v1::CreatePlanRequest BuildCreatePlanRequest(const PlanArgs& args, types::v1::SeriesPlan plan) {
  v1::CreatePlanRequest request;
  request.set_patient_ref(args.patient_ref);
  *request.mutable_plan() = std::move(plan);
  request.set_screening_outcome(args.screening_outcome);
  request.set_screening_id(args.screening_id);
  return request;
}

v1::GetPlanRequest BuildGetPlanRequest(const PlanArgs& args) {
  v1::GetPlanRequest request;
  request.set_plan_id(args.plan_id);
  return request;
}

v1::ListPlansRequest BuildListPlansRequest(const PlanArgs& args) {
  v1::ListPlansRequest request;
  request.set_patient_ref(args.patient_ref);
  return request;
}

v1::CancelPlanRequest BuildCancelPlanRequest(const PlanArgs& args) {
  v1::CancelPlanRequest request;
  request.set_plan_id(args.plan_id);
  request.set_reason(args.reason);
  return request;
}

std::vector<Command> PlanningCommands() {
  std::vector<Flag<Args>> create_flags = ProposalFlags();
  create_flags.insert(
      create_flags.end(),
      {kPatient,
       {"screening", FlagKind::kValue, SetText<&Args::screening_id>},
       {"screening-outcome", FlagKind::kValue, SetBy<&Args::screening_outcome, ParseOutcome>},
       {"from-proposal", FlagKind::kValue, SetText<&Args::proposal_file>}});
  return {
      MakeCommand<Args>(
          {"plan propose",
           "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...] "
           "[--severity mild|moderate|severe] [--add-on CODE ...]",
           "Ask the clinic's planning plugins for a treatment series",
           "Asks every planning plugin enabled for the clinic of the token (an `emr` token) for a\n"
           "treatment series for the patient of the FHIR files, the concerns and areas, the\n"
           "severity, and the add-ons to combine with every session (all as for screen). Refused\n"
           "for an add-on the clinic does not offer. Stores nothing. Prints the series (sessions,\n"
           "spacing, minutes, resources, add-ons, rationale), one session's minutes and resources\n"
           "with its add-ons, and how each plugin ran. To keep it, save the --json output and\n"
           "give it to plan create --from-proposal."},
          {.flags = ProposalFlags(), .required = {"fhir"}}, PlanPropose),
      MakeCommand<Args>(
          {"plan create",
           "--patient REF --screening ID (--from-proposal FILE | --fhir FILE ... "
           "[--concern CODE ...] [--area CODE ...] [--severity SEVERITY] [--add-on CODE ...])",
           "Store a treatment series for a patient",
           "Stores a series for the EMR patient REF (e.g. Patient/123) at the clinic of the token\n"
           "(an `emr` token). The series comes from --from-proposal FILE (the --json output of\n"
           "plan propose or plan show, or a SeriesPlan in JSON; its add-ons come with it), or\n"
           "from a new proposal: given --fhir (with --concern, --area, --severity and --add-on as\n"
           "for plan propose), the plan is proposed and stored as proposed. --screening ID is\n"
           "the patient's screening (screen prints it): the plan takes its outcome and add-on\n"
           "verdicts, and is refused when it is of another patient, older than the clinic's\n"
           "screening recency, or blocks the patient or a planned add-on. --screening-outcome is\n"
           "superseded: when given, it must match the screening's. Prints the stored plan."},
          {.flags = create_flags, .required = {"patient", "screening"}, .finish = FinishPlanCreate},
          PlanCreate),
      MakeCommand<Args>(
          {"plans", "--patient REF", "List a patient's treatment plans",
           "Every plan of the EMR patient REF at the clinic of the token (an `emr` token): id,\n"
           "status, sessions booked or done of the total, days between sessions, minutes each."},
          {.flags = {kPatient}, .required = {"patient"}}, Plans),
      MakeCommand<Args>(
          {"plan show", "<plan-id>", "Show a plan and its sessions",
           "The plan's series (add-ons included), status and screening outcome, then every\n"
           "session booked, done or cancelled so far (times in UTC). Needs an `emr` token."},
          {.positionals = {kPlanId}}, PlanShow),
      MakeCommand<Args>(
          {"plan cancel", "<plan-id> --reason TEXT", "Cancel a plan and its booked sessions",
           "Cancels the plan and every session of it still booked, recording TEXT as the reason.\n"
           "Refused for a plan already completed or cancelled. Needs an `emr` token."},
          {.positionals = {kPlanId},
           .flags = {{"reason", FlagKind::kValue, SetReason<&Args::reason>}},
           .required = {"reason"}},
          PlanCancel),
  };
}

}  // namespace needlework::ctl
