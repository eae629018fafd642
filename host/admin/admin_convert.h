// Store and catalog records as needlework.v1 admin messages.
#ifndef NEEDLEWORK_HOST_ADMIN_ADMIN_CONVERT_H_
#define NEEDLEWORK_HOST_ADMIN_ADMIN_CONVERT_H_

#include "host/admin/clinic_plugins.h"
#include "host/plugins/hook_deadlines.h"
#include "needlework/v1/admin.pb.h"

namespace needlework::host {

needlework::v1::InstalledPlugin ToInstalledPlugin(const CatalogEntry& entry);
needlework::v1::InstalledPlugin::Isolation ToIsolation(IsolationMode mode);
needlework::v1::PluginRunner ToPluginRunner(const std::string& clinic_id,
                                            const RunnerReport& report);
needlework::v1::Clinic ToClinic(const ClinicRecord& record);
needlework::v1::ClinicPlugin ToClinicPlugin(const ClinicPluginView& view);

// INVALID_ARGUMENT naming the first of clinic_id and plugin_id that is empty.
Status RequireIds(const std::string& clinic_id, const std::string& plugin_id);

// INVALID_ARGUMENT unless the id is 2-63 characters of [a-z0-9-], not starting or ending
// with '-'.
Status ValidateClinicId(const std::string& clinic_id);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_ADMIN_ADMIN_CONVERT_H_
