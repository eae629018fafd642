// plugins, clinics, clinic create, clinic plugins, plugin enable|disable|configure.
#include "commands/clinics.h"

#include "commands/families.h"
#include "inputs.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Admin = v1::AdminService::Stub;
using Args = ClinicArgs;

constexpr Positional<Args> kClinicId{"clinic-id", SetWord<&Args::clinic_id>, false};
constexpr Positional<Args> kPluginId{"plugin-id", SetWord<&Args::plugin_id>, false};
constexpr Flag<Args> kConfig{"config", FlagKind::kValue, SetConfig<&Args::config>};

int Plugins(const Args&, Session& session) {
  return session.InvokeAll(&Admin::ListPlugins, "ListPlugins", v1::ListPluginsRequest(),
                           RenderPlugins);
}

int Status(const Args&, Session& session) {
  return session.Invoke(&Admin::GetHostStatus, "GetHostStatus", v1::GetHostStatusRequest(),
                        RenderHostStatus);
}

int Clinics(const Args&, Session& session) {
  return session.InvokeAll(&Admin::ListClinics, "ListClinics", v1::ListClinicsRequest(),
                           RenderClinics);
}

int ClinicCreate(const Args& args, Session& session) {
  int exit_code = session.Invoke(&Admin::CreateClinic, "CreateClinic",
                                 BuildCreateClinicRequest(args), RenderCreatedClinic);
  if (exit_code == kExitOk && session.options().json) {
    session.err() << "needleworkctl: the emr token is shown only this once; store it now\n";
  }
  return exit_code;
}

int ClinicPlugins(const Args& args, Session& session) {
  return session.InvokeAll(&Admin::ListClinicPlugins, "ListClinicPlugins",
                           BuildListClinicPluginsRequest(args), RenderClinicPlugins);
}

// Renders the ClinicPlugin that enable, disable and configure answer with.
auto RenderSetting(const Args& args) {
  return [&args](const v1::ClinicPlugin& plugin, std::ostream& out) {
    RenderClinicPlugin(args.clinic_id, plugin, out);
  };
}

int PluginEnable(const Args& args, Session& session) {
  StatusOr<v1::EnablePluginRequest> request = BuildEnablePluginRequest(args);
  if (!request.ok()) return session.LocalError(request.status());
  return session.Invoke(&Admin::EnablePlugin, "EnablePlugin", *request, RenderSetting(args));
}

int PluginDisable(const Args& args, Session& session) {
  return session.Invoke(&Admin::DisablePlugin, "DisablePlugin", BuildDisablePluginRequest(args),
                        RenderSetting(args));
}

int PluginConfigure(const Args& args, Session& session) {
  StatusOr<v1::SetPluginConfigRequest> request = BuildSetPluginConfigRequest(args);
  if (!request.ok()) return session.LocalError(request.status());
  return session.Invoke(&Admin::SetPluginConfig, "SetPluginConfig", *request,
                        [&args](const v1::ClinicPlugin& plugin, std::ostream& out) {
                          RenderConfigChange(args.clinic_id, plugin, out);
                        });
}

}  // namespace

v1::CreateClinicRequest BuildCreateClinicRequest(const ClinicArgs& args) {
  v1::CreateClinicRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_display_name(args.display_name);
  request.set_time_zone(args.time_zone);
  return request;
}

v1::ListClinicPluginsRequest BuildListClinicPluginsRequest(const ClinicArgs& args) {
  v1::ListClinicPluginsRequest request;
  request.set_clinic_id(args.clinic_id);
  return request;
}

v1::DisablePluginRequest BuildDisablePluginRequest(const ClinicArgs& args) {
  v1::DisablePluginRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_plugin_id(args.plugin_id);
  return request;
}

StatusOr<v1::EnablePluginRequest> BuildEnablePluginRequest(const ClinicArgs& args) {
  v1::EnablePluginRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_plugin_id(args.plugin_id);
  if (args.config.has_value()) {
    NW_ASSIGN_OR_RETURN(*request.mutable_config_json(), ResolveConfig(*args.config));
  }
  return request;
}

StatusOr<v1::SetPluginConfigRequest> BuildSetPluginConfigRequest(const ClinicArgs& args) {
  v1::SetPluginConfigRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_plugin_id(args.plugin_id);
  NW_ASSIGN_OR_RETURN(*request.mutable_config_json(), ResolveConfig(args.config.value_or("")));
  request.set_mode(args.replace ? v1::SetPluginConfigRequest::MODE_REPLACE
                                : v1::SetPluginConfigRequest::MODE_MERGE_PATCH);
  return request;
}

