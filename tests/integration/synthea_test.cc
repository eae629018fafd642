// Every patient of the Synthea R4 sample (../shared/fixtures/synthea-r4-10) is screened
// through the real host, as loose FHIR JSON and as one whole Bundle per patient (with the
// practitioners, organisations and locations a Patient/$everything answer carries): none is
// refused, the types screening does not read are counted, and the findings are the charts'.
#include <gmock/gmock.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "integration/api_helpers.h"

namespace needlework::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::IsSupersetOf;

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

// The RxNorm products the host's built-in ingredient table knows (its first column), or
// only those with `ingredient` (its second column) when one is given.
std::set<std::string> KnownProducts(const std::string& ingredient = "") {
  std::ifstream in(NEEDLEWORK_SOURCE_DIR "/host/fhir/rxnorm_ingredients.tsv");
  EXPECT_TRUE(in.good());
  std::set<std::string> known;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (ingredient.empty() ||
        line.compare(tab + 1, ingredient.size() + 1, ingredient + "\t") == 0) {
      known.insert(line.substr(0, tab));
    }
  }
  return known;
}

bool HasActiveCondition(const std::vector<nlohmann::json>& resources, const std::string& snomed) {
  for (const auto& r : resources) {
    if (r["resourceType"] == "Condition" && r["clinicalStatus"]["coding"][0]["code"] == "active" &&
        HasCondition({r}, snomed)) {
      return true;
    }
  }
  return false;
}

// Whether an active prescription in `resources` is one of `products`.
bool TakesNow(const std::vector<nlohmann::json>& resources, const std::set<std::string>& products) {
  for (const auto& r : resources) {
    if (r["resourceType"] == "MedicationRequest" && r["status"] == "active" &&
        products.count(r["medicationCodeableConcept"]["coding"][0]["code"].get<std::string>())) {
      return true;
    }
  }
  return false;
}

// What screening must say of a chart, read from the chart itself: each medication whose
// RxNorm product the host's table does not know is unrecognised (REVIEW_REQUIRED when
// active, ELIGIBLE_WITH_CAUTION when stopped; one finding per name and outcome, an evidence
// per prescription); atopic dermatitis needs a consult; a kidney transplant in the history
// or tacrolimus taken now is immunosuppression, for review. The fixture's conditions and
// allergies are all SNOMED CT or RxNorm coded.
struct ChartSays {
  types::Outcome outcome = types::OUTCOME_ELIGIBLE;
  std::set<std::string> findings;  // "<outcome> <medicine>"
  std::set<std::string> evidence;  // "<outcome> MedicationRequest/<id>"
};

ChartSays ExpectedFor(const std::vector<nlohmann::json>& resources,
                      const std::set<std::string>& known) {
  ChartSays says;
  // ELIGIBLE < ELIGIBLE_WITH_CAUTION < REVIEW_REQUIRED < CONSULT_REQUIRED, also in enum order.
  auto raise = [&](types::Outcome to) { says.outcome = std::max(says.outcome, to); };
  for (const auto& r : resources) {
    if (r["resourceType"] != "MedicationRequest") continue;
    const auto& medicine = r["medicationCodeableConcept"];
    if (known.count(medicine["coding"][0]["code"].get<std::string>()) > 0) continue;
    const types::Outcome outcome = r["status"] == "active" ? types::OUTCOME_REVIEW_REQUIRED
                                                           : types::OUTCOME_ELIGIBLE_WITH_CAUTION;
    raise(outcome);
    const std::string grade = types::Outcome_Name(outcome);
    says.findings.insert(grade + " " + medicine["text"].get<std::string>());
    says.evidence.insert(grade + " MedicationRequest/" + r["id"].get<std::string>());
  }
  if (HasCondition(resources, "24079001")) raise(types::OUTCOME_CONSULT_REQUIRED);
  if (HasActiveCondition(resources, "161665007") || TakesNow(resources, KnownProducts("42316"))) {
    raise(types::OUTCOME_REVIEW_REQUIRED);
  }
  return says;
}

// The unrecognised-entry findings of `response`: how many, and "<outcome> <source_ref>" for
// each of their evidence. Each summary must keep its closing words, however long the name.
std::pair<size_t, std::set<std::string>> UnrecognisedIn(const v1::ScreenResponse& response) {
  std::pair<size_t, std::set<std::string>> found;
  for (const auto& f : response.findings()) {
    if (f.rule_id().rfind("unrecognised-", 0) != 0) continue;
    ++found.first;
    EXPECT_THAT(f.summary(), EndsWith("; a clinician checks it"));
    for (const auto& e : f.evidence()) {
      found.second.insert(types::Outcome_Name(f.outcome()) + " " + e.source_ref());
    }
  }
  return found;
}

