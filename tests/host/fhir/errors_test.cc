// NormalizeFhir refuses bad input with INVALID_ARGUMENT naming the resource, and never throws.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "host/fhir/fhir_test_util.h"

namespace needlework::fhir {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::InvalidArgumentContaining;
using testing::NormalizeStatus;
using ::testing::StartsWith;
using testing::StatusIs;

constexpr char kCondition[] = R"({"resourceType": "Condition", "id": "abc",
  "clinicalStatus": {"coding": [{"system":
    "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "88616000"}]},
  "subject": {"reference": "Patient/p1"}})";

// `json` with its first `from` replaced by `to`.
std::string Replace(std::string json, const std::string& from, const std::string& to) {
  json.replace(json.find(from), from.size(), to);
  return json;
}

// A collection Bundle of `resources`.
std::string Bundle(const std::vector<std::string>& resources) {
  std::string json = R"({"resourceType": "Bundle", "type": "collection", "entry": [)";
  for (size_t i = 0; i < resources.size(); ++i) {
    json += (i == 0 ? "" : ",") + std::string(R"({"resource": )") + resources[i] + "}";
  }
  return json + "]}";
}

TEST(NormalizeErrorsTest, NotJsonNamesTheIndexAndTheParserMessage) {
  EXPECT_THAT(
      NormalizeStatus({kCondition, kCondition, kCondition, R"({"resourceType": )"}),
      StatusIs(StatusCode::kInvalidArgument, AllOf(StartsWith("resources[3]: not valid JSON: "),
                                                   HasSubstr("unexpected end of input"))));
}

TEST(NormalizeErrorsTest, NotAnObjectOrNoResourceType) {
  EXPECT_THAT(NormalizeStatus({"[1, 2]"}),
              InvalidArgumentContaining("resources[0]: expected a JSON object"));
  EXPECT_THAT(NormalizeStatus({R"({"id": "x"})"}),
              InvalidArgumentContaining("resources[0]: resourceType is missing"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": 7})"}),
              InvalidArgumentContaining("resources[0]: resourceType: expected a string, got "
                                        "number"));
}

TEST(NormalizeErrorsTest, AResourceTypeOutsideFhirR4IsRefused) {
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Conditon", "id": "c1"})"}),
              InvalidArgumentContaining("resources[0] (Conditon/c1): resourceType \"Conditon\" is "
                                        "not a FHIR R4 resource type"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "condition"})"}),
              InvalidArgumentContaining("\"condition\" is not a FHIR R4 resource type"));
}

TEST(NormalizeErrorsTest, BadStatusCodeInBundleNamesEntryAndId) {
  const std::string bad = Replace(kCondition, "\"active\"", "\"actve\"");
  EXPECT_THAT(
      NormalizeStatus({kCondition, Bundle({kCondition, kCondition, kCondition, kCondition, bad})}),
      InvalidArgumentContaining("resources[1] (Bundle entry 4, Condition/abc): "
                                "clinicalStatus.coding[0].code \"actve\" is not a FHIR "
                                "condition-clinical code (active, recurrence"));
}

TEST(NormalizeErrorsTest, BadCodesOfEveryStatusField) {
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Condition", "verificationStatus":
                  {"coding": [{"code": "maybe"}]}})"}),
              InvalidArgumentContaining("verificationStatus.coding[0].code \"maybe\" is not a "
                                        "FHIR condition-ver-status code"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "AllergyIntolerance", "clinicalStatus":
                  {"coding": [{"code": "gone"}]}})"}),
              InvalidArgumentContaining("is not a FHIR allergyintolerance-clinical code"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "AllergyIntolerance", "verificationStatus":
                  {"coding": [{"code": "sure"}]}})"}),
              InvalidArgumentContaining("is not a FHIR allergyintolerance-verification code"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Observation", "status": "done"})"}),
              InvalidArgumentContaining("status \"done\" is not a FHIR observation-status code"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "MedicationRequest", "status": "Active"})"}),
              InvalidArgumentContaining("is not a FHIR medicationrequest-status code"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Patient", "gender": "F"})"}),
              InvalidArgumentContaining("resources[0] (Patient): gender \"F\" is not a FHIR "
                                        "administrative-gender code (male, female, other, "
                                        "unknown)"));
}

