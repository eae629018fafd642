#include "host/plugins/plugin_instance.h"

#include <nlohmann/json.hpp>

#include "host/common/json_limits.h"
#include "needlework/plugin/v1/catalog.pb.h"

namespace needlework::host {

StatusOr<std::string> EffectiveConfig(const std::string& defaults_json,
                                      const std::string& patch_json) {
  NW_RETURN_IF_ERROR(CheckJsonLimits(patch_json, "config_json", kPluginConfigLimits));
  auto defaults =
      nlohmann::json::parse(defaults_json.empty() ? "{}" : defaults_json, nullptr, false);
  auto patch = nlohmann::json::parse(patch_json.empty() ? "{}" : patch_json, nullptr, false);
  if (patch.is_discarded()) return InvalidArgumentError("config_json is not valid JSON");
  if (!patch.is_object()) return InvalidArgumentError("config_json must be a JSON object");
  if (!defaults.is_object()) defaults = nlohmann::json::object();
  defaults.merge_patch(patch);
  return defaults.dump();
}

PluginInstance::PluginInstance(const LoadedPlugin& plugin, std::string clinic_id,
                               std::string config)
    : plugin_(&plugin),
      clinic_id_(std::move(clinic_id)),
      effective_config_json_(std::move(config)) {}

StatusOr<std::shared_ptr<PluginInstance>> PluginInstance::Create(
    const LoadedPlugin& plugin, const std::string& clinic_id, const std::string& config_patch_json,
    PluginCodeFactory& code, Clock::time_point deadline, Destroyer destroyer) {
  NW_ASSIGN_OR_RETURN(std::string config,
                      EffectiveConfig(plugin.manifest.default_config_json(), config_patch_json));
  std::shared_ptr<PluginInstance> instance(new PluginInstance(plugin, clinic_id, config));
  instance->destroyer_ = std::move(destroyer);
  NW_ASSIGN_OR_RETURN(instance->code_, code.Create(plugin, clinic_id, config, deadline));
  instance->isolation_ = code.ModeFor(plugin.manifest.id());
  NW_RETURN_IF_ERROR(instance->DescribeTherapies(deadline));
  return instance;
}

Status PluginInstance::DescribeTherapies(Clock::time_point deadline) {
  if (!Serves(needlework::plugin::v1::HOOK_CATALOG)) return OkStatus();
  auto answer = Invoke(needlework::plugin::v1::HOOK_CATALOG,
                       needlework::plugin::v1::CatalogRequest().SerializeAsString(), deadline);
  if (!answer.ok()) {
    return Status(answer.status().code(),
                  "could not read the therapies it offers: " + answer.status().message());
  }
  NW_ASSIGN_OR_RETURN(therapies_, CheckCatalog(plugin_id(), *answer));
  only_add_ons_ = OffersOnlyAddOns(therapies_);
  return OkStatus();
}

PluginInstance::~PluginInstance() {
  if (!code_) return;
  std::shared_ptr<PluginCode> code(std::move(code_));
  if (destroyer_) {
    destroyer_([code = std::move(code)]() mutable { code.reset(); });
  } else {
    code.reset();
  }
}

StatusOr<std::string> PluginInstance::Invoke(needlework::plugin::v1::Hook hook,
                                             const std::string& request,
                                             Clock::time_point deadline) const {
  StatusOr<std::string> answer = code_->Invoke(hook, request, deadline);
  if (answer.ok()) return answer;
  return answer.status().WithPrefix(plugin_id());
}

bool PluginInstance::Serves(needlework::plugin::v1::Hook hook) const {
  for (int served : plugin_->manifest.hooks()) {
    if (served == hook) return true;
  }
  return false;
}

}  // namespace needlework::host
