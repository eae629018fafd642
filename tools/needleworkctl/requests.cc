#include "requests.h"

#include "inputs.h"

namespace needlework::ctl {

v1::CreateClinicRequest BuildCreateClinicRequest(const Command& command) {
  v1::CreateClinicRequest request;
  request.set_clinic_id(command.clinic_id);
  request.set_display_name(command.display_name);
  request.set_time_zone(command.time_zone);
  return request;
}

v1::ListClinicPluginsRequest BuildListClinicPluginsRequest(const Command& command) {
  v1::ListClinicPluginsRequest request;
  request.set_clinic_id(command.clinic_id);
  return request;
}

v1::DisablePluginRequest BuildDisablePluginRequest(const Command& command) {
  v1::DisablePluginRequest request;
  request.set_clinic_id(command.clinic_id);
  request.set_plugin_id(command.plugin_id);
  return request;
}

StatusOr<v1::EnablePluginRequest> BuildEnablePluginRequest(const Command& command) {
  v1::EnablePluginRequest request;
  request.set_clinic_id(command.clinic_id);
  request.set_plugin_id(command.plugin_id);
  if (command.config.has_value()) {
    NW_ASSIGN_OR_RETURN(*request.mutable_config_json(), ResolveConfig(*command.config));
  }
  return request;
}

StatusOr<v1::SetPluginConfigRequest> BuildSetPluginConfigRequest(const Command& command) {
  v1::SetPluginConfigRequest request;
  request.set_clinic_id(command.clinic_id);
  request.set_plugin_id(command.plugin_id);
  NW_ASSIGN_OR_RETURN(*request.mutable_config_json(), ResolveConfig(command.config.value_or("")));
  return request;
}

v1::SetClinicTimeZoneRequest BuildSetClinicTimeZoneRequest(const Command& command) {
  v1::SetClinicTimeZoneRequest request;
  request.set_clinic_id(command.clinic_id);
  request.set_time_zone(command.time_zone);
  return request;
}

v1::UpsertResourceRequest BuildUpsertResourceRequest(const Command& command) {
  v1::UpsertResourceRequest request;
  request.set_clinic_id(command.clinic_id);
  v1::Resource& resource = *request.mutable_resource();
  resource.set_resource_id(command.resource_id);
  resource.set_type(command.resource_type);
  resource.set_device_kind(command.device_kind);
  resource.set_display_name(command.display_name);
  resource.set_active(!command.inactive);
  return request;
}

v1::ListResourcesRequest BuildListResourcesRequest(const Command& command) {
  v1::ListResourcesRequest request;
  request.set_clinic_id(command.clinic_id);
  return request;
}

v1::SetOpeningHoursRequest BuildSetOpeningHoursRequest(const Command& command) {
  v1::SetOpeningHoursRequest request;
  request.mutable_hours()->set_clinic_id(command.clinic_id);
  for (const v1::OpeningSpan& span : command.opening_spans) {
    *request.mutable_hours()->add_spans() = span;
  }
  return request;
}

v1::GetOpeningHoursRequest BuildGetOpeningHoursRequest(const Command& command) {
  v1::GetOpeningHoursRequest request;
  request.set_clinic_id(command.clinic_id);
  return request;
}

StatusOr<v1::ScreenRequest> BuildScreenRequest(const Command& command) {
  v1::ScreenRequest request;
  NW_RETURN_IF_ERROR(FillPatientFields(command, &request));
  return request;
}

}  // namespace needlework::ctl
