#include "bench/common/sample_patient.h"

#include <fstream>
#include <sstream>

#include "needlework/code_systems.h"

namespace needlework::bench {
namespace {

namespace types = needlework::types::v1;

void SetCode(types::Coding* coding, std::string_view system, const char* code,
             const char* display) {
  coding->set_system(std::string(system));
  coding->set_code(code);
  coding->set_display(display);
}

void AddCondition(types::PatientFacts& facts, const char* code, const char* display,
                  types::ConditionStatus status) {
  auto* condition = facts.add_conditions();
  SetCode(condition->add_codes(), code_systems::kSnomed, code, display);
  condition->set_clinical_status(status);
  condition->set_source_ref(std::string("Condition/") + code);
}

void AddMedication(types::PatientFacts& facts, const char* code, const char* display) {
  auto* medication = facts.add_medications();  // coded at ingredient level
  SetCode(medication->add_codes(), code_systems::kRxNorm, code, display);
  SetCode(medication->add_ingredients(), code_systems::kRxNorm, code, display);
  medication->set_status(types::MEDICATION_STATUS_ACTIVE);
  medication->set_source_ref(std::string("MedicationRequest/") + code);
}

template <typename Request>
void AddConcernAndArea(Request& request) {
  SetCode(request.add_concerns(), code_systems::kConcern, "acne-scars", "Acne scars");
  SetCode(request.add_treatment_areas(), code_systems::kTreatmentArea, "face", "Face");
}

}  // namespace

types::PatientFacts TypicalFacts() {
  types::PatientFacts facts;
  facts.set_patient_ref("Patient/bench-typical");
  AddCondition(facts, "38341003", "Hypertension", types::CONDITION_STATUS_ACTIVE);
  AddCondition(facts, "195967001", "Asthma", types::CONDITION_STATUS_RESOLVED);
  AddMedication(facts, "29046", "lisinopril");
  AddMedication(facts, "11289", "warfarin");
  auto* allergy = facts.add_allergies();
  SetCode(allergy->add_codes(), code_systems::kRxNorm, "7980", "penicillin G");
  allergy->set_clinical_status(types::ALLERGY_STATUS_ACTIVE);
  allergy->set_source_ref("AllergyIntolerance/penicillin");
  auto* observation = facts.add_observations();
  SetCode(observation->add_codes(), code_systems::kLoinc, "39156-5", "Body mass index");
  observation->set_value(24.5);
  observation->set_effective("2025-05-01");
  observation->set_source_ref("Observation/bmi");
  return facts;
}

needlework::v1::ScreenRequest TypicalFactsRequest() {
  needlework::v1::ScreenRequest request;
  *request.mutable_facts() = TypicalFacts();
  AddConcernAndArea(request);
  return request;
}

needlework::v1::ScreenRequest FhirRequest(const std::string& bundle_json) {
  needlework::v1::ScreenRequest request;
  request.mutable_fhir()->add_resources(bundle_json);
  AddConcernAndArea(request);
  return request;
}

needlework::plugin::v1::ScreenRequest TypicalPluginRequest() {
  needlework::plugin::v1::ScreenRequest request;
  *request.mutable_patient() = TypicalFacts();
  AddConcernAndArea(request);
  request.set_as_of_date("2026-12-02");
  return request;
}

std::string ExampleBundle(const std::string& source_dir) {
  std::ifstream in(source_dir + "/examples/patients/active-acne.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace needlework::bench
