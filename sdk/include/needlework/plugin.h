// The C++ side of the plugin SDK: derive from needlework::Plugin, override the hooks you
// serve, and register the class with one line:
//
//   class LumenPlugin : public needlework::Plugin {
//    public:
//     static needlework::plugin::v1::Manifest Describe();
//     static needlework::StatusOr<std::unique_ptr<LumenPlugin>> Create(
//         const needlework::InstanceContext& context);
//     needlework::Status Screen(const needlework::plugin::v1::ScreenRequest& request,
//                               needlework::plugin::v1::ScreenResponse* response) override;
//   };
//   NEEDLEWORK_PLUGIN(LumenPlugin)
//
// The macro exports the single entry point the host looks for. Everything in between (the
// C ABI, parsing and serializing, the exception barrier) is done here: an exception thrown
// by plugin code never leaves the library; it becomes an INTERNAL status.
#ifndef NEEDLEWORK_PLUGIN_H_
#define NEEDLEWORK_PLUGIN_H_

#include <boost/dll/alias.hpp>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "needlework/build_key.h"
#include "needlework/message_fingerprints.h"
#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/plugin/v1/catalog.pb.h"
#include "needlework/plugin/v1/check_booking.pb.h"
#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/plugin/v1/plan.pb.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/plugin_abi.h"
#include "needlework/status.h"

namespace needlework {

enum class LogLevel : int32_t {
  kDebug = NW_LOG_DEBUG,
  kInfo = NW_LOG_INFO,
  kWarning = NW_LOG_WARNING,
  kError = NW_LOG_ERROR
};

// What the host offers a plugin instance. Cheap to copy; valid for the instance's life.
class HostServices {
 public:
  explicit HostServices(const nw_host_services* services) : services_(services) {}
  // One line in the host's structured log, attributed to this plugin and clinic.
  void Log(LogLevel level, std::string_view message) const {
    if (services_ != nullptr && services_->log != nullptr) {
      services_->log(services_->context, static_cast<int32_t>(level), message.data(),
                     message.size());
    }
  }
  // Microseconds since the Unix epoch, from the host's clock.
  int64_t NowUnixMicros() const {
    return services_ != nullptr && services_->now_unix_micros != nullptr
               ? services_->now_unix_micros(services_->context)
               : 0;
  }

 private:
  const nw_host_services* services_;  // owned by the host
};

// Everything a plugin needs to create its instance for one clinic.
struct InstanceContext {
  std::string clinic_id;
  std::string config_json;  // the effective config: manifest defaults + the clinic's patch
  HostServices host;
};

// Base class of every plugin instance (one per clinic that enables the plugin). Hooks may
// be called from many threads at once: keep instances immutable after Create, or guard
// what changes. A hook the plugin does not serve answers UNIMPLEMENTED.
class Plugin {
 public:
  // Potentially throwing, so that an exception from a plugin's destructor reaches the
  // wrapper's catch instead of ending the process (destructors are otherwise noexcept).
  virtual ~Plugin() noexcept(false) = default;

