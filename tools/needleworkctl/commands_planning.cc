// The command table (commands.h): ScreeningService and PlanningService.
#include "checks.h"
#include "command_groups.h"

namespace needlework::ctl {

// The command of ScreeningService.
std::vector<CommandInfo> ScreeningCommands() {
  return {
      {CommandKind::kScreen,
       "screen",
       "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...]",
       "Screen a patient from FHIR R4 JSON files",
       "Screens one patient for microneedling at the clinic of the token (an `emr` token).\n"
       "Each --fhir FILE holds one FHIR R4 resource (Patient, Condition, MedicationRequest,\n"
       "MedicationStatement, AllergyIntolerance, Observation) or a Bundle of them.\n"
       "--concern and --area take a code of Needlework's concern and treatment-area code\n"
       "systems (e.g. --concern acne-scars --area face), or SYSTEM|CODE for any other system.\n"
       "Prints the outcome, the findings (indicator, summary, plugin, evidence codes) and how\n"
       "each plugin ran. Exits 0 whatever the outcome: the outcome is data, not an error\n"
       "(with --json, read .outcome).",
       {},
       {"fhir", "concern", "area"},
       {"fhir"},
       nullptr},
  };
}

// The commands of PlanningService.
std::vector<CommandInfo> PlanningCommands() {
  return {
      {CommandKind::kPlanPropose,
       "plan propose",
       "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...] "
       "[--severity mild|moderate|severe]",
       "Ask the clinic's planning plugins for a treatment series",
       "Asks every planning plugin enabled for the clinic of the token (an `emr` token) for a\n"
       "treatment series for the patient of the FHIR files, the concerns and areas (all as\n"
       "for screen) and the severity. Stores nothing. Prints the series (sessions, spacing,\n"
       "minutes, resources, rationale) and how each plugin ran. To keep it, save the --json\n"
       "output and give it to plan create --from-proposal.",
       {},
       {"fhir", "concern", "area", "severity"},
       {"fhir"},
       nullptr},
      {CommandKind::kPlanCreate,
       "plan create",
       "--patient REF --screening-outcome OUTCOME (--from-proposal FILE | --fhir FILE ... "
       "[--concern CODE ...] [--area CODE ...] [--severity SEVERITY])",
       "Store a treatment series for a patient",
       "Stores a series for the EMR patient REF (e.g. Patient/123) at the clinic of the token\n"
       "(an `emr` token). The series comes from --from-proposal FILE (the --json output of\n"
       "plan propose or plan show, or a SeriesPlan in JSON), or from a new proposal: given\n"
       "--fhir (with --concern, --area, --severity as for plan propose), the plan is proposed\n"
       "and stored as proposed. --screening-outcome is the outcome the clinician accepted:\n"
       "eligible, eligible-with-caution, review-required, consult-required, defer, refer or\n"
       "contraindicated. Prints the stored plan.",
       {},
       {"patient", "screening-outcome", "from-proposal", "fhir", "concern", "area", "severity"},
       {"patient", "screening-outcome"},
       FinishPlanCreate},
      {CommandKind::kPlans,
       "plans",
       "--patient REF",
       "List a patient's treatment plans",
       "Every plan of the EMR patient REF at the clinic of the token (an `emr` token): id,\n"
       "status, sessions booked or done of the total, days between sessions, minutes each.",
       {},
       {"patient"},
       {"patient"},
       nullptr},
      {CommandKind::kPlanShow,
       "plan show",
       "<plan-id>",
       "Show a plan and its sessions",
       "The plan's series, status and screening outcome, then every session booked, done or\n"
       "cancelled so far (times in UTC). Needs an `emr` token.",
       {kPlanId},
       {},
       {},
       nullptr},
      {CommandKind::kPlanCancel,
       "plan cancel",
       "<plan-id> --reason TEXT",
       "Cancel a plan and its booked sessions",
       "Cancels the plan and every session of it still booked, recording TEXT as the reason.\n"
       "Refused for a plan already completed or cancelled. Needs an `emr` token.",
       {kPlanId},
       {"reason"},
       {"reason"},
       nullptr},
  };
}

}  // namespace needlework::ctl
