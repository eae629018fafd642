#include "host/screening/screening_service.h"

#include "host/catalog/add_ons.h"
#include "host/common/call_audit_scope.h"
#include "host/common/grpc_status.h"
#include "host/common/idempotency_key.h"
#include "host/common/log.h"
#include "host/common/request_limits.h"
#include "host/common/rpc.h"
#include "host/common/time_util.h"
#include "host/plugins/hook_runner.h"
#include "host/screening/merge.h"
#include "host/screening/patient_input.h"
#include "host/screening/screen_call.h"
#include "host/screening/screening_record.h"
#include "host/screening/screening_review.h"
#include "host/storage/idempotent_write.h"
#include "needlework/plugin/v1/screen.pb.h"

namespace needlework::host {
namespace {

using needlework::plugin::v1::HOOK_SCREEN;

namespace v1 = needlework::v1;

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

void SetIgnored(const fhir::IgnoredCounts& ignored, needlework::v1::ScreenResponse* response) {
  for (const auto& [type, count] : ignored) {
    needlework::v1::IgnoredResources* entry = response->add_ignored_resources();
    entry->set_resource_type(type);
    entry->set_count(count);
  }
}

}  // namespace

grpc::ServerUnaryReactor* ScreeningServiceImpl::Screen(grpc::CallbackServerContext* context,
                                                       const needlework::v1::ScreenRequest* request,
                                                       needlework::v1::ScreenResponse* response) {
  auto caller = tokens_.Authorize(*context);
  if (!caller.ok()) return FinishWith(context, caller.status());
  if (Status limits = CheckListLimits(*request); !limits.ok()) return FinishWith(context, limits);
  fhir::IgnoredCounts ignored;
  auto facts = PatientFromInput(PatientInputOf(*request), rxnorm_, &ignored);
  if (!facts.ok()) return FinishWith(context, facts.status());

  auto snapshot = plugins_.registry.Snapshot(caller->clinic_id);
  if (Status served = CheckScreeningServed(*snapshot, caller->clinic_id); !served.ok()) {
    return FinishWith(context, served);
  }
  auto add_ons = CheckRequestedAddOns(*snapshot, request->add_ons(), "add_ons");
  if (!add_ons.ok()) return FinishWith(context, add_ons.status());
  response->set_patient_ref(facts->patient_ref());
  SetIgnored(ignored, response);
  auto* reactor = context->DefaultReactor();
  auto plugin_request = PluginScreenRequest(std::move(*facts), request->concerns(),
                                            request->treatment_areas(), *add_ons);
  std::string digest = ScreeningInputDigest(plugin_request);
  // The interceptor's scope holds only on this thread: the write takes the call's audit along.
  CallAudit* audit = CurrentCallAudit();
  RunHook(plugins_, snapshot->ForTreatment(HOOK_SCREEN, *add_ons), HOOK_SCREEN,
          plugin_request.SerializeAsString(), plugins_.deadlines.For("screen"),
          [this, reactor, response, snapshot, add_ons = *add_ons, audit,
           clinic_id = caller->clinic_id, digest](std::vector<PluginCallResult> results) {
            MergeScreening(results, *snapshot, add_ons, response);
            StoreAndFinish(reactor, audit, clinic_id, digest, response);
          });
  return reactor;
}

void ScreeningServiceImpl::StoreAndFinish(grpc::ServerUnaryReactor* reactor, CallAudit* audit,
                                          const std::string& clinic_id, const std::string& digest,
                                          v1::ScreenResponse* response) {
  CallAuditScope scope(audit);  // Submit carries it to the pool's thread
  Status queued = blocking_.Submit([this, reactor, clinic_id, digest, response] {
    ScreeningRow row = NewScreeningRow(clinic_id, digest, *response, NowSeconds());
    Status stored = store_.InsertScreening(row);
    if (stored.ok()) response->set_screening_id(row.screening_id);
    reactor->Finish(ToGrpcStatus(stored));
  });
  if (!queued.ok()) reactor->Finish(ToGrpcStatus(queued));
}

grpc::ServerUnaryReactor* ScreeningServiceImpl::GetScreening(Ctx* context,
                                                             const v1::GetScreeningRequest* request,
                                                             v1::ScreeningRecord* response) {
  auto caller = tokens_.Authorize(*context);
  if (!caller.ok()) return FinishWith(context, caller.status());
  auto body = [&]() -> Status {
    if (request->screening_id().empty()) return InvalidArgumentError("screening_id is required");
    NW_ASSIGN_OR_RETURN(ScreeningRow row,
                        store_.GetScreening(caller->clinic_id, request->screening_id()));
    NW_ASSIGN_OR_RETURN(auto reviews, store_.ListReviews(caller->clinic_id, row.screening_id));
    NW_ASSIGN_OR_RETURN(*response, ToApiScreening(row, reviews));
    return OkStatus();
  };
  return FinishWith(context, body());
}

grpc::ServerUnaryReactor* ScreeningServiceImpl::RecordReview(Ctx* context,
                                                             const v1::RecordReviewRequest* request,
                                                             v1::ScreeningReview* response) {
  auto caller = tokens_.Authorize(*context);
  if (!caller.ok()) return FinishWith(context, caller.status());
  auto* reactor = context->DefaultReactor();
  Status queued = blocking_.Submit([this, context, request, response, reactor, caller = *caller] {
    auto body = [&]() -> Status {
      NW_ASSIGN_OR_RETURN(std::string key, IdempotencyKeyOf(*context, request->idempotency_key()));
      return RunIdempotent(store_, {caller.clinic_id, "RecordReview", key, NowSeconds()}, *request,
                           response, [&](IdempotencyClaim* claim) -> Status {
                             NW_ASSIGN_OR_RETURN(
                                 *response,
                                 RecordScreeningReview(store_, caller.clinic_id, caller.token_id,
                                                       *request, NowSeconds(), claim));
                             return OkStatus();
                           });
    };
    reactor->Finish(ToGrpcStatus(body()));
  });
  if (!queued.ok()) reactor->Finish(ToGrpcStatus(queued));
  return reactor;
}

}  // namespace needlework::host
