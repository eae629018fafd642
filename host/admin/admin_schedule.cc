// AdminService: a clinic's time zone, resources and opening hours.
#include <regex>

#include "host/admin/admin_convert.h"
#include "host/admin/admin_service.h"
#include "host/common/paging.h"
#include "host/common/request_limits.h"
#include "host/slots/clinic_time.h"
#include "host/slots/opening_hours.h"

namespace needlework::host {
namespace {

constexpr int kMaxScreeningRecencyDays = 365;

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;

Status ValidateResource(const v1::Resource& r) {
  static const std::regex kId("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
  if (!std::regex_match(r.resource_id(), kId)) {
    return InvalidArgumentError("resource.resource_id '" + r.resource_id() +
                                "' must be 1-63 characters of a-z, 0-9 and '-' (e.g. dr-lee)");
  }
  if (r.type() == types::RESOURCE_TYPE_UNSPECIFIED || !types::ResourceType_IsValid(r.type())) {
    return InvalidArgumentError("resource.type must be PRACTITIONER, ROOM or DEVICE");
  }
  if ((r.type() == types::RESOURCE_TYPE_DEVICE) == r.device_kind().empty()) {
    return InvalidArgumentError("resource.device_kind is required for a device and only for one");
  }
  return OkStatus();
}

v1::Resource ToApiResource(const ResourceRecord& r) {
  v1::Resource out;
  out.set_resource_id(r.resource_id);
  out.set_type(static_cast<types::ResourceType>(r.type));
  out.set_device_kind(r.device_kind);
  out.set_display_name(r.display_name);
  out.set_active(r.active);
  return out;
}

// "09:30" -> 570; "24:00" allowed as a close time.
StatusOr<int> ParseClock(const std::string& text, const std::string& field) {
  static const std::regex kClock("^([01][0-9]|2[0-4]):([0-5][0-9])$");
  std::smatch match;
  if (!std::regex_match(text, match, kClock)) {
    return InvalidArgumentError(field + " '" + text + "' must be HH:MM (e.g. 09:00)");
  }
  int minutes = std::stoi(match[1]) * 60 + std::stoi(match[2]);
  if (minutes > 1440) return InvalidArgumentError(field + " '" + text + "' is after 24:00");
  return minutes;
}

std::string FormatClock(int minutes) {
  std::string hours = std::to_string(minutes / 60);
  std::string mins = std::to_string(minutes % 60);
  return (hours.size() < 2 ? "0" : "") + hours + ":" + (mins.size() < 2 ? "0" : "") + mins;
}

StatusOr<std::vector<OpeningSpanRecord>> ParseSpans(const v1::OpeningHours& hours) {
  std::vector<OpeningSpanRecord> spans;
  std::vector<slots::OpeningHours> check;
  for (int i = 0; i < hours.spans_size(); ++i) {
    const auto& span = hours.spans(i);
    std::string field = "hours.spans[" + std::to_string(i) + "]";
    NW_ASSIGN_OR_RETURN(int open, ParseClock(span.open(), field + ".open"));
    NW_ASSIGN_OR_RETURN(int close, ParseClock(span.close(), field + ".close"));
    spans.push_back({span.weekday(), open, close});
    check.push_back({span.weekday(), open, close});
  }
  NW_RETURN_IF_ERROR(slots::CheckOpeningHours(check));
  return spans;
}

v1::OpeningHours ToApiHours(const std::string& clinic_id,
                            const std::vector<OpeningSpanRecord>& spans) {
  v1::OpeningHours out;
  out.set_clinic_id(clinic_id);
  for (const auto& s : spans) {
    auto* span = out.add_spans();
    span->set_weekday(s.weekday);
    span->set_open(FormatClock(s.open_minute));
    span->set_close(FormatClock(s.close_minute));
  }
  return out;
}

}  // namespace

grpc::ServerUnaryReactor* AdminServiceImpl::SetClinicTimeZone(
    Ctx* context, const v1::SetClinicTimeZoneRequest* request, v1::Clinic* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(slots::ClinicZone::Load(request->time_zone()).status());
    NW_RETURN_IF_ERROR(store_.SetClinicTimeZone(request->clinic_id(), request->time_zone()));
    NW_ASSIGN_OR_RETURN(ClinicRecord clinic, store_.GetClinic(request->clinic_id()));
    *response = ToClinic(clinic);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::SetScreeningRecency(
    Ctx* context, const v1::SetScreeningRecencyRequest* request, v1::Clinic* response) {
  return AsAdmin(context, request, [&]() -> Status {
    if (request->days() < 1 || request->days() > kMaxScreeningRecencyDays) {
      return InvalidArgumentError("days must be 1 to " + std::to_string(kMaxScreeningRecencyDays) +
                                  " (got " + std::to_string(request->days()) + ")");
    }
    NW_RETURN_IF_ERROR(store_.SetScreeningRecency(request->clinic_id(), request->days()));
    NW_ASSIGN_OR_RETURN(ClinicRecord clinic, store_.GetClinic(request->clinic_id()));
    *response = ToClinic(clinic);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::UpsertResource(Ctx* context,
                                                           const v1::UpsertResourceRequest* request,
                                                           v1::Resource* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(store_.GetClinic(request->clinic_id()).status());
    NW_RETURN_IF_ERROR(ValidateResource(request->resource()));
    const auto& r = request->resource();
    ResourceRecord record{request->clinic_id(),
                          r.resource_id(),
                          r.type(),
                          r.device_kind(),
                          r.display_name().empty() ? r.resource_id() : r.display_name(),
                          r.active()};
    NW_RETURN_IF_ERROR(store_.UpsertResource(record));
    *response = ToApiResource(record);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::ListResources(Ctx* context,
                                                          const v1::ListResourcesRequest* request,
                                                          v1::ListResourcesResponse* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(store_.GetClinic(request->clinic_id()).status());
    NW_ASSIGN_OR_RETURN(auto resources, store_.ListResources(request->clinic_id()));
    for (const auto& r : resources) *response->add_resources() = ToApiResource(r);
    return PageInMemory(*request, "", response->mutable_resources(), response,
                        [](const v1::Resource& resource) { return resource.resource_id(); });
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::SetOpeningHours(
    Ctx* context, const v1::SetOpeningHoursRequest* request, v1::OpeningHours* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    const std::string& clinic_id = request->hours().clinic_id();
    NW_RETURN_IF_ERROR(store_.GetClinic(clinic_id).status());
    NW_ASSIGN_OR_RETURN(auto spans, ParseSpans(request->hours()));
    NW_RETURN_IF_ERROR(store_.SetOpeningHours(clinic_id, spans));
    NW_ASSIGN_OR_RETURN(auto stored, store_.GetOpeningHours(clinic_id));
    *response = ToApiHours(clinic_id, stored);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::GetOpeningHours(
    Ctx* context, const v1::GetOpeningHoursRequest* request, v1::OpeningHours* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_RETURN_IF_ERROR(store_.GetClinic(request->clinic_id()).status());
    NW_ASSIGN_OR_RETURN(auto stored, store_.GetOpeningHours(request->clinic_id()));
    *response = ToApiHours(request->clinic_id(), stored);
    return OkStatus();
  });
}

}  // namespace needlework::host
