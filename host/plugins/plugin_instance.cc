#include "host/plugins/plugin_instance.h"

#include <nlohmann/json.hpp>

#include "host/common/json_limits.h"
#include "host/common/log.h"
#include "host/common/time_util.h"
#include "host/plugins/sink.h"
#include "needlework/plugin/v1/catalog.pb.h"

namespace needlework::host {
namespace {

Level ToLevel(int32_t level) {
  switch (level) {
    case NW_LOG_DEBUG:
      return Level::kDebug;
    case NW_LOG_WARNING:
      return Level::kWarning;
    case NW_LOG_ERROR:
      return Level::kError;
    default:
      return Level::kInfo;
  }
}

// A plugin's failure code as a Status code: UNKNOWN for a number that is no code.
StatusCode PluginCode(int32_t code) {
  if (code <= NW_OK || code > NW_UNAUTHENTICATED) return StatusCode::kUnknown;
  return static_cast<StatusCode>(code);
}

}  // namespace

// The nw_host_services table plus the identity its callbacks log under.
struct PluginInstance::Services {
  nw_host_services table{};
  std::string plugin_id;
  std::string clinic_id;

  static void Log(void* context, int32_t level, const char* message, size_t size) {
    auto* self = static_cast<Services*>(context);
    LogEvent(ToLevel(level), "plugin_log",
             {{"plugin", self->plugin_id},
              {"clinic", self->clinic_id},
              {"message", std::string(message, size)}});
  }
  static int64_t Now(void* /*context*/) { return NowUnixMicros(); }
};

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
      effective_config_json_(std::move(config)),
      services_(std::make_shared<Services>()) {
  services_->table = {sizeof(nw_host_services), services_.get(), &Services::Log, &Services::Now};
  services_->plugin_id = plugin.manifest.id();
  services_->clinic_id = clinic_id_;
}

StatusOr<std::shared_ptr<PluginInstance>> PluginInstance::Create(
    const LoadedPlugin& plugin, const std::string& clinic_id, const std::string& config_patch_json,
    Destroyer destroyer) {
  NW_ASSIGN_OR_RETURN(std::string config,
                      EffectiveConfig(plugin.manifest.default_config_json(), config_patch_json));
  std::shared_ptr<PluginInstance> instance(new PluginInstance(plugin, clinic_id, config));
  instance->destroyer_ = std::move(destroyer);
  StringSink error;
  int32_t code =
      plugin.api->create_instance(&instance->services_->table, clinic_id.data(), clinic_id.size(),
                                  config.data(), config.size(), &instance->instance_, error.get());
  if (code != NW_OK) {
    instance->instance_ = nullptr;
    StatusCode status = PluginCode(code);
    return Status(
        status, plugin.manifest.id() +
                    (status == StatusCode::kInvalidArgument ? " refused the config: "
                                                            : " could not create its instance: ") +
                    error.text());
  }
  if (instance->instance_ == nullptr) {
    return InternalError(plugin.manifest.id() + " reported success but created no instance");
  }
  NW_RETURN_IF_ERROR(instance->DescribeTherapies());
  return instance;
}

Status PluginInstance::DescribeTherapies() {
  if (!Serves(needlework::plugin::v1::HOOK_CATALOG)) return OkStatus();
  auto answer = Invoke(needlework::plugin::v1::HOOK_CATALOG,
                       needlework::plugin::v1::CatalogRequest().SerializeAsString());
  if (!answer.ok()) {
    return Status(answer.status().code(),
                  "could not read the therapies it offers: " + answer.status().message());
  }
  NW_ASSIGN_OR_RETURN(therapies_, CheckCatalog(plugin_id(), *answer));
  only_add_ons_ = OffersOnlyAddOns(therapies_);
  return OkStatus();
}

PluginInstance::~PluginInstance() {
  if (instance_ == nullptr) return;
  // The host services stay alive until the plugin is done with them.
  auto destroy = [api = plugin_->api, instance = instance_, services = services_] {
    api->destroy_instance(instance);
  };
  if (destroyer_) {
    destroyer_(std::move(destroy));
  } else {
    destroy();
  }
}

StatusOr<std::string> PluginInstance::Invoke(needlework::plugin::v1::Hook hook,
                                             const std::string& request) const {
  StringSink out;
  int32_t code = plugin_->api->invoke(instance_, static_cast<uint32_t>(hook),
                                      reinterpret_cast<const uint8_t*>(request.data()),
                                      request.size(), out.get());
  if (code == NW_OK) return std::move(out.text());
  return Status(PluginCode(code), plugin_id() + ": " + out.text());
}

bool PluginInstance::Serves(needlework::plugin::v1::Hook hook) const {
  for (int served : plugin_->manifest.hooks()) {
    if (served == hook) return true;
  }
  return false;
}

}  // namespace needlework::host
