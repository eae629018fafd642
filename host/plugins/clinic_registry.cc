#include "host/plugins/clinic_registry.h"

#include <algorithm>
#include <set>

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;

std::vector<OfferedTherapy> Offered(const ClinicPlugins::InstanceList& instances) {
  std::vector<OfferedTherapy> offered;
  std::set<std::string> seen;
  for (const auto& instance : instances) {
    for (const auto& therapy : instance->therapies()) {
      if (seen.insert(TherapyKey(therapy.code())).second) offered.push_back({therapy, instance});
    }
  }
  std::stable_sort(offered.begin(), offered.end(), [](const auto& a, const auto& b) {
    bool a_base = a.therapy.kind() == types::THERAPY_KIND_BASE;
    bool b_base = b.therapy.kind() == types::THERAPY_KIND_BASE;
    if (a_base != b_base) return a_base;
    return a.therapy.code().code() < b.therapy.code().code();
  });
  return offered;
}

}  // namespace

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
  therapies_ = Offered(enabled);
}

ClinicPlugins::InstanceList ClinicPlugins::ForTreatment(needlework::plugin::v1::Hook hook,
                                                        const Codings& add_ons) const {
  InstanceList chosen;
  for (const auto& instance : ForHook(hook)) {
    if (instance->ConsultedFor(add_ons)) chosen.push_back(instance);
  }
  return chosen;
}

bool ClinicPlugins::BaseServes(needlework::plugin::v1::Hook hook) const {
  const auto& serving = ForHook(hook);
  return std::any_of(serving.begin(), serving.end(),
                     [](const auto& instance) { return !instance->only_add_ons(); });
}

const OfferedTherapy* ClinicPlugins::FindAddOn(const types::Coding& code) const {
  const std::string key = TherapyKey(code);
  for (const auto& offered : therapies_) {
    if (offered.therapy.kind() == types::THERAPY_KIND_ADD_ON &&
        TherapyKey(offered.therapy.code()) == key) {
      return &offered;
    }
  }
  return nullptr;
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

std::map<std::string, std::shared_ptr<const ClinicPlugins>> ClinicRegistry::All() const {
  auto clinics = clinics_.load();
  return {clinics->begin(), clinics->end()};
}

void ClinicRegistry::Publish(const std::string& clinic_id,
                             std::shared_ptr<const ClinicPlugins> plugins) {
  std::lock_guard lock(publish_mutex_);
  auto next = std::make_shared<Map>(*clinics_.load());
  (*next)[clinic_id] = std::move(plugins);
  clinics_.store(std::move(next));
}

}  // namespace needlework::host