  virtual Status Screen(const plugin::v1::ScreenRequest& /*request*/,
                        plugin::v1::ScreenResponse* /*response*/) {
    return UnimplementedError("this plugin does not serve the screen hook");
  }
  // Since ABI 1.1.
  virtual Status Plan(const plugin::v1::PlanRequest& /*request*/,
                      plugin::v1::PlanResponse* /*response*/) {
    return UnimplementedError("this plugin does not serve the plan hook");
  }
  // Since ABI 1.1.
  virtual Status CheckBooking(const plugin::v1::CheckBookingRequest& /*request*/,
                              plugin::v1::CheckBookingResponse* /*response*/) {
    return UnimplementedError("this plugin does not serve the check_booking hook");
  }
  // Since ABI 1.2.
  virtual Status Aftercare(const plugin::v1::AftercareRequest& /*request*/,
                           plugin::v1::AftercareResponse* /*response*/) {
    return UnimplementedError("this plugin does not serve the aftercare hook");
  }
  // Since ABI 1.2.
  virtual Status Triage(const plugin::v1::TriageRequest& /*request*/,
                        plugin::v1::TriageResponse* /*response*/) {
    return UnimplementedError("this plugin does not serve the triage hook");
  }
  // Since ABI 1.3. Asked once per instance; describe the therapies this config offers.
  virtual Status Catalog(const plugin::v1::CatalogRequest& /*request*/,
                         plugin::v1::CatalogResponse* /*response*/) {
    return UnimplementedError("this plugin does not serve the catalog hook");
  }
};

namespace internal {

inline void WriteText(nw_sink* sink, std::string_view text) {
  if (sink != nullptr && sink->write != nullptr) {
    sink->write(sink->context, reinterpret_cast<const uint8_t*>(text.data()), text.size());
  }
}

inline int32_t WriteStatus(nw_sink* sink, const Status& status) {
  WriteText(sink, status.message());
  return static_cast<int32_t>(status.code());
}

inline int32_t WriteMessage(nw_sink* sink, const google::protobuf::MessageLite& message) {
  std::string bytes;
  if (!message.SerializeToString(&bytes)) {
    return WriteStatus(sink, InternalError("plugin produced an unserializable message"));
  }
  WriteText(sink, bytes);
  return NW_OK;
}

// Parses Request, calls `method` on the instance, serializes Response.
template <typename Request, typename Response, typename Method>
int32_t Serve(Plugin& plugin, Method method, const uint8_t* data, size_t size, nw_sink* out) {
  Request request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) {
    return WriteStatus(out, InvalidArgumentError("malformed " + request.GetTypeName()));
  }
  Response response;
  Status status = (plugin.*method)(request, &response);
  if (!status.ok()) return WriteStatus(out, status);
  return WriteMessage(out, response);
}

// Routes a hook number to the matching virtual. New hooks are added here.
inline int32_t Dispatch(Plugin& plugin, uint32_t hook, const uint8_t* data, size_t size,
                        nw_sink* out) {
  switch (hook) {
    case plugin::v1::HOOK_SCREEN:
      return Serve<plugin::v1::ScreenRequest, plugin::v1::ScreenResponse>(plugin, &Plugin::Screen,
                                                                          data, size, out);
    case plugin::v1::HOOK_PLAN:
      return Serve<plugin::v1::PlanRequest, plugin::v1::PlanResponse>(plugin, &Plugin::Plan, data,
                                                                      size, out);
    case plugin::v1::HOOK_CHECK_BOOKING:
      return Serve<plugin::v1::CheckBookingRequest, plugin::v1::CheckBookingResponse>(
          plugin, &Plugin::CheckBooking, data, size, out);
    case plugin::v1::HOOK_AFTERCARE:
      return Serve<plugin::v1::AftercareRequest, plugin::v1::AftercareResponse>(
          plugin, &Plugin::Aftercare, data, size, out);
    case plugin::v1::HOOK_TRIAGE:
      return Serve<plugin::v1::TriageRequest, plugin::v1::TriageResponse>(plugin, &Plugin::Triage,
                                                                          data, size, out);
    case plugin::v1::HOOK_CATALOG:
      return Serve<plugin::v1::CatalogRequest, plugin::v1::CatalogResponse>(
          plugin, &Plugin::Catalog, data, size, out);
    default:
      return WriteStatus(out, UnimplementedError("unknown hook " + std::to_string(hook)));
  }
}

// Runs `body`, turning any exception into an INTERNAL status written to `out`.
template <typename Body>
int32_t Guard(nw_sink* out, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::exception& e) {
    return WriteStatus(out, InternalError(std::string("plugin threw: ") + e.what()));
  } catch (...) {
    return WriteStatus(out, InternalError("plugin threw a non-standard exception"));
  }
}

template <typename PluginClass>
struct Trampolines {
  static int32_t Describe(nw_sink* out) {
    return Guard(out, [&] { return WriteMessage(out, PluginClass::Describe()); });
  }
  static int32_t CreateInstance(const nw_host_services* host, const char* clinic_id,
                                size_t clinic_id_size, const char* config_json,
                                size_t config_json_size, nw_instance** instance, nw_sink* error) {
    return Guard(error, [&] {
      InstanceContext context{std::string(clinic_id, clinic_id_size),
                              std::string(config_json, config_json_size), HostServices(host)};
      StatusOr<std::unique_ptr<PluginClass>> created = PluginClass::Create(context);
      if (!created.ok()) return WriteStatus(error, created.status());
      Plugin* base = created->release();
      *instance = reinterpret_cast<nw_instance*>(base);
      return static_cast<int32_t>(NW_OK);
    });
  }
  static int32_t Invoke(nw_instance* instance, uint32_t hook, const uint8_t* request,
                        size_t request_size, nw_sink* out) {
    return Guard(out, [&] {
      return Dispatch(*reinterpret_cast<Plugin*>(instance), hook, request, request_size, out);
    });
  }
  static void DestroyInstance(nw_instance* instance) noexcept {
    try {
      delete reinterpret_cast<Plugin*>(instance);
    } catch (...) {  // a throwing destructor must not take the host down
    }
  }
  // The table the host reads. message_fingerprints is the table of the SDK headers this
  // plugin is compiled with, not of the library it runs against: that is the point.
  static const nw_plugin_api* Api() {
    static const nw_plugin_api api = {sizeof(nw_plugin_api),
                                      NEEDLEWORK_ABI_MAJOR,
                                      NEEDLEWORK_ABI_MINOR,
                                      NEEDLEWORK_BUILD_KEY,
                                      &Describe,
                                      &CreateInstance,
                                      &Invoke,
                                      &DestroyInstance,
                                      NEEDLEWORK_MESSAGE_FINGERPRINTS};
    return &api;
  }
};

}  // namespace internal
}  // namespace needlework

// Registers PluginClass as this library's plugin: exports the entry point the host loads.
// Use once per plugin library, at namespace scope, outside any namespace.
#define NEEDLEWORK_PLUGIN(PluginClass)                              \
  namespace needlework_plugin_registration {                        \
  extern "C" const nw_plugin_api* NeedleworkPluginEntry() {         \
    return ::needlework::internal::Trampolines<PluginClass>::Api(); \
  }                                                                 \
  }                                                                 \
  BOOST_DLL_ALIAS(needlework_plugin_registration::NeedleworkPluginEntry, needlework_plugin_v1)

#endif  // NEEDLEWORK_PLUGIN_H_
