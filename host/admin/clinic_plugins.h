// Turning plugins on and off per clinic, live and durably.
//
// Every change is validated first (the plugin must be installed and accept the config),
// then written to the store, then published to the ClinicRegistry: a refused change writes
// nothing, and a published one is already durable. Changes are serialised, but plugin code
// (create_instance and catalog, bounded by their deadline) runs outside the lock: a change
// whose clinic plugin was changed by another one meanwhile is refused (ABORTED, retry).
#ifndef NEEDLEWORK_HOST_ADMIN_CLINIC_PLUGINS_H_
#define NEEDLEWORK_HOST_ADMIN_CLINIC_PLUGINS_H_

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "host/plugins/clinic_registry.h"
#include "host/plugins/plugin_call_pool.h"
#include "host/plugins/plugin_catalog.h"
#include "host/plugins/plugin_code.h"
#include "host/storage/store.h"

namespace needlework::host {

// A clinic's setting for one plugin, as shown to admins.
struct ClinicPluginView {
  PluginSetting setting;
  bool has_setting = false;              // false: installed, never configured for this clinic
  const LoadedPlugin* plugin = nullptr;  // the version serving the clinic; nullptr: none
  std::string effective_config_json;     // empty when not computable
  std::string pinned_version;            // empty: the clinic gets the newest version
  std::string previous_config_json;      // Configure only: the overrides it replaced
};

// A clinic moved to another version of a plugin by a rescan.
struct PluginMove {
  std::string clinic_id;
  std::string plugin_id;
  std::string from_version;  // empty when no version served the clinic before
  std::string to_version;
  std::string error;  // set when the new version could not serve it (the old one stays)
};

// What a rescan found, and which clinics it moved.
struct PluginRescan {
  std::vector<CatalogEntry> added;  // new files, loaded or refused
  std::vector<PluginMove> moves;
};

class ClinicPluginManager {
 public:
  // None owned; all outlive the manager. Plugin instances are created on `pool`, each
  // within `create_deadline`, with their code from `code` (in process, or in a runner).
  ClinicPluginManager(Store* store, PluginCatalog* catalog, ClinicRegistry* registry,
                      PluginCallPool* pool, std::chrono::milliseconds create_deadline,
                      PluginCodeFactory* code)
      : store_(store),
        catalog_(catalog),
        registry_(registry),
        pool_(pool),
        create_deadline_(create_deadline),
        code_(code) {}

  // Builds and publishes every clinic's snapshot from the store (at start-up). A plugin that
  // cannot be instantiated is published as unavailable, so its clinic's calls fail closed.
  Status LoadAll();

  // NOT_FOUND for an unknown clinic or an uninstalled plugin; INVALID_ARGUMENT when the
  // plugin refuses the config; DEADLINE_EXCEEDED when it does not create its instance within
  // the deadline (nothing stored); ABORTED when the same clinic plugin changed meanwhile.
  // `config_json` absent keeps the stored config.
  StatusOr<ClinicPluginView> Enable(const std::string& clinic_id, const std::string& plugin_id,
                                    const std::optional<std::string>& config_json);
  StatusOr<ClinicPluginView> Disable(const std::string& clinic_id, const std::string& plugin_id);
  // Sets the clinic's overrides to `config_json`, or with `merge_patch` to the stored
  // overrides with `config_json` applied as an RFC 7396 merge patch (read and written under
  // the same change check, so a concurrent change is never lost: ABORTED instead). Errors
  // as Enable, plus INVALID_ARGUMENT for a patch that is not a JSON object.
  StatusOr<ClinicPluginView> Configure(const std::string& clinic_id, const std::string& plugin_id,
                                       const std::string& config_json, bool merge_patch);
  // Every setting of the clinic plus every installed plugin without one.
  StatusOr<std::vector<ClinicPluginView>> List(const std::string& clinic_id);

