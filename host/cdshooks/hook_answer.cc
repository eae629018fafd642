#include "host/cdshooks/hook_answer.h"

#include "host/cdshooks/booking_rules.h"
#include "host/cdshooks/cards.h"
#include "host/cdshooks/patient_follow_up.h"
#include "host/cdshooks/treatment_asked.h"
#include "host/common/call_audit_scope.h"
#include "host/common/sha256.h"
#include "host/common/time_util.h"
#include "host/screening/screen_call.h"
#include "host/screening/screening_record.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;
namespace types = needlework::types::v1;

constexpr char kNotScreenedRule[] = "not-screened";

int64_t NowSeconds() { return NowUnixMicros() / 1000000; }

StatusOr<std::optional<TreatmentAsked>> TreatmentFor(const std::string& hook,
                                                     const HookRequest& request) {
  if (hook == "order-select") return TreatmentOfOrders(request, /*selections_only=*/true);
  if (hook == "order-sign") return TreatmentOfOrders(request, /*selections_only=*/false);
  if (hook == "appointment-book") return TreatmentOfAppointments(request);
  TreatmentAsked chart;
  chart.source = "Patient/" + request.patient_id;
  return std::optional<TreatmentAsked>(std::move(chart));
}

// The record of a screening that could not run: REVIEW_REQUIRED, one finding saying why.
ScreenedPatient Unscreened(const std::string& patient_ref, const std::string& reason) {
  ScreenedPatient screened;
  screened.response.set_patient_ref(patient_ref);
  screened.response.set_outcome(types::OUTCOME_REVIEW_REQUIRED);
  types::Finding* finding = screened.response.add_findings();
  finding->set_rule_id(kNotScreenedRule);
  finding->set_outcome(types::OUTCOME_REVIEW_REQUIRED);
  finding->set_indicator(types::INDICATOR_WARNING);
  finding->set_summary("Screening could not run: nothing was checked");
  finding->set_detail(reason);
  finding->set_source_plugin("needlework-host");
  screened.input_digest = Sha256Hex("unscreened:" + reason);
  return screened;
}

// Screens the chart for `asked`; a screening that cannot run is Unscreened.
ScreenedPatient Screen(const CdsHookDeps& deps, const CdsCaller& caller, const HookRequest& request,
                       const TreatmentAsked& asked, Status* failure) {
  auto facts = GatherChart(request, deps.read, deps.chart_limits, deps.rxnorm);
  StatusOr<ScreenedPatient> screened =
      facts.ok() ? ScreenAndWait(deps.plugins, caller.clinic_id, std::move(*facts), asked.concerns,
                                 asked.areas, asked.add_ons)
                 : StatusOr<ScreenedPatient>(facts.status());
  if (screened.ok()) return std::move(*screened);
  *failure = screened.status();
  return Unscreened("Patient/" + request.patient_id, screened.status().message());
}

// A ref value with no space in it (object_ref is space-separated).
std::string RefSafe(std::string value) {
  for (char& c : value) {
    if (c == ' ') c = '+';
  }
  return value;
}

std::string CallRefs(const HookRequest& request, const std::vector<Json>& cards) {
  std::string refs = "patient_ref=Patient/" + request.patient_id +
                     " hook_instance=" + RefSafe(request.hook_instance);
  if (!request.user_id.empty()) refs += " user=" + RefSafe(request.user_id);
  for (const auto& card : cards) refs += " card=" + card["uuid"].get<std::string>();
  return refs;
}

StatusOr<std::vector<Json>> Cards(const CdsHookDeps& deps, const CdsServiceInfo& service,
                                  const CdsCaller& caller, const CardSource& source,
                                  const TreatmentAsked& asked, const ScreenedPatient& screened,
                                  const Status& failure) {
  if (!failure.ok()) {
    return std::vector<Json>{CouldNotCheckCard(source, "microneedling", failure.message())};
  }
  std::vector<Json> cards = {TreatmentCard(source, "Microneedling", screened.response)};
  for (auto& card : AddOnCards(source, screened.response)) cards.push_back(std::move(card));
  if (service.hook == "patient-view") {
    NW_ASSIGN_OR_RETURN(auto follow_up,
                        FollowUpCards(deps.store, caller.clinic_id, source, NowSeconds()));
    for (auto& card : follow_up) cards.push_back(std::move(card));
  }
  if (service.hook == "appointment-book") {
    for (auto& card :
         BookingRuleCards(deps.store, caller.clinic_id, source, asked, screened.response)) {
      cards.push_back(std::move(card));
    }
  }
  return cards;
}

}  // namespace

StatusOr<Json> AnswerHook(const CdsHookDeps& deps, const CdsServiceInfo& service,
                          const CdsCaller& caller, const HookRequest& request,
                          CdsCallAudit& audit) {
  NW_ASSIGN_OR_RETURN(auto asked, TreatmentFor(service.hook, request));
  if (!asked) return Json{{"cards", Json::array()}};
  Status failure;
  ScreenedPatient screened = Screen(deps, caller, request, *asked, &failure);
  ScreeningRow row =
      NewScreeningRow(caller.clinic_id, screened.input_digest, screened.response, NowSeconds());
  CardSource source{deps.service_url, row.screening_id, "Patient/" + request.patient_id};
  NW_ASSIGN_OR_RETURN(auto cards, Cards(deps, service, caller, source, *asked, screened, failure));
  audit.AddRefs(CallRefs(request, cards));
  {
    CallAuditScope scope(audit.audit());
    NW_RETURN_IF_ERROR(deps.store.InsertScreening(row));
  }
  return Json{{"cards", cards}};
}

}  // namespace needlework::host
