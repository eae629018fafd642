// clinic time-zone, resources, resource add, hours, hours set.
#include "commands/clinic_setup.h"

#include "commands/families.h"
#include "enums.h"
#include "hours.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Admin = v1::AdminService::Stub;
using Args = ClinicSetupArgs;

constexpr Positional<Args> kClinicId{"clinic-id", SetWord<&Args::clinic_id>, false};

// resource add: --type device needs --kind; other types take none.
Status FinishResourceAdd(const GlobalOptions&, Args* args) {
  bool device = args->resource_type == types::v1::RESOURCE_TYPE_DEVICE;
  if (device && args->device_kind.empty()) {
    return InvalidArgumentError(
        "--type device needs --kind, the kind a plan asks for (e.g. microneedling-pen)");
  }
  if (!device && !args->device_kind.empty()) {
    return InvalidArgumentError("--kind goes with --type device only");
  }
  return OkStatus();
}

// hours set: parses the specs (hours.h) into opening_spans.
Status FinishHoursSet(const GlobalOptions&, Args* args) {
  NW_ASSIGN_OR_RETURN(args->opening_spans, ParseOpeningHours(args->hours_specs));
  return OkStatus();
}

int ClinicTimeZone(const Args& args, Session& session) {
  return session.Invoke(&Admin::SetClinicTimeZone, "SetClinicTimeZone",
                        BuildSetClinicTimeZoneRequest(args), RenderClinic);
}

int ClinicScreeningRecency(const Args& args, Session& session) {
  return session.Invoke(&Admin::SetScreeningRecency, "SetScreeningRecency",
                        BuildSetScreeningRecencyRequest(args), RenderClinic);
}

int Resources(const Args& args, Session& session) {
  return session.InvokeAll(&Admin::ListResources, "ListResources", BuildListResourcesRequest(args),
                           RenderResources);
}

int ResourceAdd(const Args& args, Session& session) {
  return session.Invoke(&Admin::UpsertResource, "UpsertResource", BuildUpsertResourceRequest(args),
                        RenderResource);
}

int Hours(const Args& args, Session& session) {
  return session.Invoke(&Admin::GetOpeningHours, "GetOpeningHours",
                        BuildGetOpeningHoursRequest(args), RenderOpeningHours);
}

int HoursSet(const Args& args, Session& session) {
  return session.Invoke(&Admin::SetOpeningHours, "SetOpeningHours",
                        BuildSetOpeningHoursRequest(args), RenderOpeningHours);
}

}  // namespace

v1::SetClinicTimeZoneRequest BuildSetClinicTimeZoneRequest(const ClinicSetupArgs& args) {
  v1::SetClinicTimeZoneRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_time_zone(args.time_zone);
  return request;
}

v1::SetScreeningRecencyRequest BuildSetScreeningRecencyRequest(const ClinicSetupArgs& args) {
  v1::SetScreeningRecencyRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_days(args.recency_days);
  return request;
}

v1::UpsertResourceRequest BuildUpsertResourceRequest(const ClinicSetupArgs& args) {
  v1::UpsertResourceRequest request;
  request.set_clinic_id(args.clinic_id);
  v1::Resource& resource = *request.mutable_resource();
  resource.set_resource_id(args.resource_id);
  resource.set_type(args.resource_type);
  resource.set_device_kind(args.device_kind);
  resource.set_display_name(args.display_name);
  resource.set_active(!args.inactive);
  return request;
}

v1::ListResourcesRequest BuildListResourcesRequest(const ClinicSetupArgs& args) {
  v1::ListResourcesRequest request;
  request.set_clinic_id(args.clinic_id);
  return request;
}

v1::SetOpeningHoursRequest BuildSetOpeningHoursRequest(const ClinicSetupArgs& args) {
  v1::SetOpeningHoursRequest request;
  request.mutable_hours()->set_clinic_id(args.clinic_id);
  for (const v1::OpeningSpan& span : args.opening_spans)
    *request.mutable_hours()->add_spans() = span;
  return request;
}

