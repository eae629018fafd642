#include "hooks.h"

#include "needlework/plugin/v1/aftercare.pb.h"
#include "needlework/plugin/v1/catalog.pb.h"
#include "needlework/plugin/v1/check_booking.pb.h"
#include "needlework/plugin/v1/plan.pb.h"
#include "needlework/plugin/v1/screen.pb.h"

namespace needlework::conformance {
namespace {

namespace pv1 = needlework::plugin::v1;

template <typename Request, typename Response>
HookInfo Info(pv1::Hook hook, const char* name, uint32_t since_minor) {
  return {hook, name, since_minor, &Request::default_instance(), &Response::default_instance()};
}

std::string CheckScreen(const pv1::ScreenResponse& response) {
  if (response.outcome() == types::v1::OUTCOME_UNSPECIFIED) {
    return "the screen answer has no outcome (the host fails closed on it: review required)";
  }
  for (const auto& finding : response.findings()) {
    const std::string who = "finding '" + finding.rule_id() + "'";
    if (finding.rule_id().empty()) return "a finding has no rule_id";
    if (finding.summary().empty()) return who + " has no summary";
    if (finding.summary().size() >= 140) return who + "'s summary is not under 140 characters";
    if (finding.outcome() > response.outcome()) {
      return "the outcome " + types::v1::Outcome_Name(response.outcome()) +
             " is less severe than " + who + "'s " + types::v1::Outcome_Name(finding.outcome());
    }
  }
  return "";
}

std::string CheckAftercare(const pv1::AftercareResponse& response) {
  for (const auto& instruction : response.instructions()) {
    if (instruction.id().empty()) return "an aftercare instruction has no id";
  }
  for (const auto& message : response.messages()) {
    if (message.id().empty()) return "a patient message has no id";
  }
  return "";
}

}  // namespace

const std::vector<HookInfo>& AllHooks() {
  static const std::vector<HookInfo> hooks = {
      Info<pv1::ScreenRequest, pv1::ScreenResponse>(pv1::HOOK_SCREEN, "screen", 0),
      Info<pv1::PlanRequest, pv1::PlanResponse>(pv1::HOOK_PLAN, "plan", 1),
      Info<pv1::CheckBookingRequest, pv1::CheckBookingResponse>(pv1::HOOK_CHECK_BOOKING,
                                                                "check_booking", 1),
      Info<pv1::AftercareRequest, pv1::AftercareResponse>(pv1::HOOK_AFTERCARE, "aftercare", 2),
      Info<pv1::TriageRequest, pv1::TriageResponse>(pv1::HOOK_TRIAGE, "triage", 2),
      Info<pv1::CatalogRequest, pv1::CatalogResponse>(pv1::HOOK_CATALOG, "catalog", 3),
  };
  return hooks;
}

const HookInfo* FindHook(int hook) {
  for (const auto& info : AllHooks()) {
    if (info.hook == hook) return &info;
  }
  return nullptr;
}

std::string CheckResponse(const HookInfo& hook, const std::string& bytes) {
  std::unique_ptr<google::protobuf::Message> response(hook.response->New());
  if (!response->ParseFromString(bytes)) {
    return "the answer is not a well-formed " + response->GetTypeName();
  }
  if (hook.hook == pv1::HOOK_SCREEN) {
    return CheckScreen(static_cast<const pv1::ScreenResponse&>(*response));
  }
  if (hook.hook == pv1::HOOK_AFTERCARE) {
    return CheckAftercare(static_cast<const pv1::AftercareResponse&>(*response));
  }
  return "";
}

}  // namespace needlework::conformance
