#include "host/cdshooks/chart.h"

#include <chrono>
#include <utility>
#include <vector>

#include "host/cdshooks/json_read.h"
#include "host/fhir/normalize.h"
#include "host/http/http_client.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;

std::string FillTemplate(std::string query, const std::string& patient_id) {
  static const std::string kPlaceholder = "{{context.patientId}}";
  for (size_t at = query.find(kPlaceholder); at != std::string::npos;
       at = query.find(kPlaceholder, at + patient_id.size())) {
    query.replace(at, kPlaceholder.size(), patient_id);
  }
  return query;
}

// UNAVAILABLE when `piece` is a Bundle with a "next" link: reading only its first page would
// screen part of the chart.
Status CheckNotPaged(const Json& piece, const std::string& key) {
  if (!piece.is_object() || StringAt(piece, "resourceType") != "Bundle") return OkStatus();
  auto links = piece.find("link");
  if (links == piece.end() || !links->is_array()) return OkStatus();
  for (const auto& link : *links) {
    if (link.is_object() && StringAt(link, "relation") == "next") {
      return UnavailableError(key + ": the FHIR server paged its answer; Needlework reads " +
                              "whole searches only, so the chart would be incomplete");
    }
  }
  return OkStatus();
}

// The JSON text of `key` read from the FHIR server; "" when it has nothing.
StatusOr<std::string> ReadKey(const HookRequest& request, const FhirRead& read,
                              const std::string& key, const std::string& query) {
  if (request.fhir_server.empty()) {
    return UnavailableError("prefetch '" + key +
                            "' is missing and the request names no fhirServer to read it from");
  }
  std::string url = request.fhir_server + "/" + FillTemplate(query, request.patient_id);
  auto text = read(url, request.access_token);
  if (!text.ok()) return UnavailableError("could not read " + key + ": " + text.status().message());
  Json parsed = Json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return UnavailableError(key + ": " + url + " did not answer JSON");
  NW_RETURN_IF_ERROR(CheckNotPaged(parsed, key));
  return std::move(*text);
}

StatusOr<std::vector<std::string>> ChartPieces(const HookRequest& request, const FhirRead& read,
                                               std::chrono::milliseconds budget) {
  auto deadline = std::chrono::steady_clock::now() + budget;
  std::vector<std::string> pieces;
  for (const auto& [key, query] : PrefetchTemplates()) {
    auto given = request.prefetch.find(key);
    if (given != request.prefetch.end()) {
      if (given->is_null()) continue;  // the EMR found nothing
      NW_RETURN_IF_ERROR(CheckNotPaged(*given, "prefetch '" + key + "'"));
      pieces.push_back(given->dump());
      continue;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      return UnavailableError("reading the chart from the FHIR server took longer than " +
                              std::to_string(budget.count()) + " ms; " + key + " was not read");
    }
    NW_ASSIGN_OR_RETURN(std::string text, ReadKey(request, read, key, query));
    pieces.push_back(std::move(text));
  }
  return pieces;
}

}  // namespace

FhirRead HttpFhirRead(int64_t timeout_ms, size_t max_bytes) {
  HttpGetLimits limits{std::chrono::milliseconds(timeout_ms), max_bytes};
  return
      [limits](const std::string& url, const std::string& access_token) -> StatusOr<std::string> {
        std::vector<std::string> headers = {"Accept: application/fhir+json"};
        if (!access_token.empty()) headers.push_back("Authorization: Bearer " + access_token);
        NW_ASSIGN_OR_RETURN(HttpGetReply reply, HttpGet(url, headers, limits));
        if (reply.status < 200 || reply.status > 299) {
          return UnavailableError(url + " answered HTTP " + std::to_string(reply.status));
        }
        return std::move(reply.body);
      };
}

StatusOr<needlework::types::v1::PatientFacts> GatherChart(const HookRequest& request,
                                                          const FhirRead& read,
                                                          const ChartLimits& limits,
                                                          const fhir::RxNormIngredientMap& rxnorm) {
  NW_ASSIGN_OR_RETURN(std::vector<std::string> pieces, ChartPieces(request, read, limits.budget));
  needlework::types::v1::PatientFacts facts;
  if (!pieces.empty()) {
    fhir::NormalizeOptions options;
    options.max_resource_bytes = limits.max_bytes;
    NW_ASSIGN_OR_RETURN(facts, fhir::NormalizeFhir(pieces, options));
  }
  std::string expected = "Patient/" + request.patient_id;
  if (facts.patient_ref().empty()) facts.set_patient_ref(expected);
  if (facts.patient_ref() != expected) {
    return InvalidArgumentError("the chart is about " + facts.patient_ref() +
                                ", not context.patientId " + request.patient_id);
  }
  rxnorm.FillIngredients(&facts);
  return facts;
}

}  // namespace needlework::host
