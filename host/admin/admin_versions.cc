// AdminService: plugin versions side by side, per-clinic pins, and rescans.
#include "host/admin/admin_convert.h"
#include "host/admin/admin_service.h"

namespace needlework::host {
namespace {

namespace v1 = needlework::v1;

v1::PluginVersionMove ToPluginVersionMove(const PluginMove& move) {
  v1::PluginVersionMove out;
  out.set_clinic_id(move.clinic_id);
  out.set_plugin_id(move.plugin_id);
  out.set_from_version(move.from_version);
  out.set_to_version(move.to_version);
  out.set_error(move.error);
  return out;
}

}  // namespace

grpc::ServerUnaryReactor* AdminServiceImpl::PinPluginVersion(
    Ctx* context, const v1::PinPluginVersionRequest* request, v1::ClinicPlugin* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(RequireIds(request->clinic_id(), request->plugin_id()));
    if (request->version().empty()) {
      return InvalidArgumentError("version is required; UnpinPluginVersion removes a pin");
    }
    NW_ASSIGN_OR_RETURN(auto view, clinic_plugins_.Pin(request->clinic_id(), request->plugin_id(),
                                                       request->version()));
    *response = ToClinicPlugin(view);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::UnpinPluginVersion(
    Ctx* context, const v1::UnpinPluginVersionRequest* request, v1::ClinicPlugin* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(RequireIds(request->clinic_id(), request->plugin_id()));
    NW_ASSIGN_OR_RETURN(auto view,
                        clinic_plugins_.Pin(request->clinic_id(), request->plugin_id(), ""));
    *response = ToClinicPlugin(view);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::RescanPlugins(Ctx* context,
                                                          const v1::RescanPluginsRequest*,
                                                          v1::RescanPluginsResponse* response) {
  return AsAdmin(context, nullptr, [&]() -> Status {
    NW_ASSIGN_OR_RETURN(PluginRescan rescan, clinic_plugins_.Rescan());
    for (const auto& entry : rescan.added) *response->add_added() = ToInstalledPlugin(entry);
    for (const auto& move : rescan.moves) *response->add_moves() = ToPluginVersionMove(move);
    return OkStatus();
  });
}

}  // namespace needlework::host
