#include "plugins/aftercare/test_support.h"

#include "needlework/code_systems.h"
#include "plugins/aftercare/aftercare.h"
#include "plugins/aftercare/config.h"
#include "plugins/aftercare/embedded_config.h"
#include "plugins/aftercare/triage.h"

namespace needlework::aftercare::testing {

std::string PatchedConfig(const Json& patch) {
  return needlework::testing::MergePatched(kDefaultConfigJson, patch);
}

AftercareRules CompileOrDie(const Json& patch) {
  StatusOr<AftercareRules> rules = CompileConfig(PatchedConfig(patch));
  if (!rules.ok()) {
    ADD_FAILURE() << "config refused: " << rules.status().ToString();
    return AftercareRules();
  }
  return std::move(rules).value();
}

AftercareRequest MakeAftercareRequest(int index, int count, std::string_view language) {
  AftercareRequest request;
  request.mutable_plan()->set_session_count(count);
  request.mutable_plan()->set_maintenance_min_months(6);
  request.mutable_plan()->set_maintenance_max_months(12);
  request.set_session_index(index);
  request.set_last_session(index + 1 == count);
  types::v1::Coding* area = request.add_treatment_areas();
  area->set_system(std::string(code_systems::kTreatmentArea));
  area->set_code("face");
  request.set_needle_depth_mm(0.5);
  request.set_language(std::string(language));
  return request;
}

AftercareResponse AftercareOrDie(const AftercareRules& rules, const AftercareRequest& request) {
  AftercareResponse response;
  Status status = BuildAftercare(rules, request, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return response;
}

TriageRequest MakeTriageRequest(std::string_view code, double days, SymptomSeverity severity,
                                std::string_view language) {
  TriageRequest request;
  request.mutable_symptom()->set_system(std::string(code_systems::kSymptom));
  request.mutable_symptom()->set_code(std::string(code));
  request.set_days_since_session(days);
  request.set_severity(severity);
  request.set_language(std::string(language));
  return request;
}

TriageResponse TriageOrDie(const AftercareRules& rules, const TriageRequest& request) {
  TriageResponse response;
  Status status = TriageSymptom(rules, request, &response);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return response;
}

TimeSpec Offset(types::v1::Anchor anchor, int64_t minutes) {
  TimeSpec spec;
  spec.set_anchor(anchor);
  spec.set_offset_minutes(minutes);
  return spec;
}

TimeSpec Local(types::v1::Anchor anchor, int day_offset, int minute_of_day, int month_offset) {
  TimeSpec spec;
  spec.set_anchor(anchor);
  spec.mutable_local()->set_day_offset(day_offset);
  spec.mutable_local()->set_minute_of_day(minute_of_day);
  spec.mutable_local()->set_month_offset(month_offset);
  return spec;
}

template <typename Items>
std::vector<std::string> Ids(const Items& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id());
  return ids;
}

std::vector<std::string> InstructionIds(const AftercareResponse& response) {
  return Ids(response.instructions());
}

std::vector<std::string> EffectIds(const AftercareResponse& response) {
  return Ids(response.expected_effects());
}

std::vector<std::string> MessageIds(const AftercareResponse& response) {
  return Ids(response.messages());
}

template <typename Items>
auto FindById(const Items& items, std::string_view id) {
  for (const auto& item : items) {
    if (item.id() == id) return item;
  }
  ADD_FAILURE() << "no item " << id;
  return typename Items::value_type();
}

AftercareInstruction Instruction(const AftercareResponse& response, std::string_view id) {
  return FindById(response.instructions(), id);
}

PatientMessage Message(const AftercareResponse& response, std::string_view id) {
  return FindById(response.messages(), id);
}

}  // namespace needlework::aftercare::testing
