// plugin pin|unpin|rescan: plugin versions side by side, per-clinic pins, rescans.
#include "commands/clinics.h"
#include "commands/families.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {
namespace {

using Admin = v1::AdminService::Stub;

struct VersionArgs {
  std::string clinic_id;  // <clinic-id>
  std::string plugin_id;  // <plugin-id>
  std::string version;    // <version>
};
using Args = VersionArgs;

constexpr Positional<Args> kClinicId{"clinic-id", SetWord<&Args::clinic_id>, false};
constexpr Positional<Args> kPluginId{"plugin-id", SetWord<&Args::plugin_id>, false};
constexpr Positional<Args> kVersion{"version", SetWord<&Args::version>, false};

auto RenderSetting(const Args& args) {
  return [&args](const v1::ClinicPlugin& plugin, std::ostream& out) {
    RenderClinicPlugin(args.clinic_id, plugin, out);
  };
}

void RenderRescan(const v1::RescanPluginsResponse& response, std::ostream& out) {
  if (response.added().empty()) out << "No new plugin files.\n";
  for (const v1::InstalledPlugin& plugin : response.added()) {
    bool loaded = plugin.state() == v1::InstalledPlugin::STATE_LOADED;
    out << (loaded ? "Loaded " + plugin.manifest().id() + " " + plugin.manifest().version()
                   : std::string("Refused"))
        << ": " << plugin.file() << '\n';
    if (!loaded) out << "  " << plugin.refusal_reason() << '\n';
  }
  if (response.moves().empty()) return;
  Table table({"CLINIC", "PLUGIN", "FROM", "TO", "ERROR"});
  for (const v1::PluginVersionMove& move : response.moves()) {
    table.AddRow({move.clinic_id(), move.plugin_id(), OrDash(move.from_version()),
                  move.to_version(), OrDash(move.error())});
  }
  out << "\nClinics moved to a new version:\n";
  table.Print(out, "  ");
}

int PluginPin(const Args& args, Session& session) {
  v1::PinPluginVersionRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_plugin_id(args.plugin_id);
  request.set_version(args.version);
  return session.Invoke(&Admin::PinPluginVersion, "PinPluginVersion", request, RenderSetting(args));
}

int PluginUnpin(const Args& args, Session& session) {
  v1::UnpinPluginVersionRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_plugin_id(args.plugin_id);
  return session.Invoke(&Admin::UnpinPluginVersion, "UnpinPluginVersion", request,
                        RenderSetting(args));
}

int PluginRescan(const Args&, Session& session) {
  return session.Invoke(&Admin::RescanPlugins, "RescanPlugins", v1::RescanPluginsRequest(),
                        RenderRescan);
}

}  // namespace

std::vector<Command> VersionCommands() {
  return {
      MakeCommand<Args>(
          {"plugin pin", "<clinic-id> <plugin-id> <version>",
           "Keep a clinic on one installed version of a plugin",
           "Pins the clinic to <version> of the plugin (e.g. 1.0.0), which must be installed;\n"
           "its next call is served by that version, calls already running finish on theirs.\n"
           "The pin survives restarts and rescans; it is audited. Unpinned clinics get the\n"
           "newest installed version. Needs an admin token, or the clinic's clinic_admin."},
          {.positionals = {kClinicId, kPluginId, kVersion}}, PluginPin),
      MakeCommand<Args>(
          {"plugin unpin", "<clinic-id> <plugin-id>",
           "Let a clinic follow the newest version of a plugin",
           "Removes the clinic's pin: its next call is served by the newest installed version.\n"
           "Needs an admin token, or the clinic's clinic_admin."},
          {.positionals = {kClinicId, kPluginId}}, PluginUnpin),
      MakeCommand<Args>(
          {"plugin rescan", "", "Load new plugin files without a restart",
           "Looks for new plugin files in the host's plugin directories and loads them with the\n"
           "same checks as at start-up (approval and signature in enforce mode). Every\n"
           "unpinned clinic moves to a newer version found. Put a new version in a new file\n"
           "beside the old one: a loaded file rewritten in place is refused (the host keeps\n"
           "the bytes it loaded). Needs an admin token."},
          {}, PluginRescan),
  };
}

}  // namespace needlework::ctl
