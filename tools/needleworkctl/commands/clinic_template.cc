// clinic setup: reads the clinic, plans the template's steps (clinic_template_plan.cc) and
// applies the needed ones, one existing AdminService RPC each.
#include "commands/clinic_template.h"

#include <algorithm>

#include "commands/families.h"
#include "hours.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Admin = v1::AdminService::Stub;
using Args = ClinicTemplateArgs;

// The hours (the default when no --hours was given), parsed; --json refused: the command
// reports steps, not one answer of the API.
Status FinishSetup(const GlobalOptions& options, Args* args) {
  if (options.json) {
    return InvalidArgumentError(
        "clinic setup prints its steps as text only; read the result as JSON with `clinic "
        "plugins`, `resources` and `hours`");
  }
  std::vector<std::string> specs = args->hours_specs;
  if (specs.empty()) specs.emplace_back(kTemplateHours);
  NW_ASSIGN_OR_RETURN(args->opening_spans, ParseOpeningHours(specs));
  return OkStatus();
}

// The clinic `args.clinic_id` from ListClinics into state->clinic; false (after printing
// why) when the call fails or there is no such clinic.
bool ReadClinic(const Args& args, Session& session, ClinicState* state) {
  v1::ListClinicsResponse clinics;
  if (!session.CallAll(&Admin::ListClinics, "ListClinics", v1::ListClinicsRequest(), &clinics)) {
    return false;
  }
  auto found = std::find_if(clinics.clinics().begin(), clinics.clinics().end(),
                            [&](const v1::Clinic& c) { return c.clinic_id() == args.clinic_id; });
  if (found == clinics.clinics().end()) {
    session.err() << "needleworkctl: there is no clinic " << args.clinic_id
                  << "; create it first: needleworkctl clinic create " << args.clinic_id
                  << " --name NAME\n";
    return false;
  }
  state->clinic = *found;
  return true;
}

// What the clinic has now: the clinic, its plugins, resources and hours.
bool ReadState(const Args& args, Session& session, ClinicState* state) {
  if (!ReadClinic(args, session, state)) return false;
  v1::ListClinicPluginsRequest plugins_request;
  plugins_request.set_clinic_id(args.clinic_id);
  v1::ListClinicPluginsResponse plugins;
  v1::ListResourcesRequest resources_request;
  resources_request.set_clinic_id(args.clinic_id);
  v1::ListResourcesResponse resources;
  v1::GetOpeningHoursRequest hours_request;
  hours_request.set_clinic_id(args.clinic_id);
  if (!session.CallAll(&Admin::ListClinicPlugins, "ListClinicPlugins", plugins_request, &plugins) ||
      !session.CallAll(&Admin::ListResources, "ListResources", resources_request, &resources) ||
      !session.Call(&Admin::GetOpeningHours, "GetOpeningHours", hours_request, &state->hours)) {
    return false;
  }
  state->plugins.assign(plugins.plugins().begin(), plugins.plugins().end());
  state->resources.assign(resources.resources().begin(), resources.resources().end());
  return true;
}

// Sends the step's request with the RPC it belongs to; false (after printing the error) when
// the host refuses it.
bool Apply(const SetupStep& step, Session& session) {
  struct Sender {
    Session& session;
    bool operator()(const v1::SetClinicTimeZoneRequest& request) const {
      v1::Clinic response;
      return session.Call(&Admin::SetClinicTimeZone, "SetClinicTimeZone", request, &response);
    }
    bool operator()(const v1::EnablePluginRequest& request) const {
      v1::ClinicPlugin response;
      return session.Call(&Admin::EnablePlugin, "EnablePlugin", request, &response);
    }
    bool operator()(const v1::UpsertResourceRequest& request) const {
      v1::Resource response;
      return session.Call(&Admin::UpsertResource, "UpsertResource", request, &response);
    }
    bool operator()(const v1::SetOpeningHoursRequest& request) const {
      v1::OpeningHours response;
      return session.Call(&Admin::SetOpeningHours, "SetOpeningHours", request, &response);
    }
  };
  return std::visit(Sender{session}, step.request);
}

