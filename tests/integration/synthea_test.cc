// Every patient of the Synthea R4 sample (../shared/fixtures/synthea-r4-10) is screened
// through the real host, as loose FHIR JSON and as one whole Bundle per patient (with the
// practitioners, organisations and locations a Patient/$everything answer carries): none is
// refused, the types screening does not read are counted, and the findings are the charts'.
#include <gmock/gmock.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

constexpr char kFixtures[] = NEEDLEWORK_SHARED_DIR "/fixtures/synthea-r4-10/";

std::string PatientOf(const nlohmann::json& resource) {
  if (resource["resourceType"] == "Patient") return "Patient/" + resource["id"].get<std::string>();
  for (const char* field : {"subject", "patient"}) {
    if (resource.contains(field)) return resource[field].value("reference", "");
  }
  return "";
}

// Patient reference -> that patient's resources as JSON; "" -> the resources of no patient.
std::map<std::string, std::vector<nlohmann::json>> LoadPatients(
    std::initializer_list<const char*> files) {
  std::map<std::string, std::vector<nlohmann::json>> patients;
  for (const char* file : files) {
    std::ifstream in(std::string(kFixtures) + file + ".ndjson");
    EXPECT_TRUE(in.good()) << "missing fixture " << file;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      nlohmann::json resource = nlohmann::json::parse(line);
      patients[PatientOf(resource)].push_back(std::move(resource));
    }
  }
  return patients;
}

bool HasCondition(const std::vector<nlohmann::json>& resources, const std::string& snomed) {
  for (const auto& r : resources) {
    if (r["resourceType"] != "Condition") continue;
    for (const auto& coding : r["code"]["coding"]) {
      if (coding.value("code", "") == snomed) return true;
    }
  }
  return false;
}

std::vector<std::string> RuleIds(const v1::ScreenResponse& response) {
  std::vector<std::string> rules;
  for (const auto& f : response.findings()) rules.push_back(f.rule_id());
  return rules;
}

// One searchset Bundle of `resources`, each entry with a fullUrl as a FHIR server gives it.
std::string BundleOf(const std::vector<nlohmann::json>& resources) {
  nlohmann::json bundle = {{"resourceType", "Bundle"}, {"type", "searchset"}};
  nlohmann::json& entries = bundle["entry"];
  for (const auto& r : resources) {
    entries.push_back(
        {{"fullUrl", "https://emr.example/fhir/" + r["resourceType"].get<std::string>() + "/" +
                         r["id"].get<std::string>()},
         {"resource", r}});
  }
  return bundle.dump();
}

class SyntheaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
  }
  Reply<v1::ScreenResponse> ScreenBundle(const std::vector<nlohmann::json>& resources) {
    v1::ScreenRequest request;
    request.mutable_fhir()->add_resources(BundleOf(resources));
    return Api(*host_).Screen(host_->emr_token(), request);
  }
  std::unique_ptr<HostProcess> host_;
};

TEST_F(SyntheaTest, EveryPatientIsScreenedAndAtopicDermatitisNeedsAConsult) {
  auto patients = LoadPatients({"Patient", "Condition", "MedicationRequest", "AllergyIntolerance"});
  ASSERT_EQ(patients.size(), 13u);
  int with_dermatitis = 0;
  for (const auto& [ref, resources] : patients) {
    v1::ScreenRequest request;
    for (const auto& r : resources) request.mutable_fhir()->add_resources(r.dump());
    auto reply = Api(*host_).Screen(host_->emr_token(), request);
    ASSERT_TRUE(reply.status.ok()) << ref << ": " << reply.status.error_message();
    EXPECT_EQ(reply.response.patient_ref(), ref);
    EXPECT_NE(reply.response.outcome(), types::OUTCOME_UNSPECIFIED) << ref;
    if (!HasCondition(resources, "24079001")) continue;
    ++with_dermatitis;
    EXPECT_EQ(reply.response.outcome(), types::OUTCOME_CONSULT_REQUIRED) << ref;
    EXPECT_THAT(RuleIds(reply.response), Contains("eczema")) << ref;
  }
  EXPECT_EQ(with_dermatitis, 1);
}

