// The CDS Hooks services Needlework offers, and their discovery document
// (GET /cds-services, CDS Hooks 2.0 "Discovery").
#ifndef NEEDLEWORK_HOST_CDSHOOKS_DISCOVERY_H_
#define NEEDLEWORK_HOST_CDSHOOKS_DISCOVERY_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace needlework::host {

// One service: one hook we serve.
struct CdsServiceInfo {
  std::string id;  // the {id} of /cds-services/{id}
  std::string hook;
  std::string title;
  std::string description;
};

// patient-view, order-select, order-sign and appointment-book, in that order.
const std::vector<CdsServiceInfo>& CdsServices();

// The service with `id`, or nullptr.
const CdsServiceInfo* FindCdsService(const std::string& id);

// The prefetch templates every service asks for: key -> FHIR query relative to the FHIR
// server, with {{context.patientId}} in it. Keys: patient, conditions, medicationRequests,
// medicationStatements, allergies, observations, procedures.
const std::vector<std::pair<std::string, std::string>>& PrefetchTemplates();

// {"services": [{hook, title, description, id, prefetch}, ...]}.
nlohmann::json DiscoveryDocument();

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_DISCOVERY_H_
