#include "host/plugins/clinic_registry.h"

#include <algorithm>

namespace needlework::host {

ClinicPlugins::ClinicPlugins(InstanceList enabled_instances,
                             std::vector<UnavailablePlugin> unavailable_plugins)
    : enabled(std::move(enabled_instances)), unavailable(std::move(unavailable_plugins)) {
  std::sort(enabled.begin(), enabled.end(),
            [](const auto& a, const auto& b) { return a->plugin_id() < b->plugin_id(); });
  for (const auto& instance : enabled) {
    for (int hook = 1; needlework::plugin::v1::Hook_IsValid(hook); ++hook) {
      if (instance->Serves(static_cast<needlework::plugin::v1::Hook>(hook))) {
        by_hook_[hook].push_back(instance);
      }
    }
  }
}

const ClinicPlugins::InstanceList& ClinicPlugins::ForHook(needlework::plugin::v1::Hook hook) const {
  static const InstanceList kNone;
  auto it = by_hook_.find(hook);
  return it == by_hook_.end() ? kNone : it->second;
}

ClinicRegistry::ClinicRegistry()
    : clinics_(std::make_shared<const Map>()),
      empty_(std::make_shared<const ClinicPlugins>(ClinicPlugins::InstanceList{},
                                                   std::vector<UnavailablePlugin>{})) {}

std::shared_ptr<const ClinicPlugins> ClinicRegistry::Snapshot(const std::string& clinic_id) const {
  auto clinics = clinics_.load();
  auto it = clinics->find(clinic_id);
  return it == clinics->end() ? empty_ : it->second;
}

void ClinicRegistry::Publish(const std::string& clinic_id,
                             std::shared_ptr<const ClinicPlugins> plugins) {
  std::lock_guard lock(publish_mutex_);
  auto next = std::make_shared<Map>(*clinics_.load());
  (*next)[clinic_id] = std::move(plugins);
  clinics_.store(std::move(next));
}

}  // namespace needlework::host
