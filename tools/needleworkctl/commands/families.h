// The command families: each returns its commands, in the order the overview lists them.
// A family keeps each command's help text, flags, request, call and rendering together.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_FAMILIES_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_FAMILIES_H_

#include <vector>

#include "command.h"

namespace needlework::ctl {

std::vector<Command> HelpCommands();             // help (help.cc)
std::vector<Command> ClinicCommands();           // plugins, clinics and their settings (clinics.cc)
std::vector<Command> ClinicSetupCommands();      // time zone, resources, hours (clinic_setup.cc)
std::vector<Command> ClinicTemplateCommands();   // clinic setup (clinic_template.cc)
std::vector<Command> ScreeningCommands();        // therapies, screen (screening.cc)
std::vector<Command> ScreeningRecordCommands();  // screening show|review (screening_record.cc)
std::vector<Command> PlanningCommands();         // plan propose|create|show|cancel, plans
std::vector<Command> BookingCommands();          // slots, book, reschedule, cancel (booking.cc)
std::vector<Command> AppointmentCommands();      // appointments, complete, calendar
std::vector<Command> AftercareCommands();        // aftercare, messages, symptoms (aftercare.cc)
std::vector<Command> TrustCommands();            // plugin keygen|sign|verify|hash (trust.cc)
std::vector<Command> VersionCommands();          // plugin pin|unpin|rescan (versions.cc)
std::vector<Command> SecurityCommands();         // token issue|revoke, tokens, audit (security.cc)

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_FAMILIES_H_
