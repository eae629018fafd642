#include "host/auth/rpc_policy.h"

#include <algorithm>
#include <iterator>

namespace needlework::host {
namespace {

constexpr RoleSet kEmr = RoleBit(Role::kEmr);
constexpr RoleSet kClinicAdmin = RoleBit(Role::kClinicAdmin);
constexpr RoleSet kAdmin = RoleBit(Role::kAdmin);
constexpr RoleSet kAdmins = kAdmin | kClinicAdmin;

constexpr ClinicScope kToken = ClinicScope::kToken;
constexpr ClinicScope kRequest = ClinicScope::kRequest;
constexpr ClinicScope kHost = ClinicScope::kHost;

constexpr AuditKind kNo = AuditKind::kNone;
constexpr AuditKind kYes = AuditKind::kRecord;
constexpr AuditKind kDiff = AuditKind::kBeforeAfter;

#define NW_SCREENING "/needlework.v1.ScreeningService/"
#define NW_PLANNING "/needlework.v1.PlanningService/"
#define NW_SCHEDULING "/needlework.v1.SchedulingService/"
#define NW_AFTERCARE "/needlework.v1.AftercareService/"
#define NW_CATALOG "/needlework.v1.CatalogService/"
#define NW_ADMIN "/needlework.v1.AdminService/"

// Clinical calls read or write patient-linked data (except the catalog): emr only, clinic
// from the token, audited. Admin calls: see the README's "Authorization" table.
constexpr RpcPolicy kPolicies[] = {
    {NW_SCREENING "Screen", kEmr, kToken, "", kYes},
    {NW_SCREENING "GetScreening", kEmr, kToken, "", kYes},
    // The clinician reviews in the EMR; the EMR records the review under its token, with the
    // clinician's name (ScreeningReview.reviewer).
    {NW_SCREENING "RecordReview", kEmr, kToken, "", kYes},
    {NW_PLANNING "ProposePlan", kEmr, kToken, "", kYes},
    {NW_PLANNING "CreatePlan", kEmr, kToken, "", kYes},
    {NW_PLANNING "GetPlan", kEmr, kToken, "", kYes},
    {NW_PLANNING "ListPlans", kEmr, kToken, "", kYes},
    {NW_PLANNING "CancelPlan", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "FindSlots", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "Book", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "Reschedule", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "Cancel", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "ListAppointments", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "CompleteSession", kEmr, kToken, "", kYes},
    {NW_SCHEDULING "ExportCalendar", kEmr, kToken, "", kYes},
    {NW_AFTERCARE "GetAftercarePlan", kEmr, kToken, "", kYes},
    {NW_AFTERCARE "ListDueMessages", kEmr, kToken, "", kYes},
    {NW_AFTERCARE "MarkMessagesSent", kEmr, kToken, "", kYes},
    {NW_AFTERCARE "ReportSymptom", kEmr, kToken, "", kYes},
    {NW_AFTERCARE "ListSymptomReports", kEmr, kToken, "", kYes},
    {NW_CATALOG "ListTherapies", kEmr, kToken, "", kNo},
    {NW_ADMIN "ListPlugins", kAdmins, kHost, "", kNo},
    {NW_ADMIN "GetHostStatus", kAdmin, kHost, "", kNo},
    {NW_ADMIN "CreateClinic", kAdmin, kHost, "clinic_id", kYes},
    {NW_ADMIN "ListClinics", kAdmin, kHost, "", kNo},
    {NW_ADMIN "EnablePlugin", kAdmins, kRequest, "clinic_id", kDiff},
    {NW_ADMIN "DisablePlugin", kAdmins, kRequest, "clinic_id", kDiff},
    {NW_ADMIN "SetPluginConfig", kAdmins, kRequest, "clinic_id", kDiff},
    {NW_ADMIN "ListClinicPlugins", kAdmins, kRequest, "clinic_id", kNo},
    {NW_ADMIN "SetClinicTimeZone", kAdmins, kRequest, "clinic_id", kYes},
    {NW_ADMIN "SetScreeningRecency", kAdmins, kRequest, "clinic_id", kYes},
    {NW_ADMIN "UpsertResource", kAdmins, kRequest, "clinic_id", kYes},
    {NW_ADMIN "ListResources", kAdmins, kRequest, "clinic_id", kNo},
    {NW_ADMIN "SetOpeningHours", kAdmins, kRequest, "hours.clinic_id", kYes},
    {NW_ADMIN "GetOpeningHours", kAdmins, kRequest, "clinic_id", kNo},
    // A clinic_admin issues and lists only its own clinic's tokens, and only emr ones
    // (AdminService checks the role); it revokes only its clinic's emr tokens.
    {NW_ADMIN "IssueToken", kAdmins, kRequest, "clinic_id", kYes},
    {NW_ADMIN "ListTokens", kAdmins, kRequest, "clinic_id", kNo},
    {NW_ADMIN "RevokeToken", kAdmins, kHost, "", kYes},
    // The log holds patient references, so reading it is itself audited.
    {NW_ADMIN "QueryAudit", kAdmins, kRequest, "clinic_id", kYes},
    {NW_ADMIN "VerifyAudit", kAdmin, kHost, "", kNo},
    // A clinic moves to a plugin version when its medical director has validated it.
    {NW_ADMIN "PinPluginVersion", kAdmins, kRequest, "clinic_id", kDiff},
    {NW_ADMIN "UnpinPluginVersion", kAdmins, kRequest, "clinic_id", kDiff},
    {NW_ADMIN "RescanPlugins", kAdmin, kHost, "", kYes},
};

}  // namespace

const RpcPolicy* FindRpcPolicy(std::string_view method) {
  auto it = std::find_if(std::begin(kPolicies), std::end(kPolicies),
                         [&](const RpcPolicy& policy) { return policy.method == method; });
  return it == std::end(kPolicies) ? nullptr : &*it;
}

std::span<const RpcPolicy> AllRpcPolicies() { return kPolicies; }

}  // namespace needlework::host
