// The Runner's AdminService commands: plugins, clinics, resources, opening hours.
#include "needlework/v1/admin.grpc.pb.h"
#include "requests.h"
#include "runner.h"

namespace needlework::ctl {
namespace {

std::unique_ptr<v1::AdminService::Stub> Admin(const std::shared_ptr<grpc::Channel>& channel) {
  return v1::AdminService::NewStub(channel);
}

// Renders the ClinicPlugin that enable, disable and configure answer with.
auto RenderSetting(const Command& command) {
  return [&command](const v1::ClinicPlugin& plugin, std::ostream& out) {
    RenderClinicPlugin(command.clinic_id, plugin, out);
  };
}

}  // namespace

int Runner::Plugins() {
  return Invoke<v1::ListPluginsResponse>(
      "ListPlugins",
      [&](auto* context, auto* response) {
        return Admin(channel_)->ListPlugins(context, v1::ListPluginsRequest(), response);
      },
      RenderPlugins);
}

int Runner::Clinics() {
  return Invoke<v1::ListClinicsResponse>(
      "ListClinics",
      [&](auto* context, auto* response) {
        return Admin(channel_)->ListClinics(context, v1::ListClinicsRequest(), response);
      },
      RenderClinics);
}

int Runner::ClinicCreate() {
  int exit_code = Invoke<v1::CreateClinicResponse>(
      "CreateClinic",
      [&](auto* context, auto* response) {
        return Admin(channel_)->CreateClinic(context, BuildCreateClinicRequest(command_), response);
      },
      RenderCreatedClinic);
  if (exit_code == kExitOk && command_.options.json) {
    err_ << "needleworkctl: the emr token is shown only this once; store it now\n";
  }
  return exit_code;
}

int Runner::ClinicPlugins() {
  return Invoke<v1::ListClinicPluginsResponse>(
      "ListClinicPlugins",
      [&](auto* context, auto* response) {
        return Admin(channel_)->ListClinicPlugins(context, BuildListClinicPluginsRequest(command_),
                                                  response);
      },
      RenderClinicPlugins);
}

int Runner::PluginEnable() {
  StatusOr<v1::EnablePluginRequest> request = BuildEnablePluginRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  return Invoke<v1::ClinicPlugin>(
      "EnablePlugin",
      [&](auto* context, auto* response) {
        return Admin(channel_)->EnablePlugin(context, *request, response);
      },
      RenderSetting(command_));
}

int Runner::PluginDisable() {
  return Invoke<v1::ClinicPlugin>(
      "DisablePlugin",
      [&](auto* context, auto* response) {
        return Admin(channel_)->DisablePlugin(context, BuildDisablePluginRequest(command_),
                                              response);
      },
      RenderSetting(command_));
}

int Runner::PluginConfigure() {
  StatusOr<v1::SetPluginConfigRequest> request = BuildSetPluginConfigRequest(command_);
  if (!request.ok()) return LocalError(request.status());
  return Invoke<v1::ClinicPlugin>(
      "SetPluginConfig",
      [&](auto* context, auto* response) {
        return Admin(channel_)->SetPluginConfig(context, *request, response);
      },
      RenderSetting(command_));
}

int Runner::ClinicTimeZone() {
  return Invoke<v1::Clinic>(
      "SetClinicTimeZone",
      [&](auto* context, auto* response) {
        return Admin(channel_)->SetClinicTimeZone(context, BuildSetClinicTimeZoneRequest(command_),
                                                  response);
      },
      RenderClinic);
}

int Runner::Resources() {
  return Invoke<v1::ListResourcesResponse>(
      "ListResources",
      [&](auto* context, auto* response) {
        return Admin(channel_)->ListResources(context, BuildListResourcesRequest(command_),
                                              response);
      },
      RenderResources);
}

int Runner::ResourceAdd() {
  return Invoke<v1::Resource>(
      "UpsertResource",
      [&](auto* context, auto* response) {
        return Admin(channel_)->UpsertResource(context, BuildUpsertResourceRequest(command_),
                                               response);
      },
      RenderResource);
}

int Runner::Hours() {
  return Invoke<v1::OpeningHours>(
      "GetOpeningHours",
      [&](auto* context, auto* response) {
        return Admin(channel_)->GetOpeningHours(context, BuildGetOpeningHoursRequest(command_),
                                                response);
      },
      RenderOpeningHours);
}

int Runner::HoursSet() {
  return Invoke<v1::OpeningHours>(
      "SetOpeningHours",
      [&](auto* context, auto* response) {
        return Admin(channel_)->SetOpeningHours(context, BuildSetOpeningHoursRequest(command_),
                                                response);
      },
      RenderOpeningHours);
}

}  // namespace needlework::ctl
