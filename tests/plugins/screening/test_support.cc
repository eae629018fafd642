#include "plugins/screening/test_support.h"

#include "needlework/code_systems.h"
#include "plugins/screening/config.h"
#include "plugins/screening/embedded_config.h"
#include "plugins/screening/screen.h"

namespace needlework::screening::testing {

std::string PatchedConfig(const Json& patch) {
  return needlework::testing::MergePatched(kDefaultConfigJson, patch);
}

RuleSet CompileOrDie(const Json& patch) {
  StatusOr<RuleSet> rules = CompileConfig(PatchedConfig(patch));
  if (!rules.ok()) {
    ADD_FAILURE() << "config refused: " << rules.status().ToString();
    return RuleSet();
  }
  return std::move(rules).value();
}

Coding Snomed(std::string_view code, std::string_view display) {
  return MakeCoding(kSnomed, code, display);
}

Coding RxNorm(std::string_view code, std::string_view display) {
  return MakeCoding(kRxNorm, code, display);
}

Coding Concern(std::string_view code, std::string_view display) {
  return MakeCoding(code_systems::kConcern, code, display);
}

Coding LaxityGrade() {
  return MakeCoding(code_systems::kObservation, "skin-laxity-grade", "Skin laxity grade");
}

types::v1::Condition* AddCondition(ScreenRequest& request, const Coding& code,
                                   types::v1::ConditionStatus status, std::string_view ref) {
  types::v1::Condition* condition = request.mutable_patient()->add_conditions();
  *condition->add_codes() = code;
  condition->set_clinical_status(status);
  condition->set_source_ref(std::string(ref));
  return condition;
}

types::v1::Medication* AddMedication(ScreenRequest& request, const Coding& product,
                                     types::v1::MedicationStatus status, std::string_view ref) {
  types::v1::Medication* medication = request.mutable_patient()->add_medications();
  *medication->add_codes() = product;
  medication->set_status(status);
  medication->set_source_ref(std::string(ref));
  return medication;
}

types::v1::Allergy* AddAllergy(ScreenRequest& request, const Coding& code,
                               types::v1::AllergyStatus status, std::string_view ref) {
  types::v1::Allergy* allergy = request.mutable_patient()->add_allergies();
  *allergy->add_codes() = code;
  allergy->set_clinical_status(status);
  allergy->set_source_ref(std::string(ref));
  return allergy;
}

types::v1::Observation* AddObservation(ScreenRequest& request, const Coding& code, double value,
                                       std::string_view effective, std::string_view ref) {
  types::v1::Observation* observation = request.mutable_patient()->add_observations();
  *observation->add_codes() = code;
  observation->set_value(value);
  observation->set_effective(std::string(effective));
  observation->set_source_ref(std::string(ref));
  return observation;
}

ScreenResponse ScreenOrDie(const RuleSet& rules, const ScreenRequest& request) {
  ScreenResponse response;
  Status status = ScreenPatient(rules, request, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return response;
}

std::optional<Finding> FindingFor(const ScreenResponse& response, std::string_view rule_id) {
  for (const Finding& finding : response.findings()) {
    if (finding.rule_id() == rule_id) return finding;
  }
  return std::nullopt;
}

}  // namespace needlework::screening::testing
