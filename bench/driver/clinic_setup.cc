#include "bench/driver/clinic_setup.h"

#include <absl/strings/str_format.h>

#include "needlework/code_systems.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "needlework/v1/planning.grpc.pb.h"
#include "needlework/v1/scheduling.grpc.pb.h"

namespace needlework::bench {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

Status EnableLoadedPlugins(v1::AdminService::Stub& admin, const std::string& token,
                           const std::string& clinic_id) {
  v1::ListPluginsResponse plugins;
  NW_RETURN_IF_ERROR(
      Check(admin.ListPlugins(Authorized(token).get(), {}, &plugins), "ListPlugins"));
  for (const auto& plugin : plugins.plugins()) {
    if (plugin.state() != v1::InstalledPlugin::STATE_LOADED) continue;
    v1::EnablePluginRequest enable;
    enable.set_clinic_id(clinic_id);
    enable.set_plugin_id(plugin.manifest().id());
    v1::ClinicPlugin enabled;
    NW_RETURN_IF_ERROR(Check(admin.EnablePlugin(Authorized(token).get(), enable, &enabled),
                             "EnablePlugin " + plugin.manifest().id()));
  }
  return OkStatus();
}

Status AddResource(v1::AdminService::Stub& admin, const std::string& token,
                   const std::string& clinic_id, const std::string& id, types::ResourceType type) {
  v1::UpsertResourceRequest request;
  request.set_clinic_id(clinic_id);
  auto* resource = request.mutable_resource();
  resource->set_resource_id(id);
  resource->set_type(type);
  if (type == types::RESOURCE_TYPE_DEVICE) resource->set_device_kind("microneedling-pen");
  resource->set_display_name(id);
  resource->set_active(true);
  v1::Resource stored;
  return Check(admin.UpsertResource(Authorized(token).get(), request, &stored), "UpsertResource");
}

Status SetHours(v1::AdminService::Stub& admin, const std::string& token, const ClinicShape& shape) {
  v1::SetOpeningHoursRequest request;
  request.mutable_hours()->set_clinic_id(shape.clinic_id);
  for (int weekday = 0; weekday <= 6; ++weekday) {
    auto* span = request.mutable_hours()->add_spans();
    span->set_weekday(weekday);
    span->set_open(absl::StrFormat("%02d:00", shape.open_hour));
    span->set_close(absl::StrFormat("%02d:00", shape.close_hour));
  }
  v1::OpeningHours stored;
  return Check(admin.SetOpeningHours(Authorized(token).get(), request, &stored), "SetOpeningHours");
}

types::ResourceType TypeOf(const std::string& id) {
  if (id.rfind("dr-", 0) == 0) return types::RESOURCE_TYPE_PRACTITIONER;
  if (id.rfind("room-", 0) == 0) return types::RESOURCE_TYPE_ROOM;
  return types::RESOURCE_TYPE_DEVICE;
}

}  // namespace

std::vector<std::string> ResourceIds(const ClinicShape& shape) {
  std::vector<std::string> ids;
  for (int i = 1; i <= shape.practitioners; ++i) ids.push_back(absl::StrFormat("dr-%02d", i));
  for (int i = 1; i <= shape.rooms; ++i) ids.push_back("room-" + std::to_string(i));
  for (int i = 1; i <= shape.pens; ++i) ids.push_back("pen-" + std::to_string(i));
  return ids;
}

StatusOr<std::string> CreateBenchClinic(BenchHost& host, const ClinicShape& shape) {
  auto admin = v1::AdminService::NewStub(host.channel());
  const std::string& token = host.admin_token();
  v1::CreateClinicRequest create;
  create.set_clinic_id(shape.clinic_id);
  create.set_display_name("Benchmark clinic");
  create.set_time_zone("UTC");
  v1::CreateClinicResponse created;
  NW_RETURN_IF_ERROR(
      Check(admin->CreateClinic(Authorized(token).get(), create, &created), "CreateClinic"));
  NW_RETURN_IF_ERROR(EnableLoadedPlugins(*admin, token, shape.clinic_id));
  for (const auto& id : ResourceIds(shape)) {
    NW_RETURN_IF_ERROR(AddResource(*admin, token, shape.clinic_id, id, TypeOf(id)));
  }
  NW_RETURN_IF_ERROR(SetHours(*admin, token, shape));
  return created.emr_token();
}

StatusOr<types::SeriesPlan> ProposeFacePlan(BenchHost& host, const std::string& emr_token) {
  auto planning = v1::PlanningService::NewStub(host.channel());
  v1::ProposePlanRequest propose;
  propose.mutable_facts()->set_patient_ref("Patient/bench");
  auto* concern = propose.add_concerns();
  concern->set_system(std::string(code_systems::kConcern));
  concern->set_code("fine-lines");
  auto* area = propose.add_treatment_areas();
  area->set_system(std::string(code_systems::kTreatmentArea));
  area->set_code("face");
  v1::ProposePlanResponse proposed;
  NW_RETURN_IF_ERROR(
      Check(planning->ProposePlan(Authorized(emr_token).get(), propose, &proposed), "ProposePlan"));
  return proposed.plan();
}

Status CompleteSessions(BenchHost& host, const std::string& emr_token,
                        const std::vector<std::string>& appointment_ids) {
  auto scheduling = v1::SchedulingService::NewStub(host.channel());
  for (const auto& id : appointment_ids) {
    v1::CompleteSessionRequest request;
    request.set_appointment_id(id);
    request.mutable_completion()->add_treatment_areas("face");
    request.mutable_completion()->set_needle_depth_mm(0.5);
    v1::Appointment done;
    NW_RETURN_IF_ERROR(
        Check(scheduling->CompleteSession(Authorized(emr_token).get(), request, &done),
              "CompleteSession " + id));
  }
  return OkStatus();
}

}  // namespace needlework::bench
