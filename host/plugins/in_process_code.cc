#include "host/plugins/in_process_code.h"

#include "host/common/time_util.h"
#include "host/plugins/sink.h"

namespace needlework::host {
namespace {

class InProcessFactory final : public PluginCodeFactory {
 public:
  StatusOr<std::unique_ptr<PluginCode>> Create(const LoadedPlugin& plugin,
                                               const std::string& clinic_id,
                                               const std::string& config_json,
                                               PluginCode::Clock::time_point) override {
    auto code = InProcessCode::Create(plugin, clinic_id, config_json);
    if (!code.ok()) {
      return CreateFailed(plugin.manifest.id(), static_cast<int32_t>(code.status().code()),
                          code.status().message());
    }
    return std::unique_ptr<PluginCode>(std::move(code).value());
  }
  IsolationMode ModeFor(const std::string&) const override { return IsolationMode::kInProcess; }
};

}  // namespace

// The nw_host_services table plus where its log goes.
struct InProcessCode::Services {
  nw_host_services table{};
  LogFunction log;

  static void Log(void* context, int32_t level, const char* message, size_t size) {
    static_cast<Services*>(context)->log(level, std::string_view(message, size));
  }
  static int64_t Now(void* /*context*/) { return NowUnixMicros(); }
};

Level PluginLogLevel(int32_t level) {
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

PluginCodeFactory& InProcessCodeFactory() {
  static auto* factory = new InProcessFactory();  // never destroyed: outlives every instance
  return *factory;
}

Status CreateFailed(const std::string& plugin_id, int32_t code, std::string_view reason) {
  StatusCode status = PluginStatusCode(code);
  const char* what = status == StatusCode::kInvalidArgument ? " refused the config: "
                                                            : " could not create its instance: ";
  return Status(status, plugin_id + what + std::string(reason));
}

StatusCode PluginStatusCode(int32_t code) {
  if (code <= NW_OK || code > NW_UNAUTHENTICATED) return StatusCode::kUnknown;
  return static_cast<StatusCode>(code);
}

InProcessCode::InProcessCode(const LoadedPlugin& plugin, LogFunction log)
    : plugin_(&plugin), services_(std::make_unique<Services>()) {
  services_->table = {sizeof(nw_host_services), services_.get(), &Services::Log, &Services::Now};
  services_->log = std::move(log);
}

StatusOr<std::unique_ptr<InProcessCode>> InProcessCode::Create(const LoadedPlugin& plugin,
                                                               const std::string& clinic_id,
                                                               const std::string& config_json,
                                                               LogFunction log) {
  if (!log) {
    log = [plugin_id = plugin.manifest.id(), clinic_id](int32_t level, std::string_view text) {
      LogEvent(PluginLogLevel(level), "plugin_log",
               {{"plugin", plugin_id}, {"clinic", clinic_id}, {"message", std::string(text)}});
    };
  }
  std::unique_ptr<InProcessCode> code(new InProcessCode(plugin, std::move(log)));
  StringSink error;
  int32_t status = plugin.api->create_instance(&code->services_->table, clinic_id.data(),
                                               clinic_id.size(), config_json.data(),
                                               config_json.size(), &code->instance_, error.get());
  if (status != NW_OK) {
    code->instance_ = nullptr;
    return Status(PluginStatusCode(status), error.text());
  }
  if (code->instance_ == nullptr) {
    return InternalError("it reported success but created no instance");
  }
  return code;
}

InProcessCode::~InProcessCode() {
  if (instance_ != nullptr) plugin_->api->destroy_instance(instance_);
}

StatusOr<std::string> InProcessCode::Invoke(needlework::plugin::v1::Hook hook,
                                            const std::string& request, Clock::time_point) {
  StringSink out;
  int32_t code = plugin_->api->invoke(instance_, static_cast<uint32_t>(hook),
                                      reinterpret_cast<const uint8_t*>(request.data()),
                                      request.size(), out.get());
  if (code == NW_OK) return std::move(out.text());
  return Status(PluginStatusCode(code), std::move(out.text()));
}

}  // namespace needlework::host
