#include "host/admin/clinic_plugins.h"

#include <map>

#include "host/common/log.h"
#include "host/common/time_util.h"
#include "host/plugins/hook_runner.h"
#include "host/plugins/plugin_instance.h"

namespace needlework::host {
namespace {

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

// The snapshot a clinic gets when `plugin_id` is replaced by `instance` (or dropped).
std::shared_ptr<const ClinicPlugins> Replace(const ClinicPlugins& current,
                                             const std::string& plugin_id,
                                             std::shared_ptr<PluginInstance> instance) {
  ClinicPlugins::InstanceList enabled;
  for (const auto& existing : current.enabled) {
    if (existing->plugin_id() != plugin_id) enabled.push_back(existing);
  }
  if (instance) enabled.push_back(std::move(instance));
  std::vector<UnavailablePlugin> unavailable;
  for (const auto& missing : current.unavailable) {
    if (missing.plugin_id != plugin_id) unavailable.push_back(missing);
  }
  return std::make_shared<const ClinicPlugins>(std::move(enabled), std::move(unavailable));
}

}  // namespace

Status ClinicPluginManager::LoadAll() {
  std::lock_guard lock(mutex_);
  NW_ASSIGN_OR_RETURN(auto settings, store_->ListPluginSettings(""));
  NW_ASSIGN_OR_RETURN(auto pins, store_->ListPluginPins(""));
  std::map<std::pair<std::string, std::string>, std::string> pinned;
  for (const auto& pin : pins) pinned[{pin.clinic_id, pin.plugin_id}] = pin.version;
  std::map<std::string, std::pair<ClinicPlugins::InstanceList, std::vector<UnavailablePlugin>>>
      by_clinic;
  for (const auto& setting : settings) {
    if (!setting.enabled) continue;
    auto& [enabled, unavailable] = by_clinic[setting.clinic_id];
    auto plugin = Chosen(setting.plugin_id, pinned[{setting.clinic_id, setting.plugin_id}]);
    auto instance = plugin.ok()
                        ? CreateInstanceWithin(*pool_, create_deadline_, **plugin,
                                               setting.clinic_id, setting.config_json, *code_)
                        : StatusOr<std::shared_ptr<PluginInstance>>(plugin.status());
    if (instance.ok()) {
      enabled.push_back(*instance);
    } else {
      unavailable.push_back({setting.plugin_id, instance.status().message()});
      LogEvent(Level::kError, "plugin_unavailable",
               {{"clinic", setting.clinic_id},
                {"plugin", setting.plugin_id},
                {"reason", instance.status().message()}});
    }
  }
  for (auto& [clinic_id, lists] : by_clinic) {
    registry_->Publish(clinic_id, std::make_shared<const ClinicPlugins>(std::move(lists.first),
                                                                        std::move(lists.second)));
  }
  return OkStatus();
}

StatusOr<const LoadedPlugin*> ClinicPluginManager::Installed(const std::string& plugin_id) const {
  const LoadedPlugin* plugin = catalog_->Find(plugin_id);
  if (plugin != nullptr) return plugin;
  std::string installed;
  for (const auto& entry : catalog_->entries()) {
    if (entry.loaded) installed += (installed.empty() ? "" : ", ") + entry.plugin.manifest.id();
  }
  return NotFoundError("no plugin '" + plugin_id + "' is installed on this host (installed: " +
                       (installed.empty() ? "none" : installed) + ")");
}

StatusOr<PluginSetting> ClinicPluginManager::CurrentSetting(const std::string& clinic_id,
                                                            const std::string& plugin_id) {
  NW_RETURN_IF_ERROR(store_->GetClinic(clinic_id).status());
  NW_ASSIGN_OR_RETURN(auto settings, store_->ListPluginSettings(clinic_id));
  for (const auto& setting : settings) {
    if (setting.plugin_id == plugin_id) return setting;
  }
  return PluginSetting{clinic_id, plugin_id, false, "{}", 0};
}

StatusOr<ClinicPluginManager::Pending> ClinicPluginManager::Begin(
    const std::string& clinic_id, const std::string& plugin_id,
    const std::optional<std::string>& pin) {
  std::lock_guard lock(mutex_);
  Pending pending;
  NW_ASSIGN_OR_RETURN(pending.setting, CurrentSetting(clinic_id, plugin_id));
  if (pin) {
    pending.pinned_version = *pin;
  } else {
    NW_ASSIGN_OR_RETURN(pending.pinned_version, PinOf(clinic_id, plugin_id));
  }
  NW_ASSIGN_OR_RETURN(pending.plugin, Chosen(plugin_id, pending.pinned_version));
  pending.generation = generation_[{clinic_id, plugin_id}];
  return pending;
}

StatusOr<std::shared_ptr<PluginInstance>> ClinicPluginManager::CreateInstance(
    const Pending& pending, const std::string& config_json) {
  return CreateInstanceWithin(*pool_, create_deadline_, *pending.plugin, pending.setting.clinic_id,
                              config_json, *code_);
}

Status ClinicPluginManager::Unchanged(const Pending& pending) {
  const auto& setting = pending.setting;
  if (generation_[{setting.clinic_id, setting.plugin_id}] == pending.generation) return OkStatus();
  return Status(StatusCode::kAborted, setting.plugin_id + " for clinic '" + setting.clinic_id +
                                          "' was changed meanwhile; nothing was changed, retry");
}

StatusOr<ClinicPluginView> ClinicPluginManager::Finish(const Pending& pending,
                                                       std::shared_ptr<PluginInstance> instance) {
  std::lock_guard lock(mutex_);
  NW_RETURN_IF_ERROR(Unchanged(pending));
  return Commit(pending.setting, std::move(instance));
}

StatusOr<ClinicPluginView> ClinicPluginManager::Enable(
    const std::string& clinic_id, const std::string& plugin_id,
    const std::optional<std::string>& config_json) {
  NW_ASSIGN_OR_RETURN(Pending pending, Begin(clinic_id, plugin_id));
  if (config_json) pending.setting.config_json = *config_json;
  NW_ASSIGN_OR_RETURN(auto instance, CreateInstance(pending, pending.setting.config_json));
  pending.setting.enabled = true;
  return Finish(pending, std::move(instance));
}

StatusOr<ClinicPluginView> ClinicPluginManager::Disable(const std::string& clinic_id,
                                                        const std::string& plugin_id) {
  std::lock_guard lock(mutex_);
  NW_ASSIGN_OR_RETURN(PluginSetting setting, CurrentSetting(clinic_id, plugin_id));
  if (setting.updated_at == 0) NW_RETURN_IF_ERROR(Installed(plugin_id).status());
  setting.enabled = false;
  return Commit(setting, nullptr);
}

StatusOr<ClinicPluginView> ClinicPluginManager::Configure(const std::string& clinic_id,
                                                          const std::string& plugin_id,
                                                          const std::string& config_json,
                                                          bool merge_patch) {
  NW_ASSIGN_OR_RETURN(Pending pending, Begin(clinic_id, plugin_id));
  std::string previous = pending.setting.config_json;
  std::string config = config_json;
  // The stored overrides with the patch applied, exactly as defaults get the overrides.
  if (merge_patch) {
    NW_ASSIGN_OR_RETURN(config, EffectiveConfig(previous, config_json));
  }
  // Validated by the plugin even while disabled, so a later enable cannot fail on it.
  NW_ASSIGN_OR_RETURN(auto instance, CreateInstance(pending, config));
  pending.setting.config_json = config;
  NW_ASSIGN_OR_RETURN(ClinicPluginView view,
                      Finish(pending, pending.setting.enabled ? std::move(instance) : nullptr));
  view.previous_config_json = previous.empty() ? "{}" : previous;
  return view;
}

StatusOr<ClinicPluginView> ClinicPluginManager::Commit(const PluginSetting& requested,
                                                       std::shared_ptr<PluginInstance> instance) {
  PluginSetting setting = requested;
  setting.updated_at = NowSeconds();
  NW_RETURN_IF_ERROR(store_->UpsertPluginSetting(setting));
  ++generation_[{setting.clinic_id, setting.plugin_id}];
  registry_->Publish(setting.clinic_id, Replace(*registry_->Snapshot(setting.clinic_id),
                                                setting.plugin_id, std::move(instance)));
  LogEvent(
      Level::kInfo, "plugin_toggled",
      {{"clinic", setting.clinic_id}, {"plugin", setting.plugin_id}, {"enabled", setting.enabled}});
  return View(setting, true);
}

StatusOr<ClinicPluginView> ClinicPluginManager::Republish(const Pending& pending,
                                                          std::shared_ptr<PluginInstance> instance,
                                                          bool pin) {
  std::lock_guard lock(mutex_);
  NW_RETURN_IF_ERROR(Unchanged(pending));
  const auto& setting = pending.setting;
  if (pin) {
    NW_RETURN_IF_ERROR(store_->SetPluginPin(
        {setting.clinic_id, setting.plugin_id, pending.pinned_version, NowSeconds()}));
    LogEvent(Level::kInfo, "plugin_pinned",
             {{"clinic", setting.clinic_id},
              {"plugin", setting.plugin_id},
              {"version", pending.pinned_version.empty() ? "newest" : pending.pinned_version}});
  }
  ++generation_[{setting.clinic_id, setting.plugin_id}];
  if (instance) {
    registry_->Publish(setting.clinic_id, Replace(*registry_->Snapshot(setting.clinic_id),
                                                  setting.plugin_id, std::move(instance)));
  }
  return View(setting, setting.updated_at != 0);
}

ClinicPluginView ClinicPluginManager::View(const PluginSetting& setting, bool has_setting) const {
  ClinicPluginView view{setting, has_setting, nullptr, "", "", ""};
  if (auto pin = PinOf(setting.clinic_id, setting.plugin_id); pin.ok()) view.pinned_version = *pin;
  if (auto plugin = Chosen(setting.plugin_id, view.pinned_version); plugin.ok())
    view.plugin = *plugin;
  if (view.plugin != nullptr) {
    auto effective =
        EffectiveConfig(view.plugin->manifest.default_config_json(), setting.config_json);
    if (effective.ok()) view.effective_config_json = *effective;
  }
  return view;
}

StatusOr<std::vector<ClinicPluginView>> ClinicPluginManager::List(const std::string& clinic_id) {
  NW_RETURN_IF_ERROR(store_->GetClinic(clinic_id).status());
  NW_ASSIGN_OR_RETURN(auto settings, store_->ListPluginSettings(clinic_id));
  std::vector<ClinicPluginView> views;
  std::map<std::string, bool> seen;
  for (const auto& setting : settings) {
    views.push_back(View(setting, true));
    seen[setting.plugin_id] = true;
  }
  for (const auto& entry : catalog_->entries()) {
    if (!entry.loaded || seen.contains(entry.plugin.manifest.id())) continue;
    seen[entry.plugin.manifest.id()] = true;  // one view per plugin id, whatever its versions
    views.push_back(
        View(PluginSetting{clinic_id, entry.plugin.manifest.id(), false, "{}", 0}, false));
  }
  return views;
}

std::vector<std::pair<std::string, RunnerReport>> ClinicPluginManager::Runners(
    const std::string& plugin_id) const {
  std::vector<std::pair<std::string, RunnerReport>> runners;
  for (const auto& [clinic_id, plugins] : registry_->All()) {
    for (const auto& instance : plugins->enabled) {
      if (instance->plugin_id() != plugin_id) continue;
      if (auto runner = instance->runner()) runners.emplace_back(clinic_id, *runner);
    }
  }
  return runners;
}

}  // namespace needlework::host
