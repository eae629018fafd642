// The patient's chart for one CDS Hooks call: the EMR's prefetch, and for every prefetch
// key it left out, a read of its FHIR server; normalised as the gRPC FHIR input is.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_CHART_H_
#define NEEDLEWORK_HOST_CDSHOOKS_CHART_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "host/cdshooks/hook_request.h"
#include "host/fhir/rxnorm_map.h"
#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::host {

// Reads one FHIR URL with `access_token` as a Bearer token ("" sends none) and returns the
// JSON body of a 2xx answer. Any failure (unreachable, timed out, too large, not 2xx) is an
// error whose message says what happened, without the token. Must be thread-safe.
using FhirRead =
    std::function<StatusOr<std::string>(const std::string& url, const std::string& access_token)>;

// A FhirRead over HttpGet, bounded by `timeout_ms` and `max_bytes` per read.
FhirRead HttpFhirRead(int64_t timeout_ms, size_t max_bytes);

struct ChartLimits {
  size_t max_bytes = 8 * 1024 * 1024;  // of one prefetch piece or FHIR answer
  // No FHIR read starts after this much time reading the chart (so a call reads for at most
  // about twice it: the last read has its own timeout, see HttpFhirRead).
  std::chrono::milliseconds budget{5000};
};

// The patient's facts, ingredients filled from `rxnorm`. Each prefetch template's key (see
// PrefetchTemplates) is taken from `request.prefetch` when present there (a resource or a
// Bundle; JSON null means the EMR found nothing), else read with `read` from
// request.fhir_server, one key after the other. Every piece is normalised together by
// fhir::NormalizeFhir (with `limits.max_bytes` per piece), so a chart must be about one
// patient, and that patient must be context.patientId.
// Errors: UNAVAILABLE when a key is missing and there is no fhirServer, a read fails, the
// reads outlast `limits.budget`, or a searchset is paged (the chart would be incomplete):
// the message names the key and why;
// INVALID_ARGUMENT from normalisation, or for a chart about another patient.
StatusOr<needlework::types::v1::PatientFacts> GatherChart(const HookRequest& request,
                                                          const FhirRead& read,
                                                          const ChartLimits& limits,
                                                          const fhir::RxNormIngredientMap& rxnorm);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_CHART_H_