int ClinicSetup(const Args& args, Session& session) {
  ClinicState state;
  if (!ReadState(args, session, &state)) return kExitRpcError;
  std::vector<SetupStep> steps = PlanClinicSetup(args, state);
  size_t needed = std::count_if(steps.begin(), steps.end(), [](const auto& s) { return s.needed; });
  session.out() << "Setting up clinic " << args.clinic_id << ":\n";
  if (Status allowed = CheckOverwrite(args, state, steps); !allowed.ok()) {
    for (const SetupStep& step : steps) RenderStep(step, false, session.out());
    session.err() << "needleworkctl: FAILED_PRECONDITION: " << allowed.message() << '\n';
    return kExitRpcError;
  }
  for (const SetupStep& step : steps) {
    if (step.needed && !Apply(step, session)) {
      session.err() << "needleworkctl: setup stopped at \"" << step.what
                    << "\"; the steps above it are applied. Fix the cause and run it again: "
                       "what is done is kept\n";
      return kExitRpcError;
    }
    RenderStep(step, true, session.out());
  }
  if (needed == 0) {
    session.out() << "Nothing changed: clinic " << args.clinic_id
                  << " already has this starting point.\n";
  } else {
    session.out() << needed << " change(s) made.\n";
  }
  RenderNextSteps(args, session.out());
  return kExitOk;
}

}  // namespace

std::vector<Command> ClinicTemplateCommands() {
  return {
      MakeCommand<Args>(
          {"clinic setup",
           "<clinic-id> --time-zone IANA [--hours SPEC]... [--practitioner ID] "
           "[--practitioner-name NAME] [--room ID] [--room-name NAME] [--pen ID] "
           "[--pen-name NAME] [--overwrite]",
           "Give a new clinic a starting point: zone, plugins, staff, room, hours",
           "Applies a starting point to a clinic made by `clinic create`, so it can screen,\n"
           "plan and book at once, and prints each step:\n"
           "  - its time zone (--time-zone, required);\n"
           "  - the screening, scheduling and aftercare plugins enabled (the add-ons need\n"
           "    devices: add one, then `plugin enable`);\n"
           "  - one practitioner, one room and one microneedling pen, active: ids\n"
           "    practitioner-1, room-1, pen-1 and names \"Practitioner\", \"Treatment room 1\",\n"
           "    \"Microneedling pen\" unless --practitioner, --room, --pen and their -name\n"
           "    flags say otherwise;\n"
           "  - opening hours mon-fri 09:00-17:00, or the --hours specs (as `hours set` reads\n"
           "    them; repeatable: --hours \"mon-fri 09:00-17:00\" --hours \"sat 10:00-14:00\").\n"
           "A step the clinic already has is skipped (\"already so\"): a second run changes\n"
           "nothing and says so. A clinic with resources or hours of its own is refused\n"
           "(FAILED_PRECONDITION, nothing changed) unless --overwrite: then the template's\n"
           "resources and hours replace those with the same ids and the week, and its other\n"
           "resources are kept. Uses ListClinics, so it needs an admin token. Output is text;\n"
           "exits 1 when the host refuses a step (the steps before it stay applied)."},
          {.positionals = {{"clinic-id", SetWord<&Args::clinic_id>, false}},
           .flags = {{"time-zone", FlagKind::kValue, SetTimeZone<&Args::time_zone>},
                     {"hours", FlagKind::kValues, AddText<&Args::hours_specs>},
                     {"practitioner", FlagKind::kValue, SetText<&Args::practitioner_id>},
                     {"practitioner-name", FlagKind::kValue, SetText<&Args::practitioner_name>},
                     {"room", FlagKind::kValue, SetText<&Args::room_id>},
                     {"room-name", FlagKind::kValue, SetText<&Args::room_name>},
                     {"pen", FlagKind::kValue, SetText<&Args::pen_id>},
                     {"pen-name", FlagKind::kValue, SetText<&Args::pen_name>},
                     {"overwrite", FlagKind::kSwitch, SetTrue<&Args::overwrite>}},
           .required = {"time-zone"},
           .finish = FinishSetup},
          ClinicSetup),
  };
}

}  // namespace needlework::ctl