std::vector<Command> ClinicCommands() {
  return {
      MakeCommand<Args>(
          {"plugins", "", "List installed plugins; refused ones with the reason",
           "Every plugin file the host found: id, version, state, trusted, hooks and file. A\n"
           "plugin the host refused (not approved, unsigned, ABI or build mismatch, bad\n"
           "manifest, ...) is listed with the reason. Trusted: approved and signed, checked\n"
           "before it was loaded (no in development mode); each loaded plugin that is not\n"
           "trusted is listed under the table with the host's reason.\n"
           "Needs an admin token."},
          {}, Plugins),
      MakeCommand<Args>(
          {"status", "", "One screen for an operator: uptime, store, plugins, clinics",
           "The host's uptime and store; every installed plugin with its state and its hook\n"
           "calls since the host started (errors, timeouts, calls skipped while quarantined,\n"
           "quarantines, runner crashes and restarts, error rate); each clinic's enabled\n"
           "plugins. The numbers are those GET /metrics serves. Needs an admin token."},
          {}, Status),
      MakeCommand<Args>(
          {"clinics", "", "List clinics",
           "Every clinic: id, name, time zone and creation time (UTC). Needs an admin token."},
          {}, Clinics),
      MakeCommand<Args>(
          {"clinic create", "<clinic-id> [--name NAME] [--time-zone IANA]",
           "Create a clinic and issue its first EMR token",
           "Creates the clinic <clinic-id> ([a-z0-9-], 2 to 63 characters) with the display\n"
           "name NAME and the IANA time zone (e.g. Europe/London; the host's default is UTC),\n"
           "and prints its first `emr` bearer token. The token is shown only once: the host\n"
           "keeps only its hash. The clinic starts with every plugin off, no resources and no\n"
           "opening hours: `clinic setup` gives it a starting point. Needs an admin token."},
          {.positionals = {kClinicId},
           .flags = {{"name", FlagKind::kValueOrEmpty, SetText<&Args::display_name>},
                     {"time-zone", FlagKind::kValue, SetTimeZone<&Args::time_zone>}}},
          ClinicCreate),
      MakeCommand<Args>(
          {"clinic plugins", "<clinic-id>", "List a clinic's plugins and their settings",
           "Every plugin the clinic has a setting for, plus every installed plugin it has not:\n"
           "id, enabled, version, whether the host has it installed, and the clinic's config\n"
           "overrides. Needs an admin token."},
          {.positionals = {kClinicId}}, ClinicPlugins),
      MakeCommand<Args>(
          {"plugin enable", "<clinic-id> <plugin-id> [--config JSON|@FILE]",
           "Turn a plugin on for a clinic",
           "Turns the plugin on for the clinic; its next call sees it, without a restart.\n"
           "--config replaces the clinic's overrides first (a JSON object, given inline or read\n"
           "from FILE with @FILE); without it the clinic's current config is kept. The plugin\n"
           "validates the config; a refused config changes nothing. Needs an admin token."},
          {.positionals = {kClinicId, kPluginId}, .flags = {kConfig}}, PluginEnable),
      MakeCommand<Args>(
          {"plugin disable", "<clinic-id> <plugin-id>", "Turn a plugin off for a clinic",
           "Turns the plugin off for the clinic; its config is kept for a later enable.\n"
           "Needs an admin token."},
          {.positionals = {kClinicId, kPluginId}}, PluginDisable),
      MakeCommand<Args>(
          {"plugin configure", "<clinic-id> <plugin-id> --config JSON|@FILE [--replace]",
           "Change a clinic's config for a plugin",
           "Applies a JSON object (inline or @FILE) to the clinic's config overrides for the\n"
           "plugin as a JSON merge patch (RFC 7396): the keys it names are set, a key set to\n"
           "null is removed (the plugin's default applies again), every other override is\n"
           "kept. --replace makes the object the whole overrides instead; '{}' with --replace\n"
           "restores the defaults. The overrides apply over the plugin's defaults. The host\n"
           "merges and checks in one step: the result is validated by the plugin even while\n"
           "it is disabled, a refused config changes nothing, and a change made meanwhile by\n"
           "someone else is refused (ABORTED, run it again) rather than lost. Prints each key\n"
           "added, changed or removed. Needs an admin token."},
          {.positionals = {kClinicId, kPluginId},
           .flags = {kConfig, {"replace", FlagKind::kSwitch, SetTrue<&Args::replace>}},
           .required = {"config"}},
          PluginConfigure),
  };
}

}  // namespace needlework::ctl
