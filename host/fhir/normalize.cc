#include "host/fhir/normalize.h"

#include <array>

#include "host/fhir/bundle_input.h"
#include "host/fhir/converters.h"
#include "host/fhir/medication_references.h"
#include "host/fhir/patient_identity.h"
#include "host/fhir/resource_types.h"

namespace needlework::fhir {
namespace {

using internal::InputResource;
using types::v1::PatientFacts;

using Converter = Status (*)(const internal::Json&, PatientFacts*);

struct ResourceKind {
  std::string_view type;
  Converter convert;
};

constexpr std::array<ResourceKind, 8> kKinds = {{
    {"Patient", internal::ConvertPatient},
    {"Condition", internal::ConvertCondition},
    {"MedicationRequest", internal::ConvertMedicationRequest},
    {"MedicationStatement", internal::ConvertMedicationStatement},
    {"AllergyIntolerance", internal::ConvertAllergyIntolerance},
    {"Observation", internal::ConvertObservation},
    {"Procedure", internal::ConvertProcedure},
    {"Device", internal::ConvertDevice},
}};

// The kind that reads `resource`; nullptr for a FHIR R4 type screening skips; otherwise
// INVALID_ARGUMENT. (A kind, not a bare function pointer: GCC's -Wshadow flags
// StatusOr<function pointer>.)
StatusOr<const ResourceKind*> KindOf(const InputResource& resource) {
  for (const ResourceKind& kind : kKinds) {
    if (kind.type == resource.type) return &kind;
  }
  if (internal::IsFhirR4ResourceType(resource.type)) return nullptr;
  return InvalidArgumentError(resource.where + ": resourceType \"" + resource.type +
                              "\" is not a FHIR R4 resource type (resource type names are "
                              "case-sensitive, e.g. Condition, MedicationRequest)");
}

// Learns the patient from every Patient resource, then checks every other's subject.
StatusOr<std::string> IdentifyPatient(const std::vector<InputResource>& resources,
                                      const std::vector<const ResourceKind*>& kinds) {
  internal::PatientIdentity identity;
  for (const InputResource& resource : resources) {
    if (resource.type == "Patient") NW_RETURN_IF_ERROR(identity.AddPatient(resource));
  }
  for (size_t i = 0; i < resources.size(); ++i) {
    if (resources[i].type == "Patient") continue;
    NW_RETURN_IF_ERROR(kinds[i] != nullptr ? identity.CheckSubject(resources[i])
                                           : identity.CheckSkippedSubject(resources[i]));
  }
  return identity.patient_ref();
}

}  // namespace

StatusOr<PatientFacts> NormalizeFhir(const std::vector<std::string>& resources_json,
                                     const NormalizeOptions& options, IgnoredCounts* ignored) {
  NW_ASSIGN_OR_RETURN(std::vector<InputResource> resources,
                      internal::ReadInput(resources_json, options));
  internal::InlineMedicationReferences(&resources);
  std::vector<const ResourceKind*> kinds;
  kinds.reserve(resources.size());
  for (const InputResource& resource : resources) {
    NW_ASSIGN_OR_RETURN(const ResourceKind* kind, KindOf(resource));
    kinds.push_back(kind);
  }
  PatientFacts facts;
  NW_ASSIGN_OR_RETURN(*facts.mutable_patient_ref(), IdentifyPatient(resources, kinds));
  for (size_t i = 0; i < resources.size(); ++i) {
    if (kinds[i] == nullptr) {
      if (ignored != nullptr) ++(*ignored)[resources[i].type];
      continue;
    }
    Status status = kinds[i]->convert(resources[i].json, &facts);
    if (!status.ok()) return status.WithPrefix(resources[i].where);
  }
  return facts;
}

}  // namespace needlework::fhir
