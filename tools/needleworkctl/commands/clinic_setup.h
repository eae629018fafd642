// The clinic-setup commands of AdminService: clinic time-zone, clinic screening,
// resources, resource add,
// hours, hours set. Their arguments, the requests they send and how the answers read; the
// commands themselves are in clinic_setup.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINIC_SETUP_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINIC_SETUP_H_

#include <ostream>
#include <string>
#include <vector>

#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/admin.pb.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::ctl {

struct ClinicSetupArgs {
  std::string clinic_id;    // <clinic-id>
  std::string time_zone;    // clinic time-zone <time-zone>
  std::string resource_id;  // resource add <resource-id>
  types::v1::ResourceType resource_type = types::v1::RESOURCE_TYPE_UNSPECIFIED;  // --type
  std::string device_kind;                     // resource add --kind
  std::string display_name;                    // resource add --name
  bool inactive = false;                       // resource add --inactive
  std::vector<std::string> hours_specs;        // hours set <spec>..., the words as given
  std::vector<v1::OpeningSpan> opening_spans;  // hours set: the specs parsed
  int32_t recency_days = 0;                    // clinic screening --recency-days
};

v1::SetClinicTimeZoneRequest BuildSetClinicTimeZoneRequest(const ClinicSetupArgs& args);
v1::SetScreeningRecencyRequest BuildSetScreeningRecencyRequest(const ClinicSetupArgs& args);
// The resource is active unless --inactive was given.
v1::UpsertResourceRequest BuildUpsertResourceRequest(const ClinicSetupArgs& args);
v1::ListResourcesRequest BuildListResourcesRequest(const ClinicSetupArgs& args);
v1::SetOpeningHoursRequest BuildSetOpeningHoursRequest(const ClinicSetupArgs& args);
v1::GetOpeningHoursRequest BuildGetOpeningHoursRequest(const ClinicSetupArgs& args);

// One clinic as `clinic time-zone` leaves it: id, name, time zone.
void RenderClinic(const v1::Clinic& clinic, std::ostream& out);

// A table of a clinic's resources: id, type, device kind, name, active.
void RenderResources(const v1::ListResourcesResponse& response, std::ostream& out);

// One resource as `resource add` leaves it.
void RenderResource(const v1::Resource& resource, std::ostream& out);

// A clinic's week, one line a day from Monday ("closed" for a day without hours).
void RenderOpeningHours(const v1::OpeningHours& hours, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_CLINIC_SETUP_H_
