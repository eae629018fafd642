// Every patient of the Synthea R4 sample (../shared/fixtures/synthea-r4-10) is screened
// through the real host as FHIR JSON, without error; the one with atopic dermatitis gets the
// dermatologist-consult finding.
#include <gmock/gmock.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

constexpr char kFixtures[] = NEEDLEWORK_SHARED_DIR "/fixtures/synthea-r4-10/";

std::string PatientOf(const nlohmann::json& resource) {
  if (resource["resourceType"] == "Patient") return "Patient/" + resource["id"].get<std::string>();
  for (const char* field : {"subject", "patient"}) {
    if (resource.contains(field)) return resource[field].value("reference", "");
  }
  return "";
}

// Patient reference -> that patient's resources as JSON text.
std::map<std::string, std::vector<std::string>> LoadPatients() {
  std::map<std::string, std::vector<std::string>> patients;
  for (const char* file : {"Patient", "Condition", "MedicationRequest", "AllergyIntolerance"}) {
    std::ifstream in(std::string(kFixtures) + file + ".ndjson");
    EXPECT_TRUE(in.good()) << "missing fixture " << file;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      patients[PatientOf(nlohmann::json::parse(line))].push_back(line);
    }
  }
  return patients;
}

bool HasCondition(const std::vector<std::string>& resources, const std::string& snomed) {
  for (const auto& r : resources) {
    if (r.find("\"Condition\"") != std::string::npos &&
        r.find("\"code\":\"" + snomed + "\"") != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(SyntheaTest, EveryPatientIsScreenedAndAtopicDermatitisNeedsAConsult) {
  auto host = HostProcess::Start();
  ASSERT_NE(host, nullptr);
  auto patients = LoadPatients();
  ASSERT_EQ(patients.size(), 13u);
  int with_dermatitis = 0;
  for (const auto& [ref, resources] : patients) {
    v1::ScreenRequest request;
    for (const auto& r : resources) request.mutable_fhir()->add_resources(r);
    auto reply = Api(*host).Screen(host->emr_token(), request);
    ASSERT_TRUE(reply.status.ok()) << ref << ": " << reply.status.error_message();
    EXPECT_EQ(reply.response.patient_ref(), ref);
    EXPECT_NE(reply.response.outcome(), types::OUTCOME_UNSPECIFIED) << ref;
    if (!HasCondition(resources, "24079001")) continue;
    ++with_dermatitis;
    EXPECT_EQ(reply.response.outcome(), types::OUTCOME_CONSULT_REQUIRED) << ref;
    std::vector<std::string> rules;
    for (const auto& f : reply.response.findings()) rules.push_back(f.rule_id());
    EXPECT_THAT(rules, ::testing::Contains("eczema")) << ref;
  }
  EXPECT_EQ(with_dermatitis, 1);
}

}  // namespace
}  // namespace needlework::testing