TEST(NormalizeErrorsTest, WrongJsonTypesNameThePath) {
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Condition", "id": "abc", "code": "acne"})"}),
              InvalidArgumentContaining("resources[0] (Condition/abc): code: expected an object, "
                                        "got string"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Condition", "code": {"coding": {}}})"}),
              InvalidArgumentContaining("code.coding: expected an array, got object"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Condition", "code": {"coding": ["x"]}})"}),
              InvalidArgumentContaining("code.coding[0]: expected an object, got string"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Condition", "code": {"text": 5}})"}),
              InvalidArgumentContaining("code.text: expected a string, got number"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Observation",
                                   "valueQuantity": {"value": "5.4"}})"}),
              InvalidArgumentContaining("valueQuantity.value: expected a number, got string"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Condition", "subject": "Patient/p1"})"}),
              InvalidArgumentContaining("subject: expected an object, got string"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Patient", "id": 12})"}),
              InvalidArgumentContaining("resources[0] (Patient): id: expected a string"));
}

TEST(NormalizeErrorsTest, BadBundleShapes) {
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Bundle", "id": "b", "entry": {}})"}),
              InvalidArgumentContaining("resources[0] (Bundle/b): entry: expected an array"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "Bundle", "entry": [{}, 3]})"}),
              InvalidArgumentContaining("resources[0] (Bundle entry 1): expected an object"));
  EXPECT_THAT(NormalizeStatus({Bundle({R"({"resourceType": "Bundle"})"})}),
              InvalidArgumentContaining("resources[0] (Bundle entry 0, Bundle): a Bundle inside "
                                        "a Bundle is not supported"));
  EXPECT_THAT(NormalizeStatus({Bundle({R"({"id": "x"})"})}),
              InvalidArgumentContaining("resources[0] (Bundle entry 0): resourceType is "
                                        "missing"));
}

TEST(NormalizeErrorsTest, ResourcesAboutAnotherPatientAreRefused) {
  constexpr char kPatient[] = R"({"resourceType": "Patient", "id": "p1"})";
  EXPECT_THAT(NormalizeStatus({kPatient, Replace(kCondition, "Patient/p1", "Patient/p2")}),
              InvalidArgumentContaining(
                  "resources[1] (Condition/abc): subject.reference \"Patient/p2\" is not the "
                  "patient of this request (Patient/p1 from resources[0] (Patient/p1))"));
  EXPECT_THAT(NormalizeStatus({R"({"resourceType": "AllergyIntolerance",
                                   "patient": {"reference": "Patient/p9"}})",
                               kPatient}),
              InvalidArgumentContaining("resources[0] (AllergyIntolerance): patient.reference "
                                        "\"Patient/p9\" is not the patient"));
  // Without a Patient resource, the first subject names the patient.
  EXPECT_THAT(NormalizeStatus({kCondition, Replace(kCondition, "Patient/p1", "Patient/p2")}),
              InvalidArgumentContaining("resources[1] (Condition/abc): subject.reference"));
}

TEST(NormalizeErrorsTest, TwoPatientsAreRefused) {
  EXPECT_THAT(
      NormalizeStatus({R"({"resourceType": "Patient", "id": "p1"})",
                       Bundle({R"({"resourceType": "Patient", "id": "p2"})"})}),
      InvalidArgumentContaining("resources[1] (Bundle entry 0, Patient/p2): a second patient, "
                                "Patient/p2, besides Patient/p1 from resources[0] (Patient/p1)"));
}

