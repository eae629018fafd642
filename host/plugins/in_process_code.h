// A plugin instance's code called directly through its C ABI, in this process: the host's
// in_process mode, and what needlework-plugin-runner runs inside its child process.
#ifndef NEEDLEWORK_HOST_PLUGINS_IN_PROCESS_CODE_H_
#define NEEDLEWORK_HOST_PLUGINS_IN_PROCESS_CODE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "host/common/log.h"
#include "host/plugins/plugin_code.h"

namespace needlework::host {

// The host log level of a plugin's `log` call (NW_LOG_*; info for an unknown level).
Level PluginLogLevel(int32_t level);

class InProcessCode final : public PluginCode {
 public:
  // Where the plugin's `log` host service writes: (NW_LOG_* level, message). Called from
  // any plugin thread.
  using LogFunction = std::function<void(int32_t level, std::string_view message)>;

  // Calls the plugin's create_instance for `clinic_id` with `config_json`. On a refusal:
  // the plugin's code with its reason alone (callers say whose: CreateFailed). `plugin`
  // outlives the code. A null `log` logs `plugin_log` events in this process's log.
  static StatusOr<std::unique_ptr<InProcessCode>> Create(const LoadedPlugin& plugin,
                                                         const std::string& clinic_id,
                                                         const std::string& config_json,
                                                         LogFunction log = nullptr);
  ~InProcessCode() override;  // destroy_instance
  InProcessCode(const InProcessCode&) = delete;
  InProcessCode& operator=(const InProcessCode&) = delete;

  // Ignores `deadline`: code in this process cannot be stopped.
  StatusOr<std::string> Invoke(needlework::plugin::v1::Hook hook, const std::string& request,
                               Clock::time_point deadline) override;
  void DeadlinePassed(needlework::plugin::v1::Hook /*hook*/) override {}
  std::optional<RunnerReport> Runner() const override { return std::nullopt; }

 private:
  struct Services;
  InProcessCode(const LoadedPlugin& plugin, LogFunction log);

  const LoadedPlugin* plugin_;          // owned by the catalog
  std::unique_ptr<Services> services_;  // handed to the plugin; outlives instance_
  nw_instance* instance_ = nullptr;     // owned; freed with destroy_instance
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_IN_PROCESS_CODE_H_