v1::GetOpeningHoursRequest BuildGetOpeningHoursRequest(const ClinicSetupArgs& args) {
  v1::GetOpeningHoursRequest request;
  request.set_clinic_id(args.clinic_id);
  return request;
}

std::vector<Command> ClinicSetupCommands() {
  return {
      MakeCommand<Args>(
          {"clinic time-zone", "<clinic-id> <time-zone>", "Set a clinic's time zone",
           "Sets the clinic's IANA time zone (e.g. Europe/London, America/New_York). Opening\n"
           "hours are wall-clock times in it; slots and appointments carry its offset.\n"
           "Needs an admin token."},
          {.positionals = {kClinicId, {"time-zone", SetTimeZoneWord<&Args::time_zone>, false}}},
          ClinicTimeZone),
      MakeCommand<Args>(
          {"clinic screening", "<clinic-id> --recency-days N",
           "Set how old a screening a new plan may use",
           "plan create refuses a screening older than N days (1 to 365; default 30): the\n"
           "patient is screened again. Needs an admin token (or the clinic's clinic_admin);\n"
           "audited."},
          {.positionals = {kClinicId},
           .flags = {{"recency-days", FlagKind::kValue,
                      SetWholeNumber<&Args::recency_days, 1, 365>}},
           .required = {"recency-days"}},
          ClinicScreeningRecency),
      MakeCommand<Args>(
          {"resources", "<clinic-id>", "List a clinic's practitioners, rooms and devices",
           "Every resource of the clinic: id, type, device kind, name and whether it is active\n"
           "(inactive ones are never offered for booking). Needs an admin token."},
          {.positionals = {kClinicId}}, Resources),
      MakeCommand<Args>(
          {"resource add",
           "<clinic-id> <resource-id> --type practitioner|room|device [--kind DEVICE_KIND] "
           "[--name NAME] [--inactive]",
           "Add or replace a practitioner, room or device",
           "Creates the resource <resource-id> of the clinic ([a-z0-9-], unique within the\n"
           "clinic, e.g. dr-lee, room-1), or replaces every field of the one with that id. A\n"
           "device needs --kind, the kind a plan asks for (e.g. microneedling-pen, rf-unit).\n"
           "--inactive keeps it from being offered for booking; without it the resource is\n"
           "active. Needs an admin token."},
          {.positionals = {kClinicId, {"resource-id", SetWord<&Args::resource_id>, false}},
           .flags = {{"type", FlagKind::kValue, SetBy<&Args::resource_type, ParseResourceType>},
                     {"kind", FlagKind::kValue, SetText<&Args::device_kind>},
                     {"name", FlagKind::kValueOrEmpty, SetText<&Args::display_name>},
                     {"inactive", FlagKind::kSwitch, SetTrue<&Args::inactive>}},
           .required = {"type"},
           .finish = FinishResourceAdd},
          ResourceAdd),
      MakeCommand<Args>({"hours", "<clinic-id>", "Show a clinic's weekly opening hours",
                         "The clinic's opening hours, Monday to Sunday, in its wall-clock time.\n"
                         "Needs an admin token."},
                        {.positionals = {kClinicId}}, Hours),
      MakeCommand<Args>(
          {"hours set", "<clinic-id> <spec>...", "Replace a clinic's weekly opening hours",
           "Replaces the clinic's opening hours with the specs, in its wall-clock time; days no\n"
           "spec names are closed. A spec is days, then hours:\n"
           "  mon-fri 09:00-17:00               a range of days, in the order mon to sun\n"
           "  mon,wed 09:00-12:30,13:30-18:00   a list of days; two spans (a lunch break)\n"
           "  sun closed                        no hours, said outright\n"
           "Days: mon tue wed thu fri sat sun (or the full names). Hours: HH:MM-HH:MM, up to\n"
           "24:00. Quote a spec or not: hours set aurora \"mon-fri 09:00-17:00\" sat 10:00-14:00.\n"
           "Needs an admin token."},
          {.positionals = {kClinicId, {"spec", AddWord<&Args::hours_specs>, true}},
           .finish = FinishHoursSet},
          HoursSet),
  };
}

}  // namespace needlework::ctl
