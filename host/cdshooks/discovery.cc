#include "host/cdshooks/discovery.h"

namespace needlework::host {

const std::vector<CdsServiceInfo>& CdsServices() {
  static const auto* services = new std::vector<CdsServiceInfo>{
      {"needlework-patient-view", "patient-view", "Needlework: microneedling candidacy",
       "Screens the open chart for microneedling, and shows aftercare messages due and recent "
       "symptom reports of this patient."},
      {"needlework-order-select", "order-select", "Needlework: microneedling order screening",
       "Screens the patient for a microneedling order and its add-ons as they are selected."},
      {"needlework-order-sign", "order-sign", "Needlework: microneedling order check at signing",
       "Screens the patient for a microneedling order and its add-ons before it is signed."},
      {"needlework-appointment-book", "appointment-book",
       "Needlework: microneedling appointment check",
       "Screens the patient for a proposed microneedling appointment and checks the clinic's "
       "booking rules."},
  };
  return *services;
}

const CdsServiceInfo* FindCdsService(const std::string& id) {
  for (const auto& service : CdsServices()) {
    if (service.id == id) return &service;
  }
  return nullptr;
}

const std::vector<std::pair<std::string, std::string>>& PrefetchTemplates() {
  static const auto* templates = new std::vector<std::pair<std::string, std::string>>{
      {"patient", "Patient/{{context.patientId}}"},
      {"conditions", "Condition?patient={{context.patientId}}"},
      {"medicationRequests", "MedicationRequest?patient={{context.patientId}}"},
      {"medicationStatements", "MedicationStatement?patient={{context.patientId}}"},
      {"allergies", "AllergyIntolerance?patient={{context.patientId}}"},
      {"observations", "Observation?patient={{context.patientId}}"},
      {"procedures", "Procedure?patient={{context.patientId}}"},
  };
  return *templates;
}

nlohmann::json DiscoveryDocument() {
  nlohmann::json prefetch = nlohmann::json::object();
  for (const auto& [key, query] : PrefetchTemplates()) prefetch[key] = query;
  nlohmann::json services = nlohmann::json::array();
  for (const auto& service : CdsServices()) {
    services.push_back({{"hook", service.hook},
                        {"title", service.title},
                        {"description", service.description},
                        {"id", service.id},
                        {"prefetch", prefetch}});
  }
  return {{"services", services}};
}

}  // namespace needlework::host