TEST(NormalizeErrorsTest, TooManyResourcesCountingBundleEntries) {
  NormalizeOptions options;
  options.max_resources = 3;
  EXPECT_TRUE(NormalizeFhir({kCondition, kCondition, kCondition}, options).ok());
  EXPECT_THAT(NormalizeStatus({kCondition, kCondition, kCondition, kCondition}, options),
              InvalidArgumentContaining("too many resources: at most 3 per request"));
  EXPECT_THAT(NormalizeStatus({kCondition, Bundle({kCondition, kCondition, kCondition})}, options),
              InvalidArgumentContaining("too many resources"));
  EXPECT_EQ(NormalizeOptions().max_resources, 10'000u);
}

TEST(NormalizeErrorsTest, ResourceOverTheByteLimit) {
  NormalizeOptions options;
  options.max_resource_bytes = 300;
  std::string padded =
      Replace(kCondition, "\"abc\"", "\"abc\", \"x\": \"" + std::string(100, 'x') + "\"");
  EXPECT_THAT(NormalizeStatus({kCondition, padded}, options),
              InvalidArgumentContaining("resources[1]: " + std::to_string(padded.size()) +
                                        " bytes is over the limit of 300 bytes"));
  EXPECT_EQ(NormalizeOptions().max_resource_bytes, 4u * 1024 * 1024);
}

TEST(NormalizeErrorsTest, NestingOverTheDepthLimit) {
  NormalizeOptions options;
  options.max_depth = 4;
  const std::string depth_four = R"({"resourceType": "Condition", "code": {"coding": [{"code":
      "[[[[[[ not structure {{{{"}]}})";
  EXPECT_TRUE(NormalizeFhir({depth_four}, options).ok());
  const std::string depth_five = R"({"resourceType": "Condition", "note": [{"x": [{}]}]})";
  EXPECT_THAT(NormalizeStatus({depth_four, depth_five}, options),
              InvalidArgumentContaining("resources[1]: JSON nested deeper than 4 levels"));
  EXPECT_THAT(NormalizeStatus({std::string(1 << 20, '[')}),
              InvalidArgumentContaining("resources[0]: JSON nested deeper than 64 levels"));
  EXPECT_EQ(NormalizeOptions().max_depth, 64u);
}

// Every JSON pointer of `value`, so each field can be given the wrong type.
void CollectPointers(const nlohmann::json& value, const nlohmann::json::json_pointer& at,
                     std::vector<nlohmann::json::json_pointer>* out) {
  out->push_back(at);
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) CollectPointers(child, at / key, out);
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) CollectPointers(value[i], at / i, out);
  }
}

// Each field of realistic resources replaced by a value of every other JSON type, and the text
// cut at every length: always OK or INVALID_ARGUMENT, never a crash or an exception.
TEST(NormalizeErrorsTest, NeverThrowsOnMalformedShapes) {
  const std::string medication = R"({"resourceType": "MedicationRequest", "id": "m",
    "status": "active", "contained": [{"resourceType": "Medication", "id": "x",
      "code": {"coding": [{"system": "s", "code": "c"}]}}],
    "medicationReference": {"reference": "#x"}, "subject": {"reference": "Patient/p1"}})";
  const std::string observation = R"({"resourceType": "Observation", "status": "final",
    "code": {"coding": [{"system": "s", "code": "c"}], "text": "t"},
    "valueQuantity": {"value": 1, "unit": "u"}, "effectivePeriod": {"start": "2020"},
    "valueCodeableConcept": {"coding": [{"system": "s", "code": "c"}]}})";
  const std::vector<nlohmann::json> wrong = {
      "s", 1.5, nullptr, true, nlohmann::json::array(), nlohmann::json::object()};
  for (const std::string& text : {std::string(kCondition), medication, observation,
                                  Bundle({R"({"resourceType": "Patient", "id": "p1",
                                              "gender": "male", "birthDate": "2000"})",
                                          kCondition})}) {
    const nlohmann::json original = nlohmann::json::parse(text);
    std::vector<nlohmann::json::json_pointer> pointers;
    CollectPointers(original, nlohmann::json::json_pointer(), &pointers);
    for (const auto& pointer : pointers) {
      for (const nlohmann::json& value : wrong) {
        nlohmann::json mutated = original;
        mutated[pointer] = value;
        Status status = NormalizeStatus({mutated.dump()});
        EXPECT_TRUE(status.ok() || status.code() == StatusCode::kInvalidArgument)
            << pointer.to_string() << ": " << status.ToString();
      }
    }
    for (size_t length = 0; length < text.size(); ++length) {
      EXPECT_FALSE(NormalizeStatus({text.substr(0, length)}).ok()) << length;
    }
  }
}

}  // namespace
}  // namespace needlework::fhir
