#include "host/planning/planning_service.h"

#include "host/aftercare/aftercare_plan.h"
#include "host/calendar/appointment_view.h"
#include "host/calendar/clinic_calendar.h"
#include "host/catalog/add_ons.h"
#include "host/common/idempotency_key.h"
#include "host/common/ids.h"
#include "host/common/log.h"
#include "host/common/paging.h"
#include "host/common/request_limits.h"
#include "host/common/rpc.h"
#include "host/common/time_util.h"
#include "host/planning/plan_rules.h"
#include "host/screening/patient_input.h"
#include "host/screening/screening_gate.h"
#include "host/storage/idempotent_write.h"
#include "needlework/plugin/v1/plan.pb.h"

namespace needlework::host {
namespace {

namespace types = needlework::types::v1;
namespace v1 = needlework::v1;
using needlework::plugin::v1::HOOK_PLAN;

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

Status NoPlanningPlugin(const std::string& clinic_id) {
  return FailedPreconditionError("no planning plugin is enabled for clinic '" + clinic_id +
                                 "'; an admin can enable one, e.g. `needleworkctl plugin enable " +
                                 clinic_id + " org.needlework.scheduling`");
}

Status CheckCreateRequest(const v1::CreatePlanRequest& request) {
  if (request.patient_ref().empty()) {
    return InvalidArgumentError("patient_ref is required (the EMR's reference, e.g. Patient/123)");
  }
  if (!request.has_plan()) return InvalidArgumentError("plan is required (see ProposePlan)");
  if (!types::Outcome_IsValid(request.screening_outcome())) {
    return InvalidArgumentError("screening_outcome is not a known Outcome; leave it unset");
  }
  return ValidateSeriesPlan(request.plan());
}

}  // namespace

template <typename Body>
grpc::ServerUnaryReactor* PlanningServiceImpl::AsEmr(Ctx* context, Body&& body) {
  auto caller = tokens_.Authorize(*context);
  return FinishWith(context, caller.ok() ? body(caller->clinic_id) : caller.status());
}

StatusOr<v1::Plan> PlanningServiceImpl::LoadPlan(const std::string& clinic_id,
                                                 const std::string& plan_id) {
  if (plan_id.empty()) return InvalidArgumentError("plan_id is required");
  NW_ASSIGN_OR_RETURN(PlanRecord plan, store_.GetPlan(clinic_id, plan_id));
  NW_ASSIGN_OR_RETURN(auto sessions, store_.ListAppointmentsOfPlan(clinic_id, plan_id));
  NW_ASSIGN_OR_RETURN(auto zone, LoadClinicZone(store_, clinic_id));
  return ToApiPlan(plan, sessions, zone);
}

grpc::ServerUnaryReactor* PlanningServiceImpl::ProposePlan(Ctx* context,
                                                           const v1::ProposePlanRequest* request,
                                                           v1::ProposePlanResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    NW_ASSIGN_OR_RETURN(auto facts, PatientFromInput(PatientInputOf(*request), rxnorm_));
    if (request->concerns().empty()) {
      return InvalidArgumentError("concerns is empty: say what the patient wants treated");
    }
    auto snapshot = plugins_.registry.Snapshot(clinic_id);
    if (!snapshot->BaseServes(HOOK_PLAN) && snapshot->unavailable.empty()) {
      return NoPlanningPlugin(clinic_id);
    }
    NW_ASSIGN_OR_RETURN(Codings add_ons,
                        CheckRequestedAddOns(*snapshot, request->add_ons(), "add_ons"));
    if (!snapshot->unavailable.empty()) {
      const auto& missing = snapshot->unavailable.front();
      return UnavailableError("no plan can be proposed: " + missing.plugin_id +
                              " is enabled for this clinic but unavailable (" + missing.reason +
                              ")");
    }
    needlework::plugin::v1::PlanRequest plan_request;
    *plan_request.mutable_patient() = std::move(facts);
    *plan_request.mutable_concerns() = request->concerns();
    *plan_request.mutable_treatment_areas() = request->treatment_areas();
    plan_request.set_severity(request->severity());
    *plan_request.mutable_add_ons() = add_ons;
    auto results = RunHookAndWait(plugins_, snapshot->ForTreatment(HOOK_PLAN, add_ons), HOOK_PLAN,
                                  plan_request.SerializeAsString(), plugins_.deadlines.For("plan"));
    NW_ASSIGN_OR_RETURN(*response->mutable_plan(),
                        MergePlanAnswers(results, response->mutable_plugin_runs()));
    *response->mutable_plan()->mutable_add_ons() = add_ons;
    *response->mutable_session() = ComposeSession(response->plan(), add_ons, *snapshot);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* PlanningServiceImpl::CreatePlan(Ctx* context,
                                                          const v1::CreatePlanRequest* request,
                                                          v1::Plan* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_RETURN_IF_ERROR(CheckListLimits(*request));
    NW_RETURN_IF_ERROR(CheckCreateRequest(*request));
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(
        store_, {clinic_id, "CreatePlan", key, NowSeconds()}, *request, response,
        [&](IdempotencyClaim* claim) { return Create(clinic_id, *request, claim, response); });
  });
}

