// How the answers of the clinic and plugin-setting commands read (clinics.h).
#include <cstdio>

#include "commands/clinics.h"
#include "dates.h"
#include "enums.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

std::string Hooks(const v1::PluginManifest& manifest) {
  std::string hooks;
  for (const std::string& hook : manifest.hooks())
    hooks.append(hooks.empty() ? "" : ",").append(hook);
  return OrDash(hooks);
}

// `text` line by line, each line after `indent`, made printable.
void PrintIndented(std::string_view text, std::string_view indent, std::ostream& out) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    out << indent << Printable(text.substr(0, end)) << '\n';
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
}

void PrintRefusals(const v1::ListPluginsResponse& response, std::ostream& out) {
  bool first = true;
  for (const v1::InstalledPlugin& plugin : response.plugins()) {
    if (plugin.state() != v1::InstalledPlugin::STATE_REFUSED) continue;
    if (first) out << "\nRefused:\n";
    first = false;
    PrintIndented(plugin.file() + ":", "  ", out);
    PrintIndented(plugin.refusal_reason().empty() ? "(no reason given)" : plugin.refusal_reason(),
                  "    ", out);
  }
}

// A footnote per loaded plugin the host does not trust, with the host's reason.
void PrintUntrusted(const v1::ListPluginsResponse& response, std::ostream& out) {
  bool first = true;
  for (const v1::InstalledPlugin& plugin : response.plugins()) {
    if (plugin.state() != v1::InstalledPlugin::STATE_LOADED || plugin.trusted()) continue;
    if (first) out << "\nNot trusted:\n";
    first = false;
    std::string reason(StripPrefix(plugin.trust_reason(), "untrusted: "));
    out << "  " << Printable(plugin.manifest().id() + " " + plugin.manifest().version()) << ": "
        << Printable(reason.empty() ? "(no reason given)" : reason) << '\n';
  }
}

// "in-process", "process"; "-" when the host did not say (a refused plugin, an older host).
std::string IsolationLabel(const v1::InstalledPlugin& plugin) {
  if (plugin.isolation() == v1::InstalledPlugin::ISOLATION_UNSPECIFIED) return "-";
  return EnumLabel(v1::InstalledPlugin::Isolation_Name(plugin.isolation()), "ISOLATION_");
}

std::string LastCrash(const v1::PluginRunner& runner) {
  if (runner.last_crash_reason().empty()) return "-";
  return runner.last_crash_at() + " " + runner.last_crash_reason();
}

// Each process-mode plugin's runners, one line per clinic.
void PrintRunners(const v1::ListPluginsResponse& response, std::ostream& out) {
  Table table({"PLUGIN", "CLINIC", "RUNNER", "PID", "CRASHES", "LAST CRASH"});
  bool any = false;
  for (const v1::InstalledPlugin& plugin : response.plugins()) {
    for (const v1::PluginRunner& runner : plugin.runners()) {
      any = true;
      table.AddRow({plugin.manifest().id(), runner.clinic_id(),
                    EnumLabel(v1::PluginRunner::State_Name(runner.state()), "STATE_"),
                    runner.pid() > 0 ? std::to_string(runner.pid()) : "-",
                    std::to_string(runner.crash_count()), LastCrash(runner)});
    }
  }
  if (!any) return;
  out << "\nRunners (process isolation, one per clinic):\n";
  table.Print(out, "  ");
}

}  // namespace

void RenderPlugins(const v1::ListPluginsResponse& response, std::ostream& out) {
  if (response.plugins().empty()) {
    out << "No plugins found by the host.\n";
    return;
  }
  Table table({"ID", "VERSION", "STATE", "TRUSTED", "ISOLATION", "HOOKS", "FILE"});
  for (const v1::InstalledPlugin& plugin : response.plugins()) {
    const v1::PluginManifest& manifest = plugin.manifest();
    bool loaded = plugin.state() == v1::InstalledPlugin::STATE_LOADED;
    table.AddRow({OrDash(manifest.id()), OrDash(manifest.version()),
                  EnumLabel(v1::InstalledPlugin::State_Name(plugin.state()), "STATE_"),
                  loaded ? (plugin.trusted() ? "yes" : "no") : "-", IsolationLabel(plugin),
                  Hooks(manifest), plugin.file()});
  }
  table.Print(out);
  PrintUntrusted(response, out);
  PrintRunners(response, out);
  PrintRefusals(response, out);
}

namespace {

std::string Duration(int64_t seconds) {
  int64_t days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60;
  if (days > 0) return std::to_string(days) + "d " + std::to_string(hours) + "h";
  if (hours > 0) return std::to_string(hours) + "h " + std::to_string(minutes) + "m";
  return std::to_string(minutes) + "m " + std::to_string(seconds % 60) + "s";
}

// Calls that did not answer well (error or timeout) per hundred calls; "-" without calls.
std::string ErrorRate(const v1::PluginCallCounts& plugin) {
  if (plugin.calls() == 0) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%",
                100.0 * static_cast<double>(plugin.errors() + plugin.timeouts()) /
                    static_cast<double>(plugin.calls()));
  return text;
}

}  // namespace