// Every patient as one Bundle, as Patient/$everything gives it: none refused, the types
// screening does not read counted, and the outcome and unrecognised-entry findings as the
// chart says (ExpectedFor).
TEST_F(SyntheaTest, EveryPatientAsAWholeBundleIsScreenedWithTheSkippedTypesCounted) {
  auto patients = LoadPatients({"Patient", "Condition", "MedicationRequest", "AllergyIntolerance",
                                "Procedure", "Practitioner", "Organization", "Location"});
  const std::vector<nlohmann::json> shared = patients[""];
  patients.erase("");
  ASSERT_EQ(patients.size(), 13u);
  ASSERT_EQ(shared.size(), 44u + 43u + 43u);
  const std::set<std::string> known = KnownProducts();
  int with_unrecognised = 0;
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
    const ChartSays says = ExpectedFor(resources, known);
    EXPECT_EQ(reply.response.outcome(), says.outcome) << ref;
    const auto [findings, evidence] = UnrecognisedIn(reply.response);
    EXPECT_EQ(findings, says.findings.size()) << ref;
    EXPECT_EQ(evidence, says.evidence) << ref;
    if (!says.findings.empty()) ++with_unrecognised;
  }
  // Spot check of the derivation: six charts name a product the table lacks (e.g. Humulin
  // 70/30, still active for Patient/79a66c97; etonogestrel implants, stopped).
  EXPECT_EQ(with_unrecognised, 6);
}

// A chart as EMRs also write them: a condition coded only in ICD-10 (as the WHO publishes it;
// the rules use ICD-10-CM) and a prescription given as text only. Each gets a review finding
// naming it; the patient is not ELIGIBLE.
TEST_F(SyntheaTest, UnreadableEntriesInARealChartNeedReview) {
  auto patients = LoadPatients({"Patient", "Condition", "MedicationRequest", "Procedure"});
  const std::string ref = "Patient/7bc002fa-dc52-17d6-1563-fd8901826f7d";
  std::vector<nlohmann::json> resources = patients.at(ref);
  resources.push_back(nlohmann::json::parse(R"({"resourceType": "Condition", "id": "icd-only",
      "clinicalStatus": {"coding": [{"system":
          "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
      "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "L70.0",
                           "display": "Acne vulgaris"}]}})"));
  resources.back()["subject"]["reference"] = ref;
  resources.push_back(nlohmann::json::parse(R"({"resourceType": "MedicationRequest",
      "id": "text-only", "status": "active", "intent": "order",
      "medicationCodeableConcept": {"text": "Xarelto 20 mg once daily"}})"));
  resources.back()["subject"]["reference"] = ref;
  auto reply = ScreenBundle(resources);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_REVIEW_REQUIRED);
  std::set<std::string> summaries;
  for (const auto& f : reply.response.findings()) summaries.insert(f.summary());
  EXPECT_THAT(summaries,
              IsSupersetOf({"Condition not recognised: Acne vulgaris; a clinician checks it",
                            "Medication not recognised: Xarelto 20 mg once daily; a clinician "
                            "checks it"}));
}

// The same chart with acne coded only in ICD-10-CM: the rules ship ICD-10-CM codes, so it is
// read and defers treatment, with that coding as the evidence.
TEST_F(SyntheaTest, AConditionCodedOnlyInIcd10CmIsMatched) {
  auto patients = LoadPatients({"Patient", "Condition", "MedicationRequest"});
  const std::string ref = "Patient/7bc002fa-dc52-17d6-1563-fd8901826f7d";
  std::vector<nlohmann::json> resources = patients.at(ref);
  resources.push_back(nlohmann::json::parse(R"({"resourceType": "Condition", "id": "acne-cm",
      "clinicalStatus": {"coding": [{"system":
          "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
      "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "L70.0"}]}})"));
  resources.back()["subject"]["reference"] = ref;
  auto reply = ScreenBundle(resources);
  ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
  EXPECT_EQ(reply.response.outcome(), types::OUTCOME_DEFER);
  const auto acne = std::find_if(reply.response.findings().begin(), reply.response.findings().end(),
                                 [](const auto& f) { return f.rule_id() == "active-acne"; });
  ASSERT_NE(acne, reply.response.findings().end());
  EXPECT_EQ(acne->evidence(0).code().code(), "L70.0");
  EXPECT_EQ(acne->evidence(0).source_ref(), "Condition/acne-cm");
}

}  // namespace
}  // namespace needlework::testing