Status PlanningServiceImpl::Create(const std::string& clinic_id,
                                   const v1::CreatePlanRequest& request, IdempotencyClaim* claim,
                                   v1::Plan* response) {
  types::SeriesPlan series = request.plan();
  NW_ASSIGN_OR_RETURN(*series.mutable_add_ons(),
                      CheckRequestedAddOns(*plugins_.registry.Snapshot(clinic_id),
                                           request.plan().add_ons(), "plan.add_ons"));
  NW_ASSIGN_OR_RETURN(auto screening,
                      ScreeningForPlan(store_, clinic_id,
                                       {request.screening_id(), request.patient_ref(),
                                        request.screening_outcome(), series.add_ons()},
                                       NowSeconds()));
  PlanRecord plan{NewId("plan"),
                  clinic_id,
                  request.patient_ref(),
                  series.SerializeAsString(),
                  types::PLAN_STATUS_ACTIVE,
                  screening.outcome(),
                  NowSeconds(),
                  "",
                  screening.screening_id()};
  NW_ASSIGN_OR_RETURN(auto zone, LoadClinicZone(store_, clinic_id));
  *response = ToApiPlan(plan, {}, zone);
  AnswerWith(claim, *response);
  NW_RETURN_IF_ERROR(store_.InsertPlan(plan, claim));
  LogEvent(Level::kInfo, "plan_created", {{"clinic", clinic_id}, {"plan", plan.plan_id}});
  return OkStatus();
}

grpc::ServerUnaryReactor* PlanningServiceImpl::GetPlan(Ctx* context,
                                                       const v1::GetPlanRequest* request,
                                                       v1::Plan* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    NW_ASSIGN_OR_RETURN(*response, LoadPlan(clinic_id, request->plan_id()));
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* PlanningServiceImpl::ListPlans(Ctx* context,
                                                         const v1::ListPlansRequest* request,
                                                         v1::ListPlansResponse* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    if (request->patient_ref().empty()) return InvalidArgumentError("patient_ref is required");
    NW_ASSIGN_OR_RETURN(Page page, ReadPage(*request, clinic_id));
    NW_ASSIGN_OR_RETURN(RowPage rows, page.Rows());
    NW_ASSIGN_OR_RETURN(auto plans, store_.ListPlans(clinic_id, request->patient_ref(), rows));
    response->set_next_page_token(TrimRows(plans, page, [](const PlanRecord& plan) {
      return PageKey(plan.created_at, plan.plan_id);
    }));
    // Three queries whatever the page holds: the plans, the patient's sessions, the zone.
    NW_ASSIGN_OR_RETURN(auto sessions,
                        store_.ListAppointmentsOfPatient(clinic_id, request->patient_ref()));
    NW_ASSIGN_OR_RETURN(auto zone, LoadClinicZone(store_, clinic_id));
    std::map<std::string, std::vector<AppointmentRecord>> by_plan;
    for (auto& session : sessions) by_plan[session.plan_id].push_back(std::move(session));
    for (const auto& plan : plans) {
      *response->add_plans() = ToApiPlan(plan, by_plan[plan.plan_id], zone);
    }
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* PlanningServiceImpl::CancelPlan(Ctx* context,
                                                          const v1::CancelPlanRequest* request,
                                                          v1::Plan* response) {
  return AsEmr(context, [&](const std::string& clinic_id) -> Status {
    if (request->reason().empty()) return InvalidArgumentError("reason is required");
    NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
    return RunIdempotent(
        store_, {clinic_id, "CancelPlan", key, NowSeconds()}, *request, response,
        [&](IdempotencyClaim* claim) { return Cancel(clinic_id, *request, claim, response); });
  });
}

Status PlanningServiceImpl::Cancel(const std::string& clinic_id,
                                   const v1::CancelPlanRequest& request, IdempotencyClaim* claim,
                                   v1::Plan* response) {
  if (request.plan_id().empty()) return InvalidArgumentError("plan_id is required");
  NW_ASSIGN_OR_RETURN(PlanRecord plan, store_.GetPlan(clinic_id, request.plan_id()));
  if (plan.status != types::PLAN_STATUS_ACTIVE) {
    return FailedPreconditionError("plan " + plan.plan_id + " is " +
                                   types::PlanStatus_Name(plan.status) + ", not active");
  }
  NW_ASSIGN_OR_RETURN(ClinicCalendar calendar, LoadClinicCalendar(store_, clinic_id));
  plan.status = types::PLAN_STATUS_CANCELLED;
  plan.cancel_reason = request.reason();
  std::vector<AppointmentRecord> sessions;
  if (claim != nullptr) {
    // Called inside the transaction, once `sessions` holds what it committed.
    claim->response = [&] { return ToApiPlan(plan, sessions, calendar.zone).SerializeAsString(); };
  }
  NW_RETURN_IF_ERROR(store_.CancelPlan(clinic_id, plan.plan_id, request.reason(), NowSeconds(),
                                       ReminderRetimer(calendar), claim, &sessions));
  LogEvent(Level::kInfo, "plan_cancelled", {{"clinic", clinic_id}, {"plan", plan.plan_id}});
  *response = ToApiPlan(plan, sessions, calendar.zone);
  return OkStatus();
}

}  // namespace needlework::host
