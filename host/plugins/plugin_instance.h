// One plugin enabled for one clinic, with that clinic's config.
#ifndef NEEDLEWORK_HOST_PLUGINS_PLUGIN_INSTANCE_H_
#define NEEDLEWORK_HOST_PLUGINS_PLUGIN_INSTANCE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "host/plugins/plugin_code.h"
#include "host/plugins/plugin_library.h"
#include "host/plugins/therapies.h"
#include "needlework/status.h"

namespace needlework::host {

// The config a plugin instance is created with: the manifest's defaults with the clinic's
// JSON merge patch (RFC 7386) applied. INVALID_ARGUMENT when the patch is not a JSON object
// or is over kPluginConfigLimits (checked before it is parsed).
StatusOr<std::string> EffectiveConfig(const std::string& defaults_json,
                                      const std::string& patch_json);

class PluginInstance {
 public:
  using Clock = PluginCode::Clock;
  // Where a plugin's destroy_instance runs: given the call, runs it (or has it run). Without
  // one, it runs on the thread that drops the instance's last reference.
  using Destroyer = std::function<void(std::function<void()> destroy)>;

  // Creates the instance with `code` (in process unless told otherwise); the plugin
  // validates the effective config and may refuse it (INVALID_ARGUMENT with the plugin's
  // reason). Any other failure of create_instance keeps the plugin's code (UNKNOWN for a
  // number that is no code; INTERNAL for an exception), saying the plugin could not create
  // its instance. A plugin serving `catalog` is asked for its therapies here, once; a failed
  // or malformed answer refuses the instance with the reason. `deadline` bounds both steps
  // where the code's mode can (see PluginCode). `plugin` and `code` must outlive the
  // instance (the catalog and the factory live for the process).
  static StatusOr<std::shared_ptr<PluginInstance>> Create(
      const LoadedPlugin& plugin, const std::string& clinic_id,
      const std::string& config_patch_json, PluginCodeFactory& code = InProcessCodeFactory(),
      Clock::time_point deadline = Clock::time_point::max(), Destroyer destroyer = nullptr);
  // Hands the code's end (destroy_instance in process) to the Destroyer, if any.
  ~PluginInstance();
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;

  // Calls the plugin's hook with a serialized request; the serialized response, or the
  // plugin's error (its code, message prefixed with the plugin id). Thread-safe.
  StatusOr<std::string> Invoke(needlework::plugin::v1::Hook hook, const std::string& request,
                               Clock::time_point deadline = Clock::time_point::max()) const;
  // The watchdog found a call of `hook` past its deadline (see PluginCode::DeadlinePassed).
  void DeadlinePassed(needlework::plugin::v1::Hook hook) const { code_->DeadlinePassed(hook); }
  // Where this instance's code runs, and its runner's state in process mode.
  IsolationMode isolation() const { return isolation_; }
  std::optional<RunnerReport> runner() const { return code_->Runner(); }

  bool Serves(needlework::plugin::v1::Hook hook) const;
  const std::string& plugin_id() const { return plugin_->manifest.id(); }
  const std::string& version() const { return plugin_->manifest.version(); }
  const std::string& clinic_id() const { return clinic_id_; }
  const std::string& effective_config_json() const { return effective_config_json_; }

  // The therapies this instance offers with its config (empty when it serves no catalog).
  const std::vector<needlework::types::v1::Therapy>& therapies() const { return therapies_; }
  // An add-on plugin (offers add-ons and no base treatment) is asked only when one of its
  // add-ons is part of the treatment; any other plugin is always asked.
  bool ConsultedFor(const Codings& add_ons) const {
    return !only_add_ons_ || OffersAnyOf(therapies_, add_ons);
  }
  bool only_add_ons() const { return only_add_ons_; }

  // Quarantine: while a call into this instance is stuck past its deadline, the host does
  // not call it again (each stuck call holds a plugin-call thread). Marked when a call passes
  // its deadline, cleared when that call returns.
  void MarkStuck() { stuck_calls_.fetch_add(1); }
  void ClearStuck() { stuck_calls_.fetch_sub(1); }
  bool quarantined() const { return stuck_calls_.load(std::memory_order_relaxed) > 0; }

 private:
  PluginInstance(const LoadedPlugin& plugin, std::string clinic_id, std::string config);
  Status DescribeTherapies(Clock::time_point deadline);

  const LoadedPlugin* plugin_;  // owned by the catalog
  std::string clinic_id_;
  std::string effective_config_json_;
  std::unique_ptr<PluginCode> code_;
  IsolationMode isolation_ = IsolationMode::kInProcess;
  Destroyer destroyer_;
  std::atomic<int> stuck_calls_{0};
  std::vector<needlework::types::v1::Therapy> therapies_;  // fixed after Create
  bool only_add_ons_ = false;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_PLUGIN_INSTANCE_H_
