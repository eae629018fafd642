#include "host/admin/admin_convert.h"

#include <regex>

#include "host/common/time_util.h"

namespace needlework::host {

needlework::v1::InstalledPlugin ToInstalledPlugin(const CatalogEntry& entry) {
  needlework::v1::InstalledPlugin out;
  out.set_file(entry.file);
  out.set_state(entry.loaded ? needlework::v1::InstalledPlugin::STATE_LOADED
                             : needlework::v1::InstalledPlugin::STATE_REFUSED);
  out.set_refusal_reason(entry.refusal_reason);
  out.set_sha256(entry.sha256);
  out.set_trusted(entry.trusted);
  out.set_trust_reason(entry.trust_reason);
  if (!entry.loaded) return out;
  const auto& m = entry.plugin.manifest;
  auto* manifest = out.mutable_manifest();
  manifest->set_id(m.id());
  manifest->set_version(m.version());
  manifest->set_vendor(m.vendor());
  manifest->set_display_name(m.display_name());
  manifest->set_description(m.description());
  for (int hook : m.hooks()) manifest->add_hooks(HookName(hook));
  manifest->set_default_config_json(m.default_config_json());
  manifest->set_config_schema_json(m.config_schema_json());
  manifest->set_host_versions(m.host_versions());
  return out;
}

needlework::v1::InstalledPlugin::Isolation ToIsolation(IsolationMode mode) {
  return mode == IsolationMode::kProcess ? needlework::v1::InstalledPlugin::ISOLATION_PROCESS
                                         : needlework::v1::InstalledPlugin::ISOLATION_IN_PROCESS;
}

needlework::v1::PluginRunner ToPluginRunner(const std::string& clinic_id,
                                            const RunnerReport& report) {
  using needlework::v1::PluginRunner;
  PluginRunner out;
  out.set_clinic_id(clinic_id);
  switch (report.state) {
    case RunnerState::kRunning:
      out.set_state(PluginRunner::STATE_RUNNING);
      break;
    case RunnerState::kRestarting:
      out.set_state(PluginRunner::STATE_RESTARTING);
      break;
    case RunnerState::kCrashed:
      out.set_state(PluginRunner::STATE_CRASHED);
      break;
  }
  out.set_pid(report.pid);
  out.set_crash_count(report.crashes);
  out.set_last_crash_reason(report.last_crash_reason);
  if (report.last_crash_unix_micros > 0) {
    out.set_last_crash_at(FormatRfc3339Utc(report.last_crash_unix_micros / 1000000));
  }
  return out;
}

needlework::v1::Clinic ToClinic(const ClinicRecord& record) {
  needlework::v1::Clinic out;
  out.set_clinic_id(record.clinic_id);
  out.set_display_name(record.display_name);
  out.set_created_at(FormatRfc3339Utc(record.created_at));
  out.set_time_zone(record.time_zone);
  out.set_screening_recency_days(record.screening_recency_days);
  return out;
}

needlework::v1::ClinicPlugin ToClinicPlugin(const ClinicPluginView& view) {
  needlework::v1::ClinicPlugin out;
  out.set_plugin_id(view.setting.plugin_id);
  out.set_enabled(view.setting.enabled);
  out.set_installed(view.plugin != nullptr);
  if (view.plugin != nullptr) out.set_plugin_version(view.plugin->manifest.version());
  out.set_config_json(view.setting.config_json);
  out.set_effective_config_json(view.effective_config_json);
  if (view.has_setting) out.set_updated_at(FormatRfc3339Utc(view.setting.updated_at));
  out.set_pinned_version(view.pinned_version);
  out.set_previous_config_json(view.previous_config_json);
  return out;
}

Status RequireIds(const std::string& clinic_id, const std::string& plugin_id) {
  if (clinic_id.empty()) return InvalidArgumentError("clinic_id is required");
  if (plugin_id.empty()) return InvalidArgumentError("plugin_id is required");
  return OkStatus();
}

Status ValidateClinicId(const std::string& clinic_id) {
  static const std::regex kClinicId("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])$");
  if (std::regex_match(clinic_id, kClinicId)) return OkStatus();
  return InvalidArgumentError("clinic_id '" + clinic_id +
                              "' must be 2-63 characters of a-z, 0-9 and '-', not starting or "
                              "ending with '-' (e.g. 'harbour-skin')");
}

}  // namespace needlework::host
