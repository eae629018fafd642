// Requests built from a parsed Command. The ones that read local files (config, FHIR) return
// their errors; the host validates everything again.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REQUESTS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REQUESTS_H_

#include "command.h"
#include "needlework/status.h"
#include "needlework/v1/admin.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::ctl {

v1::CreateClinicRequest BuildCreateClinicRequest(const Command& command);
v1::ListClinicPluginsRequest BuildListClinicPluginsRequest(const Command& command);
v1::DisablePluginRequest BuildDisablePluginRequest(const Command& command);

// config_json is set only when --config was given. Errors: those of ResolveConfig.
StatusOr<v1::EnablePluginRequest> BuildEnablePluginRequest(const Command& command);

// Errors: those of ResolveConfig.
StatusOr<v1::SetPluginConfigRequest> BuildSetPluginConfigRequest(const Command& command);

// The FHIR files as `fhir`, with the concerns and areas. Errors: those of ReadFhirFiles.
StatusOr<v1::ScreenRequest> BuildScreenRequest(const Command& command);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REQUESTS_H_
