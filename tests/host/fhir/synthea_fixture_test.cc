// Real-world shapes: every supported resource of the Synthea R4 fixture (13 patients),
// grouped by patient, normalised, and its medications mapped to ingredients.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "host/fhir/normalize.h"
#include "host/fhir/rxnorm_map.h"

namespace needlework::fhir {
namespace {

using types::v1::PatientFacts;

constexpr char kFixtureDir[] = NEEDLEWORK_SHARED_DIR "/fixtures/synthea-r4-10/";

// Fixture products whose ingredients the built-in table leaves out on purpose (see the
// header of host/fhir/rxnorm_ingredients.tsv). The test checks they are still unmapped, so
// that this list goes when the table grows.
const std::set<std::string> kUnmappedProducts = {"106892", "1043400", "1367439", "389221",
                                                 "978950"};

// One patient's resources as sent to NormalizeFhir, and what the test expects of them.
struct PatientInput {
  std::vector<std::string> resources;
  size_t conditions_kept = 0;  // Conditions not entered-in-error or refuted
  size_t medications = 0;
  size_t allergies = 0;
  std::string birth_date;
};

// The reference of the patient `resource` is about: "Patient/<id>".
std::string PatientOf(const nlohmann::json& resource) {
  if (resource["resourceType"] == "Patient") return "Patient/" + resource["id"].get<std::string>();
  const char* field = resource["resourceType"] == "AllergyIntolerance" ? "patient" : "subject";
  return resource[field]["reference"].get<std::string>();
}

bool IsRetracted(const nlohmann::json& resource) {
  const std::string text = resource.value("verificationStatus", nlohmann::json()).dump();
  return text.find("entered-in-error") != std::string::npos ||
         text.find("refuted") != std::string::npos;
}

// Adds every line of `<type>.ndjson` to the input of the patient it is about.
void LoadFile(const std::string& type, std::map<std::string, PatientInput>* patients) {
  std::ifstream file(std::string(kFixtureDir) + type + ".ndjson");
  ASSERT_TRUE(file) << "missing fixture " << kFixtureDir << type << ".ndjson";
  for (std::string line; std::getline(file, line);) {
    if (line.empty()) continue;
    const nlohmann::json resource = nlohmann::json::parse(line);
    PatientInput& patient = (*patients)[PatientOf(resource)];
    patient.resources.push_back(line);
    if (type == "Condition" && !IsRetracted(resource)) ++patient.conditions_kept;
    if (type == "MedicationRequest") ++patient.medications;
    if (type == "AllergyIntolerance" && !IsRetracted(resource)) ++patient.allergies;
    if (type == "Patient") patient.birth_date = resource["birthDate"];
  }
}

// The fixture's supported resources by patient. Organization, Location, Practitioner and
// Procedure are not sent: the normaliser refuses them.
const std::map<std::string, PatientInput>& Patients() {
  static const auto* patients = [] {
    auto* loaded = new std::map<std::string, PatientInput>();
    for (const char* type : {"Patient", "Condition", "MedicationRequest", "AllergyIntolerance"}) {
      LoadFile(type, loaded);
    }
    return loaded;
  }();
  return *patients;
}

TEST(SyntheaFixtureTest, EveryPatientNormalisesWithAllItsFacts) {
  ASSERT_EQ(Patients().size(), 13u);
  for (const auto& [ref, input] : Patients()) {
    StatusOr<PatientFacts> facts = NormalizeFhir(input.resources);
    ASSERT_TRUE(facts.ok()) << ref << ": " << facts.status().ToString();
    EXPECT_EQ(facts->patient_ref(), ref);
    EXPECT_EQ(facts->birth_date(), input.birth_date) << ref;
    EXPECT_FALSE(facts->sex().empty()) << ref;
    EXPECT_EQ(static_cast<size_t>(facts->conditions_size()), input.conditions_kept) << ref;
    EXPECT_EQ(static_cast<size_t>(facts->medications_size()), input.medications) << ref;
    EXPECT_EQ(static_cast<size_t>(facts->allergies_size()), input.allergies) << ref;
    for (const types::v1::Condition& condition : facts->conditions()) {
      EXPECT_FALSE(condition.codes().empty()) << condition.source_ref();
      EXPECT_NE(condition.clinical_status(), types::v1::CONDITION_STATUS_UNSPECIFIED);
    }
  }
}

TEST(SyntheaFixtureTest, OnePatientAsABundleGivesTheSameFacts) {
  const PatientInput& input = Patients().begin()->second;
  nlohmann::json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}};
  for (const std::string& resource : input.resources) {
    bundle["entry"].push_back({{"resource", nlohmann::json::parse(resource)}});
  }
  StatusOr<PatientFacts> separate = NormalizeFhir(input.resources);
  StatusOr<PatientFacts> bundled = NormalizeFhir({bundle.dump()});
  ASSERT_TRUE(separate.ok() && bundled.ok()) << bundled.status().ToString();
  EXPECT_EQ(separate->SerializeAsString(), bundled->SerializeAsString());
}

TEST(SyntheaFixtureTest, TwoPatientsInOneRequestAreRefused) {
  std::vector<std::string> mixed = Patients().begin()->second.resources;
  const std::vector<std::string>& second = std::next(Patients().begin())->second.resources;
  mixed.insert(mixed.end(), second.begin(), second.end());
  EXPECT_EQ(NormalizeFhir(mixed).status().code(), StatusCode::kInvalidArgument);
}

TEST(SyntheaFixtureTest, EveryMedicationGetsAnIngredientFromTheBuiltInMap) {
  StatusOr<RxNormIngredientMap> map = RxNormIngredientMap::BuiltIn();
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  size_t mapped = 0;
  for (const auto& [ref, input] : Patients()) {
    StatusOr<PatientFacts> facts = NormalizeFhir(input.resources);
    ASSERT_TRUE(facts.ok()) << facts.status().ToString();
    map->FillIngredients(&*facts);
    for (const types::v1::Medication& medication : facts->medications()) {
      ASSERT_EQ(medication.codes_size(), 1) << medication.source_ref();
      const std::string& code = medication.codes(0).code();
      if (kUnmappedProducts.count(code) > 0) {
        EXPECT_TRUE(medication.ingredients().empty()) << code << " is mapped now: unlist it";
        continue;
      }
      EXPECT_FALSE(medication.ingredients().empty())
          << medication.source_ref() << " " << code << " " << medication.codes(0).display();
      ++mapped;
    }
  }
  EXPECT_GT(mapped, 1500u);  // of 1,745 MedicationRequests
}

// The fixture's only atopic dermatitis (SNOMED 24079001) is recorded as resolved (with an
// abatementDateTime), so it must come through as RESOLVED, not ACTIVE.
TEST(SyntheaFixtureTest, AtopicDermatitisAndPregnancyKeepTheirStatus) {
  std::map<std::string, std::vector<types::v1::ConditionStatus>> found;
  for (const auto& [ref, input] : Patients()) {
    StatusOr<PatientFacts> facts = NormalizeFhir(input.resources);
    ASSERT_TRUE(facts.ok()) << facts.status().ToString();
    for (const types::v1::Condition& condition : facts->conditions()) {
      const std::string& code = condition.codes(0).code();
      if (code == "24079001" || code == "72892002") {
        found[code].push_back(condition.clinical_status());
      }
    }
  }
  EXPECT_THAT(found["24079001"], ::testing::ElementsAre(types::v1::CONDITION_STATUS_RESOLVED));
  EXPECT_FALSE(found["72892002"].empty());
}

}  // namespace
}  // namespace needlework::fhir
