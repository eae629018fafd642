// Which plugin instances serve each clinic, as immutable snapshots swapped atomically.
//
// A call takes the clinic's snapshot once and uses it to the end, so a toggle is seen by the
// next call, never half-way through one. Readers take no lock.
#ifndef NEEDLEWORK_HOST_PLUGINS_CLINIC_REGISTRY_H_
#define NEEDLEWORK_HOST_PLUGINS_CLINIC_REGISTRY_H_

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "host/plugins/plugin_instance.h"

namespace needlework::host {

// A plugin a clinic has enabled that could not be instantiated (not installed, or its stored
// config is refused by the installed version). Its hooks are unknown, so every hook fails
// closed on it: screening reviews, bookings are refused, plans are UNAVAILABLE, triage says
// contact the clinic, and aftercare plans name it.
struct UnavailablePlugin {
  std::string plugin_id;
  std::string reason;
};

// A therapy on offer at a clinic, with the instance that offers it.
struct OfferedTherapy {
  needlework::types::v1::Therapy therapy;
  std::shared_ptr<PluginInstance> instance;
};

struct ClinicPlugins {
  using InstanceList = std::vector<std::shared_ptr<PluginInstance>>;

  // `enabled` in any order; it is sorted by plugin id so merges are deterministic.
  ClinicPlugins(InstanceList enabled, std::vector<UnavailablePlugin> unavailable);

  // The enabled instances serving `hook`, by plugin id. Empty when none.
  const InstanceList& ForHook(needlework::plugin::v1::Hook hook) const;
  // The instances serving `hook` that take part in a treatment with `add_ons`: every plugin
  // that is not an add-on plugin, and each add-on plugin offering one of `add_ons`.
  InstanceList ForTreatment(needlework::plugin::v1::Hook hook, const Codings& add_ons) const;
  // True when a plugin that is not an add-on plugin serves `hook` (the base treatment).
  bool BaseServes(needlework::plugin::v1::Hook hook) const;

  // Every therapy the enabled plugins offer: BASE ones first, then ADD_ONs, each group by
  // code. A code offered by two plugins is listed once, from the first plugin by id.
  const std::vector<OfferedTherapy>& therapies() const { return therapies_; }
  // The offered ADD_ON with the same system and code as `code`, or nullptr.
  const OfferedTherapy* FindAddOn(const needlework::types::v1::Coding& code) const;

  InstanceList enabled;
  std::vector<UnavailablePlugin> unavailable;

 private:
  std::map<int, InstanceList> by_hook_;
  std::vector<OfferedTherapy> therapies_;
};

class ClinicRegistry {
 public:
  ClinicRegistry();
  // The clinic's current snapshot; an empty one for a clinic with nothing enabled.
  std::shared_ptr<const ClinicPlugins> Snapshot(const std::string& clinic_id) const;
  // Every clinic's current snapshot, by clinic id (for reports such as ListPlugins).
  std::map<std::string, std::shared_ptr<const ClinicPlugins>> All() const;
  // Makes `plugins` the clinic's snapshot for every call that starts from now on.
  void Publish(const std::string& clinic_id, std::shared_ptr<const ClinicPlugins> plugins);

 private:
  using Map = std::unordered_map<std::string, std::shared_ptr<const ClinicPlugins>>;
  std::atomic<std::shared_ptr<const Map>> clinics_;
  std::mutex publish_mutex_;  // serialises writers (copy-on-write of the map)
  std::shared_ptr<const ClinicPlugins> empty_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_CLINIC_REGISTRY_H_
