// Answering one CDS Hooks service call: the treatment the hook is about, the chart, the
// screening (through the same path as ScreeningService.Screen), its stored record, and the
// cards.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_HOOK_ANSWER_H_
#define NEEDLEWORK_HOST_CDSHOOKS_HOOK_ANSWER_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "host/cdshooks/cds_audit.h"
#include "host/cdshooks/cds_caller.h"
#include "host/cdshooks/chart.h"
#include "host/cdshooks/discovery.h"
#include "host/cdshooks/hook_request.h"
#include "host/fhir/rxnorm_map.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"

namespace needlework::host {

// What a hook call uses. Not owned: each outlives every call.
struct CdsHookDeps {
  Store& store;
  PluginCalls plugins;
  const fhir::RxNormIngredientMap& rxnorm;
  FhirRead read;             // for prefetch keys the EMR left out
  ChartLimits chart_limits;  // per prefetch piece or FHIR read, and the reads' time budget
  std::string service_url;   // cards' source.url
};

// {"cards": [...]} for `request` to `service` by `caller`. patient-view always screens the
// chart (no concerns, areas or add-ons); the order and appointment hooks screen only when
// their context holds a microneedling order or appointment (see treatment_asked.h), and
// answer no cards otherwise. Whenever it screens it stores one screening record (its id in
// every card's source.topic), with `audit`'s record naming the patient, hookInstance, the
// EMR user and every card ("card=<uuid>"), which is how feedback finds the record.
// Fails closed: when the chart cannot be read or screening cannot run, the record is
// REVIEW_REQUIRED with a "not-screened" finding and the one card says nothing was checked,
// and why. Errors: INVALID_ARGUMENT for a malformed order or appointment context;
// the store's when the record cannot be written.
StatusOr<nlohmann::json> AnswerHook(const CdsHookDeps& deps, const CdsServiceInfo& service,
                                    const CdsCaller& caller, const HookRequest& request,
                                    CdsCallAudit& audit);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_HOOK_ANSWER_H_
