#include "harness.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "hook_messages.h"
#include "host/isolation/isolated_code.h"
#include "host/plugins/opened_plugin.h"
#include "host/plugins/plugin_code.h"
#include "host/plugins/plugin_library.h"

namespace needlework::harness {
namespace {

using Clock = host::PluginCode::Clock;

// The manifest's default config with `patch` merged over it (RFC 7386), as the host builds
// a clinic's effective config.
StatusOr<std::string> EffectiveConfig(const host::LoadedPlugin& plugin, const std::string& patch) {
  const std::string& defaults = plugin.manifest.default_config_json();
  nlohmann::json config = nlohmann::json::parse(defaults.empty() ? "{}" : defaults, nullptr,
                                                /*allow_exceptions=*/false);
  nlohmann::json merge = nlohmann::json::parse(patch, nullptr, /*allow_exceptions=*/false);
  if (!merge.is_object()) {
    return InvalidArgumentError(
        "--config must be a JSON object (a merge patch over the "
        "plugin's default config), not: " +
        patch);
  }
  config.merge_patch(merge);
  return config.dump();
}

Status CheckServes(const host::LoadedPlugin& plugin, needlework::plugin::v1::Hook hook,
                   const std::string& name) {
  const auto& hooks = plugin.manifest.hooks();
  if (std::find(hooks.begin(), hooks.end(), hook) != hooks.end()) return OkStatus();
  return FailedPreconditionError(plugin.manifest.id() + " does not list the hook " + name +
                                 " in its manifest, so a host never calls it");
}

// The code of the instance in `options.mode`; `factory` keeps process mode's runner.
StatusOr<std::unique_ptr<host::PluginCode>> CreateCode(
    const HarnessOptions& options, const host::LoadedPlugin& plugin, const std::string& config,
    std::unique_ptr<host::isolation::IsolatingCodeFactory>* factory) {
  const auto deadline = Clock::now() + options.deadline;
  if (options.mode == host::IsolationMode::kInProcess) {
    return host::InProcessCodeFactory().Create(plugin, options.clinic_id, config, deadline);
  }
  host::isolation::RunnerSettings settings;
  settings.isolation.by_plugin[plugin.manifest.id()] = host::IsolationMode::kProcess;
  settings.isolation.runner = options.runner;
  settings.isolation.max_crashes = 1;  // one call: a crash is the answer, not a restart
  settings.trust.mode = host::TrustMode::kDevelopment;
  settings.limits.memory_cgroup = false;  // the runner's rlimits only: no cgroup needed
  NW_ASSIGN_OR_RETURN(*factory, host::isolation::IsolatingCodeFactory::New(settings));
  return (*factory)->Create(plugin, options.clinic_id, config, deadline);
}

// LoadPluginLibrary(file) with the sha256 of the sealed bytes set, as the host's catalog
// sets it: a runner checks the bytes it loads against it.
StatusOr<host::LoadedPlugin> LoadPlugin(const std::string& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return FailedPreconditionError("cannot load: " + file + ": " + std::strerror(errno));
  StatusOr<host::OpenedPlugin> sealed = host::OpenedPlugin::Seal(file, fd);
  ::close(fd);
  if (!sealed.ok()) return FailedPreconditionError("cannot load: " + sealed.status().message());
  NW_ASSIGN_OR_RETURN(host::LoadedPlugin plugin, host::LoadPluginLibrary(*sealed));
  plugin.sha256 = sealed->sha256();
  return plugin;
}

}  // namespace

StatusOr<std::string> RunHook(const HarnessOptions& options) {
  NW_ASSIGN_OR_RETURN(HookMessages hook, FindHookMessages(options.hook));
  NW_ASSIGN_OR_RETURN(auto request, BuildRequest(hook, options.request_json, options.fhir_json));
  NW_ASSIGN_OR_RETURN(host::LoadedPlugin plugin, LoadPlugin(options.plugin_file));
  NW_RETURN_IF_ERROR(CheckServes(plugin, hook.hook, options.hook));
  NW_ASSIGN_OR_RETURN(std::string config, EffectiveConfig(plugin, options.config_patch));
  std::unique_ptr<host::isolation::IsolatingCodeFactory> factory;
  NW_ASSIGN_OR_RETURN(auto code, CreateCode(options, plugin, config, &factory));
  auto answer =
      code->Invoke(hook.hook, request->SerializeAsString(), Clock::now() + options.deadline);
  if (!answer.ok()) {
    return Status(answer.status().code(), plugin.manifest.id() + " answered " + options.hook +
                                              ": " + answer.status().message());
  }
  return AnswerAsJson(hook, *answer);
}

}  // namespace needlework::harness