void RenderHostStatus(const v1::HostStatus& status, std::ostream& out) {
  out << "Up " << Duration(status.uptime_seconds()) << " (since "
      << FormatUnixUtc(status.started_at_unix()) << " UTC). Store " << status.store() << ": "
      << (status.store_ready() ? "ready" : "NOT READY: " + Printable(status.store_problem()))
      << ", " << status.store_commits() << " commits since start.\n\n";
  Table table({"PLUGIN", "VERSIONS", "STATE", "CALLS", "ERRORS", "TIMEOUTS", "QUARANTINED",
               "QUARANTINES", "CRASHES", "RESTARTS", "ERROR RATE"});
  for (const v1::PluginCallCounts& plugin : status.plugin_calls()) {
    table.AddRow({Printable(plugin.plugin_id()), OrDash(plugin.versions()), OrDash(plugin.state()),
                  std::to_string(plugin.calls()), std::to_string(plugin.errors()),
                  std::to_string(plugin.timeouts()), std::to_string(plugin.quarantined()),
                  std::to_string(plugin.quarantines()), std::to_string(plugin.crashes()),
                  std::to_string(plugin.restarts()), ErrorRate(plugin)});
  }
  table.Print(out);
  out << "\nClinics and their enabled plugins:\n";
  if (status.clinics().empty()) out << "  (no clinics yet)\n";
  for (const v1::ClinicEnabledPlugins& clinic : status.clinics()) {
    std::string enabled;
    for (const std::string& id : clinic.plugin_ids()) enabled += (enabled.empty() ? "" : ", ") + id;
    out << "  " << Printable(clinic.clinic_id()) << ": " << (enabled.empty() ? "none" : enabled)
        << "\n";
  }
}

void RenderClinics(const v1::ListClinicsResponse& response, std::ostream& out) {
  if (response.clinics().empty()) {
    out << "No clinics yet; add one with: needleworkctl clinic create <clinic-id> --name NAME\n";
    return;
  }
  Table table({"ID", "NAME", "TIME ZONE", "CREATED"});
  for (const v1::Clinic& clinic : response.clinics()) {
    table.AddRow({clinic.clinic_id(), OrDash(clinic.display_name()), OrDash(clinic.time_zone()),
                  OrDash(clinic.created_at())});
  }
  table.Print(out);
}

void RenderCreatedClinic(const v1::CreateClinicResponse& response, std::ostream& out) {
  const v1::Clinic& clinic = response.clinic();
  Table table;
  table.AddRow({"id", clinic.clinic_id()});
  table.AddRow({"name", OrDash(clinic.display_name())});
  table.AddRow({"time zone", OrDash(clinic.time_zone())});
  table.AddRow({"created", OrDash(clinic.created_at())});
  out << "Created clinic:\n";
  table.Print(out, "  ");
  out << "\nEMR token (shown only this once; the host keeps only its hash, so store it now):\n"
      << "  " << response.emr_token() << '\n';
  out << "\nThe clinic starts empty (every plugin off, no staff, rooms or hours). Give it a "
         "starting point:\n  needleworkctl clinic setup "
      << clinic.clinic_id() << " --time-zone " << OrDash(clinic.time_zone()) << '\n';
}

void RenderClinicPlugins(const v1::ListClinicPluginsResponse& response, std::ostream& out) {
  if (response.plugins().empty()) {
    out << "No plugins: the host has none installed and the clinic has no settings.\n";
    return;
  }
  Table table({"PLUGIN", "ENABLED", "VERSION", "PINNED", "INSTALLED", "CONFIG OVERRIDES"});
  for (const v1::ClinicPlugin& plugin : response.plugins()) {
    table.AddRow({plugin.plugin_id(), std::string(YesNo(plugin.enabled())),
                  OrDash(plugin.plugin_version()), OrDash(plugin.pinned_version()),
                  std::string(YesNo(plugin.installed())),
                  OrDash(CompactJson(plugin.config_json()))});
  }
  table.Print(out);
}

void RenderClinicPlugin(std::string_view clinic_id, const v1::ClinicPlugin& plugin,
                        std::ostream& out) {
  out << "Plugin " << plugin.plugin_id() << " for clinic " << clinic_id << ": "
      << (plugin.enabled() ? "enabled" : "disabled") << '\n';
  Table table;
  table.AddRow({"version", OrDash(plugin.plugin_version())});
  table.AddRow({"pinned", plugin.pinned_version().empty() ? "no: follows the newest version"
                                                          : plugin.pinned_version()});
  table.AddRow({"installed", plugin.installed() ? "yes" : "no: the host has no plugin of this id"});
  table.AddRow({"config overrides", OrDash(CompactJson(plugin.config_json()))});
  table.AddRow({"effective config", OrDash(CompactJson(plugin.effective_config_json()))});
  table.AddRow({"updated", OrDash(plugin.updated_at())});
  table.Print(out, "  ");
}

}  // namespace needlework::ctl
