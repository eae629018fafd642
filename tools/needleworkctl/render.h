// How responses read: aligned tables and short reports for people, or JSON for scripts.
// Every function writes to `out` only and never fails.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_

#include <google/protobuf/message.h>

#include <ostream>
#include <string>
#include <string_view>

#include "needlework/v1/admin.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::ctl {

// The proto3 JSON mapping of `message`, indented, with fields at their default values
// included (a script reads "enabled": false rather than a missing key), and a final newline.
std::string ToJson(const google::protobuf::Message& message);

// A table of plugins (id, version, state, hooks, file), then each refused file with the reason.
void RenderPlugins(const v1::ListPluginsResponse& response, std::ostream& out);

// A table of clinics: id, name, created.
void RenderClinics(const v1::ListClinicsResponse& response, std::ostream& out);

// The new clinic, then its emr token with the warning that it is shown only once.
void RenderCreatedClinic(const v1::CreateClinicResponse& response, std::ostream& out);

// A table of a clinic's plugins: id, enabled, version, installed, config overrides.
void RenderClinicPlugins(const v1::ListClinicPluginsResponse& response, std::ostream& out);

// One clinic's setting for one plugin, as left by enable, disable or configure.
void RenderClinicPlugin(std::string_view clinic_id, const v1::ClinicPlugin& plugin,
                        std::ostream& out);

// The outcome, then each finding (indicator, summary, outcome, plugin, rule, evidence,
// detail), then a table of plugin runs.
void RenderScreen(const v1::ScreenResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_H_
