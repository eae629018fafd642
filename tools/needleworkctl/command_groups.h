// The command table's parts (commands.h), one function per service, and the positional
// arguments more than one part takes. Internal to the command table: AllCommands() joins the
// parts in the order the overview lists them.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_GROUPS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_GROUPS_H_

#include <vector>

#include "commands.h"

namespace needlework::ctl {

// Positionals shared by the parts, defined in commands.cc.
extern const Positional kPlanId;         // <plan-id>
extern const Positional kSessionIndex;   // <session-index>, 0 to 999
extern const Positional kAppointmentId;  // <appointment-id>
extern const Positional kMessageIds;     // <message-id>..., one at least

// Help, plugins and clinics (commands.cc).
std::vector<CommandInfo> CoreCommands();
// AdminService beyond plugins and clinics: time zones, resources, hours (commands.cc).
std::vector<CommandInfo> ClinicSetupCommands();
// CatalogService, ScreeningService and PlanningService (commands_planning.cc).
std::vector<CommandInfo> CatalogCommands();
std::vector<CommandInfo> ScreeningCommands();
std::vector<CommandInfo> PlanningCommands();
// SchedulingService and AftercareService (commands_scheduling.cc).
std::vector<CommandInfo> SchedulingCommands();
std::vector<CommandInfo> AftercareCommands();
// Plugin signing, done locally by a vendor or an admin (commands_trust.cc).
std::vector<CommandInfo> TrustCommands();
// AdminService tokens and audit log (commands_security.cc).
std::vector<CommandInfo> SecurityCommands();

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMAND_GROUPS_H_
