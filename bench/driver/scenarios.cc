#include "bench/driver/scenarios.h"

#include "bench/common/sample_patient.h"
#include "needlework/v1/aftercare.pb.h"
#include "needlework/v1/scheduling.pb.h"

namespace needlework::bench {
namespace {

namespace v1 = needlework::v1;

constexpr char kScreen[] = "/needlework.v1.ScreeningService/Screen";

std::vector<std::string> FindSlotsRequests(const YearClinic& clinic) {
  std::vector<std::string> requests;
  for (const auto& plan : clinic.probe_plans) {
    v1::FindSlotsRequest request;
    request.set_plan_id(plan);
    request.set_session_index(0);
    request.set_from_date(clinic.dense_from);
    request.set_to_date(clinic.dense_to);
    requests.push_back(request.SerializeAsString());
  }
  return requests;
}

std::vector<std::string> AftercareRequests(const YearClinic& clinic) {
  std::vector<std::string> requests;
  for (const auto& id : clinic.completed) {
    v1::GetAftercarePlanRequest request;
    request.set_appointment_id(id);
    requests.push_back(request.SerializeAsString());
  }
  return requests;
}

}  // namespace

std::vector<Scenario> BuildScenarios(const YearClinic& clinic, const std::string& fhir_bundle) {
  std::string facts = TypicalFactsRequest().SerializeAsString();
  std::string fhir = FhirRequest(fhir_bundle).SerializeAsString();
  std::vector<Scenario> scenarios = {
      {"Screen facts x1", kScreen, "Screen-facts", 1, false, {facts}},
      {"Screen facts x64", kScreen, "Screen-facts", 64, false, {facts}},
      {"Screen isolated x64", kScreen, "Screen-facts", 64, false, {facts}, true},
      {"Screen FHIR x1", kScreen, "Screen-fhir", 1, false, {fhir}},
      {"Screen FHIR x64", kScreen, "Screen-fhir", 64, false, {fhir}},
      {"FindSlots x1", "/needlework.v1.SchedulingService/FindSlots", "FindSlots", 1, false,
       FindSlotsRequests(clinic)},
      {"Book x32", "/needlework.v1.SchedulingService/Book", "Book", 32, true, {}},
      {"GetAftercarePlan x64", "/needlework.v1.AftercareService/GetAftercarePlan",
       "GetAftercarePlan", 64, false, AftercareRequests(clinic)},
  };
  return scenarios;
}

}  // namespace needlework::bench