  // Versions (plugin_versions.cc). A clinic is served by the version it is pinned to, else
  // by the newest installed version (semantic order). A clinic pinned to a version that is
  // not installed gets none: its calls fail closed, naming the pin.
  //
  // Pins the clinic to `version` of `plugin_id` (stored, so it survives a restart); an
  // enabled plugin is re-created at that version and serves the clinic's next call, while
  // calls already running finish on the version they started with. An empty `version`
  // unpins (the clinic gets the newest). NOT_FOUND for an unknown clinic or a version that
  // is not installed (naming the installed ones); else as Enable.
  StatusOr<ClinicPluginView> Pin(const std::string& clinic_id, const std::string& plugin_id,
                                 const std::string& version);
  // Rescans the catalog's directories (PluginCatalog::Rescan), then moves every enabled,
  // unpinned clinic to the newest version of each plugin that gained one (and a pinned
  // clinic whose version just arrived). A clinic whose new instance cannot be created keeps
  // the old one; the move names the error.
  StatusOr<PluginRescan> Rescan();

  // Where `plugin_id`'s instances run.
  IsolationMode ModeFor(const std::string& plugin_id) const { return code_->ModeFor(plugin_id); }
  // The runner of each clinic's live instance of `plugin_id` in process mode, by clinic id
  // (none in process).
  std::vector<std::pair<std::string, RunnerReport>> Runners(const std::string& plugin_id) const;

 private:
  StatusOr<PluginSetting> CurrentSetting(const std::string& clinic_id,
                                         const std::string& plugin_id);
  StatusOr<const LoadedPlugin*> Installed(const std::string& plugin_id) const;
  // The clinic's pinned version of the plugin; empty when none.
  StatusOr<std::string> PinOf(const std::string& clinic_id, const std::string& plugin_id) const;
  // The version that serves a clinic pinned to `pin` (empty: the newest). NOT_FOUND naming
  // the installed versions.
  StatusOr<const LoadedPlugin*> Chosen(const std::string& plugin_id, const std::string& pin) const;
  // Under mutex_: the setting to change, the chosen version, and the change count it is at.
  struct Pending {
    PluginSetting setting;
    std::string pinned_version;
    const LoadedPlugin* plugin = nullptr;
    uint64_t generation = 0;
  };
  // `pin`, when given, replaces the clinic's stored pin for the choice of version.
  StatusOr<Pending> Begin(const std::string& clinic_id, const std::string& plugin_id,
                          const std::optional<std::string>& pin = std::nullopt);
  // Publishes `instance` for the pending clinic plugin without changing its setting (a pin,
  // a move), unless another change came first (ABORTED). With `pin`, stores the pin first.
  StatusOr<ClinicPluginView> Republish(const Pending& pending,
                                       std::shared_ptr<PluginInstance> instance, bool pin);
  // Moves one clinic plugin to the version chosen for it now, if that is not the live one.
  std::optional<PluginMove> Move(const PluginSetting& setting);
  // Without mutex_: the instance for `config_json`, from plugin code bounded by its deadline.
  StatusOr<std::shared_ptr<PluginInstance>> CreateInstance(const Pending& pending,
                                                           const std::string& config_json);
  // Under mutex_: ABORTED when the same clinic plugin changed since `pending` began.
  Status Unchanged(const Pending& pending);
  // Commits `pending.setting` unless another change of the same clinic plugin came first.
  StatusOr<ClinicPluginView> Finish(const Pending& pending,
                                    std::shared_ptr<PluginInstance> instance);
  // Writes `setting`, then publishes the clinic's snapshot with `instance` (or without the
  // plugin when instance is null).
  StatusOr<ClinicPluginView> Commit(const PluginSetting& setting,
                                    std::shared_ptr<PluginInstance> instance);
  ClinicPluginView View(const PluginSetting& setting, bool has_setting) const;

  std::mutex mutex_;  // serialises changes; never held while plugin code runs
  // Changes committed per (clinic, plugin) since start; guarded by mutex_.
  std::map<std::pair<std::string, std::string>, uint64_t> generation_;
  Store* store_;
  PluginCatalog* catalog_;
  ClinicRegistry* registry_;
  PluginCallPool* pool_;
  std::chrono::milliseconds create_deadline_;
  PluginCodeFactory* code_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_ADMIN_CLINIC_PLUGINS_H_
