#include "host/admin/admin_service.h"

#include "host/admin/admin_convert.h"
#include "host/common/grpc_status.h"
#include "host/common/log.h"
#include "host/common/paging.h"
#include "host/common/time_util.h"
#include "host/slots/clinic_time.h"

namespace needlework::host {

namespace v1 = needlework::v1;

grpc::ServerUnaryReactor* AdminServiceImpl::ListPlugins(Ctx* context,
                                                        const v1::ListPluginsRequest* request,
                                                        v1::ListPluginsResponse* response) {
  return AsAdmin(context, nullptr, [&](const Caller& caller) -> Status {
    for (const auto& entry : catalog_.entries()) {
      auto* plugin = response->add_plugins();
      *plugin = ToInstalledPlugin(entry);
      if (!entry.loaded) continue;
      const std::string& id = entry.plugin.manifest.id();
      plugin->set_isolation(ToIsolation(clinic_plugins_.ModeFor(id)));
      for (const auto& [clinic_id, runner] : clinic_plugins_.Runners(id)) {
        if (caller.role != Role::kAdmin && clinic_id != caller.clinic_id) continue;
        *plugin->add_runners() = ToPluginRunner(clinic_id, runner);
      }
    }
    return PageInMemory(*request, caller.clinic_id, response->mutable_plugins(), response,
                        [](const v1::InstalledPlugin& plugin) { return plugin.file(); });
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::CreateClinic(Ctx* context,
                                                         const v1::CreateClinicRequest* request,
                                                         v1::CreateClinicResponse* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(ValidateClinicId(request->clinic_id()));
    ClinicRecord clinic{
        request->clinic_id(),
        request->display_name().empty() ? request->clinic_id() : request->display_name(),
        NowUnixMicros() / 1000000};
    if (!request->time_zone().empty()) {  // checked against the tz database's list first
      NW_RETURN_IF_ERROR(slots::ClinicZone::Load(request->time_zone()).status());
      clinic.time_zone = request->time_zone();
    }
    IssuedToken token = TokenAuthority::Mint(Role::kEmr, clinic.clinic_id, "first emr token");
    NW_RETURN_IF_ERROR(store_.CreateClinic(clinic, token.record));
    NW_RETURN_IF_ERROR(tokens_.Publish(token.record));
    LogEvent(Level::kInfo, "clinic_created",
             {{"clinic", clinic.clinic_id}, {"emr_token_id", token.record.token_id}});
    *response->mutable_clinic() = ToClinic(clinic);
    response->set_emr_token(token.secret);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::ListClinics(Ctx* context,
                                                        const v1::ListClinicsRequest* request,
                                                        v1::ListClinicsResponse* response) {
  return AsAdmin(context, nullptr, [&]() -> Status {
    NW_ASSIGN_OR_RETURN(auto clinics, store_.ListClinics());
    for (const auto& clinic : clinics) *response->add_clinics() = ToClinic(clinic);
    return PageInMemory(*request, "", response->mutable_clinics(), response,
                        [](const v1::Clinic& clinic) { return clinic.clinic_id(); });
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::EnablePlugin(Ctx* context,
                                                         const v1::EnablePluginRequest* request,
                                                         v1::ClinicPlugin* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(RequireIds(request->clinic_id(), request->plugin_id()));
    std::optional<std::string> config;
    if (request->has_config_json()) config = request->config_json();
    NW_ASSIGN_OR_RETURN(auto view,
                        clinic_plugins_.Enable(request->clinic_id(), request->plugin_id(), config));
    *response = ToClinicPlugin(view);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::DisablePlugin(Ctx* context,
                                                          const v1::DisablePluginRequest* request,
                                                          v1::ClinicPlugin* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(RequireIds(request->clinic_id(), request->plugin_id()));
    NW_ASSIGN_OR_RETURN(auto view,
                        clinic_plugins_.Disable(request->clinic_id(), request->plugin_id()));
    *response = ToClinicPlugin(view);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::SetPluginConfig(
    Ctx* context, const v1::SetPluginConfigRequest* request, v1::ClinicPlugin* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(RequireIds(request->clinic_id(), request->plugin_id()));
    if (request->config_json().empty()) {
      return InvalidArgumentError("config_json is required; send \"{}\" to restore the defaults");
    }
    NW_ASSIGN_OR_RETURN(auto view,
                        clinic_plugins_.Configure(
                            request->clinic_id(), request->plugin_id(), request->config_json(),
                            request->mode() == v1::SetPluginConfigRequest::MODE_MERGE_PATCH));
    *response = ToClinicPlugin(view);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::ListClinicPlugins(
    Ctx* context, const v1::ListClinicPluginsRequest* request,
    v1::ListClinicPluginsResponse* response) {
  return AsAdmin(context, request, [&]() -> Status {
    if (request->clinic_id().empty()) return InvalidArgumentError("clinic_id is required");
    NW_ASSIGN_OR_RETURN(auto views, clinic_plugins_.List(request->clinic_id()));
    for (const auto& view : views) *response->add_plugins() = ToClinicPlugin(view);
    return PageInMemory(*request, "", response->mutable_plugins(), response,
                        [](const v1::ClinicPlugin& plugin) { return plugin.plugin_id(); });
  });
}

}  // namespace needlework::host
