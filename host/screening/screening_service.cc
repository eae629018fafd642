#include "host/screening/screening_service.h"

#include "host/catalog/add_ons.h"
#include "host/common/grpc_status.h"
#include "host/common/log.h"
#include "host/common/request_limits.h"
#include "host/common/time_util.h"
#include "host/plugins/hook_runner.h"
#include "host/screening/merge.h"
#include "host/screening/patient_input.h"
#include "needlework/plugin/v1/screen.pb.h"

namespace needlework::host {
namespace {

using needlework::plugin::v1::HOOK_SCREEN;

grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context, const Status& status) {
  auto* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

std::string PluginRequest(const needlework::v1::ScreenRequest& request, const Codings& add_ons,
                          needlework::types::v1::PatientFacts facts) {
  needlework::plugin::v1::ScreenRequest plugin_request;
  *plugin_request.mutable_patient() = std::move(facts);
  *plugin_request.mutable_concerns() = request.concerns();
  *plugin_request.mutable_treatment_areas() = request.treatment_areas();
  *plugin_request.mutable_add_ons() = add_ons;
  plugin_request.set_as_of_date(FormatDateUtc(NowUnixMicros() / 1000000));
  return plugin_request.SerializeAsString();
}

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
  if (!caller.ok()) return Reply(context, caller.status());
  if (Status limits = CheckListLimits(*request); !limits.ok()) return Reply(context, limits);
  fhir::IgnoredCounts ignored;
  auto facts = PatientFromInput(PatientInputOf(*request), rxnorm_, &ignored);
  if (!facts.ok()) return Reply(context, facts.status());

  auto snapshot = plugins_.registry.Snapshot(caller->clinic_id);
  if (!snapshot->BaseServes(HOOK_SCREEN) && snapshot->unavailable.empty()) {
    return Reply(context, FailedPreconditionError(
                              "no screening plugin is enabled for clinic '" + caller->clinic_id +
                              "'; an admin can enable one, e.g. `needleworkctl plugin enable " +
                              caller->clinic_id + " org.needlework.screening`"));
  }
  auto add_ons = CheckRequestedAddOns(*snapshot, request->add_ons(), "add_ons");
  if (!add_ons.ok()) return Reply(context, add_ons.status());
  response->set_patient_ref(facts->patient_ref());
  SetIgnored(ignored, response);
  auto* reactor = context->DefaultReactor();
  RunHook(plugins_, snapshot->ForTreatment(HOOK_SCREEN, *add_ons), HOOK_SCREEN,
          PluginRequest(*request, *add_ons, std::move(*facts)), plugins_.deadlines.For("screen"),
          [reactor, response, snapshot, add_ons = *add_ons](std::vector<PluginCallResult> results) {
            MergeScreening(results, *snapshot, add_ons, response);
            reactor->Finish(grpc::Status::OK);
          });
  return reactor;
}

}  // namespace needlework::host
