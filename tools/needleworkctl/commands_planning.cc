// The command table (commands.h): ScreeningService, CatalogService and PlanningService.
#include "checks.h"
#include "command_groups.h"

namespace needlework::ctl {

// The command of ScreeningService.
std::vector<CommandInfo> ScreeningCommands() {
  return {
      {CommandKind::kScreen,
       "screen",
       "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...] "
       "[--add-on CODE ...]",
       "Screen a patient from FHIR R4 JSON files",
       "Screens one patient for microneedling at the clinic of the token (an `emr` token).\n"
       "Each --fhir FILE holds one FHIR R4 resource (Patient, Condition, MedicationRequest,\n"
       "MedicationStatement, AllergyIntolerance, Observation) or a Bundle of them.\n"
       "--concern and --area take a code of Needlework's concern and treatment-area code\n"
       "systems (e.g. --concern acne-scars --area face), or SYSTEM|CODE for any other system.\n"
       "--add-on names an add-on therapy planned with the treatment, by its code in\n"
       "Needlework's procedure code system (e.g. --add-on prp-serum; see therapies) or as\n"
       "SYSTEM|CODE; give it once for each add-on.\n"
       "Prints the outcome, the findings (indicator, summary, plugin, evidence codes, the\n"
       "add-on a finding is about), a verdict for each add-on, and how each plugin ran. The\n"
       "outcome is the treatment without add-ons: a blocked add-on leaves plain\n"
       "microneedling on offer. Exits 0 whatever the outcome: the outcome is data, not an\n"
       "error (with --json, read .outcome and .addOns).",
       {},
       {"fhir", "concern", "area", "add-on"},
       {"fhir"},
       nullptr},
  };
}

// The command of CatalogService.
std::vector<CommandInfo> CatalogCommands() {
  return {
      {CommandKind::kTherapies,
       "therapies",
       "",
       "List the base treatment and add-ons the clinic offers",
       "What the clinic of the token (an `emr` token) offers now, from the plugins it has\n"
       "enabled: the base treatment (microneedling) and the add-ons to combine with it\n"
       "(radiofrequency microneedling, PRP serum, growth-factor or HA serums, ...). For each:\n"
       "code, name, kind, minutes (an add-on's are added to the session), what a session\n"
       "with it needs besides the base treatment's, whether completing it records the\n"
       "product's lot, and the plugin that offers it. Then each plugin the clinic enabled that\n"
       "cannot run now, with the reason. An add-on's code goes to --add-on of screen, plan\n"
       "propose and plan create.",
       {},
       {},
       {},
       nullptr},
  };
}

// The commands of PlanningService.
std::vector<CommandInfo> PlanningCommands() {
  return {
      {CommandKind::kPlanPropose,
       "plan propose",
       "--fhir FILE [--fhir FILE ...] [--concern CODE ...] [--area CODE ...] "
       "[--severity mild|moderate|severe] [--add-on CODE ...]",
       "Ask the clinic's planning plugins for a treatment series",
       "Asks every planning plugin enabled for the clinic of the token (an `emr` token) for a\n"
       "treatment series for the patient of the FHIR files, the concerns and areas, the\n"
       "severity, and the add-ons to combine with every session (all as for screen). Refused\n"
       "for an add-on the clinic does not offer. Stores nothing. Prints the series (sessions,\n"
       "spacing, minutes, resources, add-ons, rationale), one session's minutes and resources\n"
       "with its add-ons, and how each plugin ran. To keep it, save the --json output and\n"
       "give it to plan create --from-proposal.",
       {},
       {"fhir", "concern", "area", "severity", "add-on"},
       {"fhir"},
       nullptr},
      {CommandKind::kPlanCreate,
       "plan create",
       "--patient REF --screening-outcome OUTCOME (--from-proposal FILE | --fhir FILE ... "
       "[--concern CODE ...] [--area CODE ...] [--severity SEVERITY] [--add-on CODE ...])",
       "Store a treatment series for a patient",
       "Stores a series for the EMR patient REF (e.g. Patient/123) at the clinic of the token\n"
       "(an `emr` token). The series comes from --from-proposal FILE (the --json output of\n"
       "plan propose or plan show, or a SeriesPlan in JSON; its add-ons come with it), or\n"
       "from a new proposal: given --fhir (with --concern, --area, --severity and --add-on as\n"
       "for plan propose), the plan is proposed and stored as proposed. --screening-outcome\n"
       "is the outcome the clinician accepted: eligible, eligible-with-caution,\n"
       "review-required, consult-required, defer, refer or contraindicated. Prints the stored\n"
       "plan.",
       {},
       {"patient", "screening-outcome", "from-proposal", "fhir", "concern", "area", "severity",
        "add-on"},
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
       "The plan's series (add-ons included), status and screening outcome, then every\n"
       "session booked, done or cancelled so far (times in UTC). Needs an `emr` token.",
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
