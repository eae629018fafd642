// Helpers shared by the tests of the built-in add-on plugins (radiofrequency, prp, serums):
// creating an instance from the defaults with a clinic's merge patch, patient facts, hook
// requests with or without the add-on, and reading the answers.
#ifndef NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_ADDON_TEST_SUPPORT_H_
#define NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_ADDON_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "needlework/code_systems.h"
#include "needlework/plugin.h"
#include "support/plugin_test_helpers.h"
#include "support/status_matchers.h"

namespace needlework::addon::testing {

using Json = nlohmann::json;
using needlework::testing::IsOk;
using needlework::testing::MakeCoding;
using needlework::testing::MergePatched;
using needlework::testing::StatusIs;
using plugin::v1::AftercareRequest;
using plugin::v1::AftercareResponse;
using plugin::v1::ScreenRequest;
using plugin::v1::ScreenResponse;
using plugin::v1::TriageRequest;
using plugin::v1::TriageResponse;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using types::v1::Coding;
using types::v1::PatientFacts;

inline constexpr std::string_view kSnomed = code_systems::kSnomed;
inline constexpr std::string_view kLoinc = code_systems::kLoinc;
inline constexpr std::string_view kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

// Plugin::Create with `defaults` patched by `patch`, as the host creates an instance.
template <typename PluginClass>
StatusOr<std::unique_ptr<PluginClass>> CreatePatched(std::string_view defaults,
                                                     const Json& patch = Json::object()) {
  return PluginClass::Create(
      InstanceContext{"clinic-1", MergePatched(defaults, patch), HostServices(nullptr)});
}

// The same; fails the test (and returns nullptr) when the config is refused.
template <typename PluginClass>
std::unique_ptr<PluginClass> CreateOrDie(std::string_view defaults,
                                         const Json& patch = Json::object()) {
  auto created = CreatePatched<PluginClass>(defaults, patch);
  EXPECT_THAT(created, IsOk());
  return created.ok() ? std::move(created).value() : nullptr;
}

// The refusal of `defaults` patched by `patch` (OK when the config is accepted).
template <typename PluginClass>
Status RefusalOf(std::string_view defaults, const Json& patch) {
  return CreatePatched<PluginClass>(defaults, patch).status();
}

// `manifest` is an add-on plugin's: `id`, the hooks screen, aftercare, triage and catalog,
// `defaults` as its default config, and a JSON Schema object.
inline void ExpectAddOnManifest(const plugin::v1::Manifest& manifest, std::string_view id,
                                std::string_view defaults) {
  EXPECT_EQ(manifest.id(), id);
  EXPECT_THAT(manifest.hooks(), ElementsAre(plugin::v1::HOOK_SCREEN, plugin::v1::HOOK_AFTERCARE,
                                            plugin::v1::HOOK_TRIAGE, plugin::v1::HOOK_CATALOG));
  EXPECT_EQ(Json::parse(manifest.default_config_json()), Json::parse(defaults));
  EXPECT_TRUE(Json::parse(manifest.config_schema_json()).is_object());
}

// `therapy` is the ADD_ON `code` (procedure code system) named `name`, adding `minutes` and
// needing one DEVICE of each of `devices`, in order.
inline void ExpectAddOnTherapy(const types::v1::Therapy& therapy, std::string_view code,
                               std::string_view name, int minutes,
                               const std::vector<std::string>& devices) {
  EXPECT_EQ(therapy.code().system(), code_systems::kProcedure);
  EXPECT_EQ(therapy.code().code(), code);
  EXPECT_EQ(therapy.display_name(), name);
  EXPECT_EQ(therapy.kind(), types::v1::THERAPY_KIND_ADD_ON);
  EXPECT_EQ(therapy.minutes(), minutes);
  std::vector<std::string> kinds;
  for (const auto& requirement : therapy.requirements()) {
    EXPECT_EQ(requirement.type(), types::v1::RESOURCE_TYPE_DEVICE);
    kinds.push_back(requirement.device_kind());
  }
  EXPECT_EQ(kinds, devices);
}

// `finding` is about the add-on `code` (applies_to), reads `summary` and has `indicator`.
inline void ExpectFindingAbout(const types::v1::Finding& finding, std::string_view code,
                               std::string_view summary, types::v1::Indicator indicator) {
  EXPECT_EQ(finding.applies_to().system(), code_systems::kProcedure);
  EXPECT_EQ(finding.applies_to().code(), code);
  EXPECT_EQ(finding.summary(), summary);
  EXPECT_EQ(finding.indicator(), indicator);
}

// A therapy code of the procedure code system.
inline Coding Procedure(std::string_view code) {
  return MakeCoding(code_systems::kProcedure, code);
}

// Facts: one fact of each kind, with a source_ref naming the code.
inline void AddCondition(PatientFacts& facts, std::string_view system, std::string_view code,
                         types::v1::ConditionStatus status = types::v1::CONDITION_STATUS_ACTIVE,
                         std::string_view display = "") {
  auto* condition = facts.add_conditions();
  *condition->add_codes() = MakeCoding(system, code, display);
  condition->set_clinical_status(status);
  condition->set_source_ref("Condition/" + std::string(code));
}
inline void AddMedication(
    PatientFacts& facts, std::string_view product, std::string_view ingredient,
    std::string_view ingredient_display,
    types::v1::MedicationStatus status = types::v1::MEDICATION_STATUS_ACTIVE) {
  auto* medication = facts.add_medications();
  *medication->add_codes() = MakeCoding(code_systems::kRxNorm, product);
  if (!ingredient.empty()) {
    *medication->add_ingredients() =
        MakeCoding(code_systems::kRxNorm, ingredient, ingredient_display);
  }
  medication->set_status(status);
  medication->set_source_ref("MedicationRequest/" + std::string(product));
}
inline void AddAllergy(PatientFacts& facts, std::string_view system, std::string_view code,
                       types::v1::AllergyStatus status = types::v1::ALLERGY_STATUS_ACTIVE,
                       std::string_view display = "") {
  auto* allergy = facts.add_allergies();
  *allergy->add_codes() = MakeCoding(system, code, display);
  allergy->set_clinical_status(status);
  allergy->set_source_ref("AllergyIntolerance/" + std::string(code));
}
inline void AddObservation(PatientFacts& facts, std::string_view system, std::string_view code,
                           double value, std::string_view unit, std::string_view effective) {
  auto* observation = facts.add_observations();
  *observation->add_codes() = MakeCoding(system, code);
  observation->set_value(value);
  observation->set_unit(std::string(unit));
  observation->set_effective(std::string(effective));
  observation->set_source_ref("Observation/" + std::string(code) + "-" + std::string(effective));
}

// A screening request for `facts` with `add_ons` planned, on `areas` (treatment-area codes).
inline ScreenRequest MakeScreenRequest(const PatientFacts& facts, std::vector<Coding> add_ons,
                                       std::vector<std::string_view> areas = {"face"}) {
  ScreenRequest request;
  *request.mutable_patient() = facts;
  for (const auto& add_on : add_ons) *request.add_add_ons() = add_on;
  for (auto area : areas)
    *request.add_treatment_areas() = MakeCoding(code_systems::kTreatmentArea, area);
  return request;
}

// An aftercare request for a face session with `add_ons`.
inline AftercareRequest MakeAftercareRequest(std::vector<Coding> add_ons) {
  AftercareRequest request;
  for (const auto& add_on : add_ons) *request.add_add_ons() = add_on;
  *request.add_treatment_areas() = MakeCoding(code_systems::kTreatmentArea, "face");
  return request;
}

// A triage request for symptom `code` `days` after a session with `add_ons`.
inline TriageRequest MakeTriageRequest(std::string_view code, double days,
                                       types::v1::SymptomSeverity severity,
                                       std::vector<Coding> add_ons) {
  TriageRequest request;
  *request.mutable_symptom() = MakeCoding(code_systems::kSymptom, code);
  request.set_days_since_session(days);
  request.set_severity(severity);
  for (const auto& add_on : add_ons) *request.add_add_ons() = add_on;
  return request;
}

// Calls `hook` on `plugin` with `request`; fails the test when it does not answer OK.
template <typename Response, typename PluginClass, typename Request>
Response Answer(PluginClass& plugin, Status (Plugin::*hook)(const Request&, Response*),
                const Request& request) {
  Response response;
  EXPECT_THAT((plugin.*hook)(request, &response), IsOk());
  return response;
}

// The same on a new instance from `defaults` patched by `patch`.
template <typename PluginClass, typename Response, typename Request>
Response AnswerPatched(std::string_view defaults, const Json& patch,
                       Status (Plugin::*hook)(const Request&, Response*), const Request& request) {
  auto plugin = CreateOrDie<PluginClass>(defaults, patch);
  return plugin == nullptr ? Response() : Answer(*plugin, hook, request);
}

// The rule ids of the findings, in order.
inline std::vector<std::string> RuleIds(const ScreenResponse& response) {
  std::vector<std::string> ids;
  for (const auto& finding : response.findings()) ids.push_back(finding.rule_id());
  return ids;
}

// The ids of the instructions and effects, in order.
inline std::vector<std::string> InstructionIds(const AftercareResponse& response) {
  std::vector<std::string> ids;
  for (const auto& line : response.instructions()) ids.push_back(line.id());
  return ids;
}
inline std::vector<std::string> EffectIds(const AftercareResponse& response) {
  std::vector<std::string> ids;
  for (const auto& effect : response.expected_effects()) ids.push_back(effect.id());
  return ids;
}

// The instruction with `id`; fails the test and returns an empty one when there is none.
inline types::v1::AftercareInstruction Instruction(const AftercareResponse& response,
                                                   std::string_view id) {
  for (const auto& line : response.instructions()) {
    if (line.id() == id) return line;
  }
  ADD_FAILURE() << "no instruction " << id << " in " << response.ShortDebugString();
  return {};
}

}  // namespace needlework::addon::testing

#endif  // NEEDLEWORK_TESTS_PLUGINS_ADDON_SUPPORT_ADDON_TEST_SUPPORT_H_