// The fixture's charts are coded throughout (SNOMED CT conditions and allergies, RxNorm
// products the host's table knows), so no patient gets an unrecognised-entry finding; the
// one with atopic dermatitis needs a consult, every other one is ELIGIBLE.
TEST_F(SyntheaTest, EveryPatientAsAWholeBundleIsScreenedWithTheSkippedTypesCounted) {
  auto patients = LoadPatients({"Patient", "Condition", "MedicationRequest", "AllergyIntolerance",
                                "Procedure", "Practitioner", "Organization", "Location"});
  const std::vector<nlohmann::json> shared = patients[""];
  patients.erase("");
  ASSERT_EQ(patients.size(), 13u);
  ASSERT_EQ(shared.size(), 44u + 43u + 43u);
  for (auto& [ref, resources] : patients) {
    resources.insert(resources.end(), shared.begin(), shared.end());
    auto reply = ScreenBundle(resources);
    ASSERT_TRUE(reply.status.ok()) << ref << ": " << reply.status.error_message();
    EXPECT_EQ(reply.response.patient_ref(), ref);
    std::vector<std::pair<std::string, int>> ignored;
    for (const auto& i : reply.response.ignored_resources()) {
      ignored.emplace_back(i.resource_type(), i.count());
    }
    EXPECT_THAT(ignored, ElementsAre(std::pair<std::string, int>("Location", 44),
                                     std::pair<std::string, int>("Organization", 43),
                                     std::pair<std::string, int>("Practitioner", 43)))
        << ref;
    for (const char* rule :
         {"unrecognised-condition", "unrecognised-medication", "unrecognised-allergy"}) {
      EXPECT_THAT(RuleIds(reply.response), Not(Contains(rule))) << ref;
    }
    const bool dermatitis = HasCondition(resources, "24079001");
    EXPECT_EQ(reply.response.outcome(),
              dermatitis ? types::OUTCOME_CONSULT_REQUIRED : types::OUTCOME_ELIGIBLE)
        << ref;
  }
}

// A chart as EMRs also write them: a condition coded only in ICD-10-CM and a prescription
// given as text only. Each gets a review finding naming it; the patient is not ELIGIBLE.
TEST_F(SyntheaTest, UnreadableEntriesInARealChartNeedReview) {
  auto patients = LoadPatients({"Patient", "Condition", "MedicationRequest", "Procedure"});
  const std::string ref = "Patient/7bc002fa-dc52-17d6-1563-fd8901826f7d";
  std::vector<nlohmann::json> resources = patients.at(ref);
  resources.push_back(nlohmann::json::parse(R"({"resourceType": "Condition", "id": "icd-only",
      "clinicalStatus": {"coding": [{"system":
          "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
      "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "L70.0",
                           "display": "Acne vulgaris"}]}})"));
  resources.back()["subject"]["reference"] = ref;
  resources.push_back(nlohmann::json::parse(R"({"resourceType": "MedicationRequest",
      "id": "text-only", "status": "active", "intent": "order",
      "medicationCodeableConcept": {"text": "Xarelto 20 mg once daily"}})"));
  resources.back()["subject"]["reference"] = ref;
  auto reply = ScreenBundle(resources);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  std::map<std::string, std::string> summaries;
  for (const auto& f : reply.response.findings()) summaries[f.rule_id()] = f.summary();
  EXPECT_EQ(summaries["unrecognised-condition"],
            "Condition not recognised: Acne vulgaris; a clinician checks it");
  EXPECT_EQ(summaries["unrecognised-medication"],
            "Medication not recognised: Xarelto 20 mg once daily; a clinician checks it");
}

}  // namespace
}  // namespace needlework::testing
