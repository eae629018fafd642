// The clinic and plugin-setting commands of AdminService: plugins, clinics, clinic create,
// clinic plugins, plugin enable|disable|configure. Their arguments, the requests they send
// and how the answers read; the commands themselves are in clinics.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINICS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINICS_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/status.h"
#include "needlework/v1/admin.pb.h"

namespace needlework::ctl {

struct ClinicArgs {
  std::string clinic_id;              // <clinic-id>
  std::string plugin_id;              // <plugin-id>
  std::string display_name;           // clinic create --name
  std::string time_zone;              // clinic create --time-zone
  std::optional<std::string> config;  // --config as given: JSON text or @FILE
  bool replace = false;               // plugin configure --replace
};

v1::CreateClinicRequest BuildCreateClinicRequest(const ClinicArgs& args);
v1::ListClinicPluginsRequest BuildListClinicPluginsRequest(const ClinicArgs& args);
v1::DisablePluginRequest BuildDisablePluginRequest(const ClinicArgs& args);
// config_json is set only when --config was given. Errors: those of ResolveConfig.
StatusOr<v1::EnablePluginRequest> BuildEnablePluginRequest(const ClinicArgs& args);
// A merge patch unless --replace. Errors: those of ResolveConfig.
StatusOr<v1::SetPluginConfigRequest> BuildSetPluginConfigRequest(const ClinicArgs& args);

// A table of plugins (id, version, state, trusted, hooks, file), then each loaded plugin the
// host does not trust with the host's reason, then each refused file with the reason.
// "trusted" is yes when the host checked approval and signature before loading.
// `status`: uptime and the store on one line, a plugin table (state, calls and errors since
// start, error rate), then each clinic's enabled plugins.
void RenderHostStatus(const v1::HostStatus& status, std::ostream& out);
void RenderPlugins(const v1::ListPluginsResponse& response, std::ostream& out);

// A table of clinics: id, name, time zone, created.
void RenderClinics(const v1::ListClinicsResponse& response, std::ostream& out);

// The new clinic (id, name, time zone, created), then its emr token with the warning that it
// is shown only once, then the `clinic setup` line that gives it a starting point.
void RenderCreatedClinic(const v1::CreateClinicResponse& response, std::ostream& out);

// A table of a clinic's plugins: id, enabled, version, installed, config overrides.
void RenderClinicPlugins(const v1::ListClinicPluginsResponse& response, std::ostream& out);

// One clinic's setting for one plugin, as left by enable, disable or configure.
void RenderClinicPlugin(std::string_view clinic_id, const v1::ClinicPlugin& plugin,
                        std::ostream& out);

// What SetPluginConfig changed, from the overrides before to those after: one line per key
// (as an RFC 6901 JSON pointer) that was added, changed or removed, in the order of the
// documents; objects are compared key by key, any other value (arrays too) as a whole.
// Values are shown as JSON, shortened. Text that is not a JSON object reads as {}.
std::vector<std::string> ConfigChanges(const std::string& before_json,
                                       const std::string& after_json);

// The answer of `plugin configure`: the plugin, the clinic, enabled or not, and
// ConfigChanges of its previous and new overrides (or that they are unchanged).
void RenderConfigChange(std::string_view clinic_id, const v1::ClinicPlugin& plugin,
                        std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINICS_H_
