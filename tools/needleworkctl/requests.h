// Requests built from a parsed Command. The ones that read local files (config, FHIR, a
// proposal) return their errors; the host validates everything again.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REQUESTS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REQUESTS_H_

#include "command.h"
#include "inputs.h"
#include "needlework/status.h"
#include "needlework/types/v1/scheduling.pb.h"
#include "needlework/v1/admin.pb.h"
#include "needlework/v1/aftercare.pb.h"
#include "needlework/v1/planning.pb.h"
#include "needlework/v1/scheduling.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::ctl {

// AdminService.
v1::CreateClinicRequest BuildCreateClinicRequest(const Command& command);
v1::ListClinicPluginsRequest BuildListClinicPluginsRequest(const Command& command);
v1::DisablePluginRequest BuildDisablePluginRequest(const Command& command);

// config_json is set only when --config was given. Errors: those of ResolveConfig.
StatusOr<v1::EnablePluginRequest> BuildEnablePluginRequest(const Command& command);

// Errors: those of ResolveConfig.
StatusOr<v1::SetPluginConfigRequest> BuildSetPluginConfigRequest(const Command& command);

v1::SetClinicTimeZoneRequest BuildSetClinicTimeZoneRequest(const Command& command);
// The resource is active unless --inactive was given.
v1::UpsertResourceRequest BuildUpsertResourceRequest(const Command& command);
v1::ListResourcesRequest BuildListResourcesRequest(const Command& command);
v1::SetOpeningHoursRequest BuildSetOpeningHoursRequest(const Command& command);
v1::GetOpeningHoursRequest BuildGetOpeningHoursRequest(const Command& command);

// What ScreenRequest and ProposePlanRequest share: the FHIR files as `fhir`, the concerns,
// areas and add-ons. Errors: those of ReadFhirFiles.
template <typename Request>
Status FillPatientFields(const Command& command, Request* request);

// ScreeningService: the patient fields. Errors: those of ReadFhirFiles.
StatusOr<v1::ScreenRequest> BuildScreenRequest(const Command& command);

// PlanningService.
// The patient fields and the severity. Errors: those of ReadFhirFiles.
StatusOr<v1::ProposePlanRequest> BuildProposePlanRequest(const Command& command);
// The patient and screening outcome of `command` with `plan` (from --from-proposal, or
// ProposePlan's answer).
v1::CreatePlanRequest BuildCreatePlanRequest(const Command& command, types::v1::SeriesPlan plan);
v1::GetPlanRequest BuildGetPlanRequest(const Command& command);
v1::ListPlansRequest BuildListPlansRequest(const Command& command);
v1::CancelPlanRequest BuildCancelPlanRequest(const Command& command);

// SchedulingService.
// max_results stays 0 (the host's default) without --max.
v1::FindSlotsRequest BuildFindSlotsRequest(const Command& command);
v1::BookRequest BuildBookRequest(const Command& command);
// practitioner, room and devices stay empty (the appointment keeps its own) unless given.
v1::RescheduleRequest BuildRescheduleRequest(const Command& command);
v1::CancelAppointmentRequest BuildCancelAppointmentRequest(const Command& command);
// The one filter given: --patient, --day or --resource.
v1::ListAppointmentsRequest BuildListAppointmentsRequest(const Command& command);
// Areas as their codes; needle_depth_mm 0 without --depth; add_ons empty (every add-on booked)
// without --add-on.
v1::CompleteSessionRequest BuildCompleteSessionRequest(const Command& command);
v1::ExportCalendarRequest BuildExportCalendarRequest(const Command& command);

// AftercareService.
v1::GetAftercarePlanRequest BuildGetAftercarePlanRequest(const Command& command);
// up_to and limit stay empty and 0 (now, and the host's default) unless given.
v1::ListDueMessagesRequest BuildListDueMessagesRequest(const Command& command);
v1::MarkMessagesSentRequest BuildMarkMessagesSentRequest(const Command& command);
v1::ReportSymptomRequest BuildReportSymptomRequest(const Command& command);
// The one filter given: --patient or --appointment.
v1::ListSymptomReportsRequest BuildListSymptomReportsRequest(const Command& command);

template <typename Request>
Status FillPatientFields(const Command& command, Request* request) {
  NW_ASSIGN_OR_RETURN(*request->mutable_fhir(), ReadFhirFiles(command.fhir_files));
  request->mutable_concerns()->Add(command.concerns.begin(), command.concerns.end());
  request->mutable_treatment_areas()->Add(command.areas.begin(), command.areas.end());
  request->mutable_add_ons()->Add(command.add_ons.begin(), command.add_ons.end());
  return OkStatus();
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_REQUESTS_H_
