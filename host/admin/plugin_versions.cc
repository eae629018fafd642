// ClinicPluginManager's versions: which version serves a clinic, pins, and moving clinics to
// a version a rescan found (Republish, shared with the other changes, is in clinic_plugins.cc).
#include <set>

#include "host/admin/clinic_plugins.h"
#include "host/common/log.h"
#include "host/plugins/hook_runner.h"

namespace needlework::host {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined.empty() ? "none" : joined;
}

// The version of `plugin_id` serving the clinic now; empty when none.
std::string LiveVersion(const ClinicPlugins& plugins, const std::string& plugin_id) {
  for (const auto& instance : plugins.enabled) {
    if (instance->plugin_id() == plugin_id) return instance->version();
  }
  return "";
}

}  // namespace

StatusOr<std::string> ClinicPluginManager::PinOf(const std::string& clinic_id,
                                                 const std::string& plugin_id) const {
  NW_ASSIGN_OR_RETURN(auto pins, store_->ListPluginPins(clinic_id));
  for (const auto& pin : pins) {
    if (pin.plugin_id == plugin_id) return pin.version;
  }
  return std::string();
}

StatusOr<const LoadedPlugin*> ClinicPluginManager::Chosen(const std::string& plugin_id,
                                                          const std::string& pin) const {
  if (pin.empty()) return Installed(plugin_id);
  if (const LoadedPlugin* plugin = catalog_->Find(plugin_id, pin)) return plugin;
  return NotFoundError(plugin_id + " " + pin + " is not installed on this host (installed " +
                       "versions: " + Joined(catalog_->Versions(plugin_id)) +
                       "); install that version beside the others and rescan, or pin another");
}

StatusOr<ClinicPluginView> ClinicPluginManager::Pin(const std::string& clinic_id,
                                                    const std::string& plugin_id,
                                                    const std::string& version) {
  NW_ASSIGN_OR_RETURN(Pending pending, Begin(clinic_id, plugin_id, version));
  std::shared_ptr<PluginInstance> instance;
  if (pending.setting.enabled) {
    NW_ASSIGN_OR_RETURN(instance,
                        CreateInstanceWithin(*pool_, create_deadline_, *pending.plugin, clinic_id,
                                             pending.setting.config_json, *code_));
  }
  return Republish(pending, std::move(instance), /*pin=*/true);
}

StatusOr<PluginRescan> ClinicPluginManager::Rescan() {
  PluginRescan rescan;
  rescan.added = catalog_->Rescan();
  std::set<std::string> grown;
  for (const auto& entry : rescan.added) {
    if (entry.loaded) grown.insert(entry.plugin.manifest.id());
  }
  if (grown.empty()) return rescan;
  NW_ASSIGN_OR_RETURN(auto settings, store_->ListPluginSettings(""));
  for (const auto& setting : settings) {
    if (!setting.enabled || !grown.contains(setting.plugin_id)) continue;
    if (auto move = Move(setting)) rescan.moves.push_back(*std::move(move));
  }
  return rescan;
}

std::optional<PluginMove> ClinicPluginManager::Move(const PluginSetting& setting) {
  PluginMove move{setting.clinic_id, setting.plugin_id,
                  LiveVersion(*registry_->Snapshot(setting.clinic_id), setting.plugin_id), "", ""};
  StatusOr<Pending> pending = Begin(setting.clinic_id, setting.plugin_id);
  if (!pending.ok() || pending->plugin->manifest.version() == move.from_version) {
    return std::nullopt;  // its pin is still not installed, or it is on the chosen version
  }
  move.to_version = pending->plugin->manifest.version();
  auto instance = CreateInstanceWithin(*pool_, create_deadline_, *pending->plugin,
                                       setting.clinic_id, pending->setting.config_json, *code_);
  Status moved =
      instance.ok() ? Republish(*pending, *instance, /*pin=*/false).status() : instance.status();
  if (!moved.ok()) move.error = moved.message();
  LogEvent(moved.ok() ? Level::kInfo : Level::kError, "plugin_moved",
           {{"clinic", move.clinic_id},
            {"plugin", move.plugin_id},
            {"from", move.from_version},
            {"to", move.to_version},
            {"error", move.error}});
  return move;
}

}  // namespace needlework::host
