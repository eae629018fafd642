// The resource types of FHIR R4 (4.0.1), so that a misspelt resourceType ("Conditon") is
// refused rather than skipped as a type screening does not read. Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_RESOURCE_TYPES_H_
#define NEEDLEWORK_HOST_FHIR_RESOURCE_TYPES_H_

#include <string_view>

namespace needlework::fhir::internal {

// Whether `type` is the name of a FHIR R4 resource type (case-sensitive, as FHIR is).
bool IsFhirR4ResourceType(std::string_view type);

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_RESOURCE_TYPES_H_
