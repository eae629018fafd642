#include "host/fhir/medication_references.h"

#include <map>
#include <string>
#include <string_view>

namespace needlework::fhir::internal {
namespace {

constexpr std::string_view kLocalId = "nw-referenced-medication";

// The string member `key` of `object`, or "" when it is absent or not a string.
std::string StringOrEmpty(const Json& object, std::string_view key) {
  auto value = object.find(key);
  return value != object.end() && value->is_string() ? value->get<std::string>() : "";
}

// "Medication/<id>" and the entry's fullUrl -> that Medication resource (pointing into
// `resources`, which the caller keeps unchanged in size while the map is used).
std::map<std::string, const Json*> MedicationsByReference(
    const std::vector<InputResource>& resources) {
  std::map<std::string, const Json*> medications;
  for (const InputResource& resource : resources) {
    if (resource.type != "Medication") continue;
    const std::string id = StringOrEmpty(resource.json, "id");
    if (!id.empty()) medications.emplace("Medication/" + id, &resource.json);
    if (!resource.full_url.empty()) medications.emplace(resource.full_url, &resource.json);
  }
  return medications;
}

// Makes the Medication `resource` references one of its contained resources, when found.
void Inline(const std::map<std::string, const Json*>& medications, Json& resource) {
  auto reference = resource.find("medicationReference");
  if (reference == resource.end() || !reference->is_object()) return;
  auto found = medications.find(StringOrEmpty(*reference, "reference"));
  if (found == medications.end()) return;
  Json& contained = resource["contained"];
  if (contained.is_null()) contained = Json::array();
  if (!contained.is_array()) return;
  Json medication = *found->second;
  medication["id"] = kLocalId;
  contained.push_back(std::move(medication));
  (*reference)["reference"] = "#" + std::string(kLocalId);
}

}  // namespace

void InlineMedicationReferences(std::vector<InputResource>* resources) {
  const std::map<std::string, const Json*> medications = MedicationsByReference(*resources);
  if (medications.empty()) return;
  for (InputResource& resource : *resources) {
    if (resource.type == "MedicationRequest" || resource.type == "MedicationStatement") {
      Inline(medications, resource.json);
    }
  }
}

}  // namespace needlework::fhir::internal
