// `clinic setup`: a new clinic's starting point, applied with the existing AdminService RPCs.
// The template (time zone, the workflow plugins, one practitioner, one room, one microneedling
// pen, weekday hours), the plan that compares it with what the clinic has, and how the steps
// read; the command itself, which reads the clinic and applies the plan, is in
// clinic_template.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINIC_TEMPLATE_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINIC_TEMPLATE_H_

#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "needlework/status.h"
#include "needlework/v1/admin.pb.h"

namespace needlework::ctl {

// The plugins `clinic setup` enables: screening, scheduling and aftercare, the workflow from
// screening to aftercare. The add-ons need devices a new clinic may not have; they stay off.
inline constexpr std::string_view kTemplatePlugins[] = {
    "org.needlework.screening", "org.needlework.scheduling", "org.needlework.aftercare"};

// The opening hours when no --hours is given.
inline constexpr std::string_view kTemplateHours = "mon-fri 09:00-17:00";

struct ClinicTemplateArgs {
  std::string clinic_id;                           // <clinic-id>
  std::string time_zone;                           // --time-zone (required)
  std::string practitioner_id = "practitioner-1";  // --practitioner
  std::string practitioner_name = "Practitioner";  // --practitioner-name
  std::string room_id = "room-1";                  // --room
  std::string room_name = "Treatment room 1";      // --room-name
  std::string pen_id = "pen-1";                    // --pen
  std::string pen_name = "Microneedling pen";      // --pen-name
  std::vector<std::string> hours_specs;            // --hours, as given
  std::vector<v1::OpeningSpan> opening_spans;      // the specs (or the default) parsed
  bool overwrite = false;                          // --overwrite
};

// What the clinic has now, as the List and Get RPCs answer.
struct ClinicState {
  v1::Clinic clinic;
  std::vector<v1::ClinicPlugin> plugins;
  std::vector<v1::Resource> resources;
  v1::OpeningHours hours;
};

// One step of the template, as a request of an existing AdminService RPC.
using SetupRequest = std::variant<v1::SetClinicTimeZoneRequest, v1::EnablePluginRequest,
                                  v1::UpsertResourceRequest, v1::SetOpeningHoursRequest>;

struct SetupStep {
  std::string what;    // e.g. "time zone Europe/London", "room room-1 (Treatment room 1)"
  std::string done;    // what applying it does, e.g. "enabled", "set (was UTC)", "added"
  bool needed = true;  // false: the clinic already has it
  SetupRequest request;
};

// The template's steps for `args.clinic_id`, in order: time zone, plugins, practitioner,
// room, pen, hours; each marked needed or not against `state`.
std::vector<SetupStep> PlanClinicSetup(const ClinicTemplateArgs& args, const ClinicState& state);

// OK when the steps may run: the clinic has no resources or hours but the template's own
// (a new clinic, or one a previous setup left), nothing needs changing, or --overwrite was
// given. Otherwise FAILED_PRECONDITION naming what the clinic has and the flag that applies
// the template anyway.
Status CheckOverwrite(const ClinicTemplateArgs& args, const ClinicState& state,
                      const std::vector<SetupStep>& steps);

// One line for a step: "  <what>: <done>" for a needed step that was applied ("  <what>:
// would be <done>" for one that was not), "  <what>: already so" for one not needed.
void RenderStep(const SetupStep& step, bool applied, std::ostream& out);

// What to do next with a clinic set up: its tokens, a first screening, plan, slots, booking,
// and the add-ons.
void RenderNextSteps(const ClinicTemplateArgs& args, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINIC_TEMPLATE_H_
