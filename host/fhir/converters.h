// One function per supported FHIR resource type: reads one resource and appends what it says
// to the facts. Errors carry FHIR paths relative to the resource (`code.coding[0]: ...`);
// the caller prefixes which resource it was. Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_CONVERTERS_H_
#define NEEDLEWORK_HOST_FHIR_CONVERTERS_H_

#include <string>

#include "host/fhir/json_fields.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::fhir::internal {

// In all converters `resource` is a JSON object whose resourceType has been checked.

// birthDate and gender (patient_ref is the caller's: see patient_identity.h). The first
// Patient resource that gives a value wins.
Status ConvertPatient(const Json& resource, types::v1::PatientFacts* facts);
// Appends a Condition, unless its verificationStatus is entered-in-error or refuted.
Status ConvertCondition(const Json& resource, types::v1::PatientFacts* facts);
// Appends an Allergy, unless its verificationStatus is entered-in-error or refuted.
Status ConvertAllergyIntolerance(const Json& resource, types::v1::PatientFacts* facts);
// Appends an Observation, unless its status is entered-in-error or cancelled.
Status ConvertObservation(const Json& resource, types::v1::PatientFacts* facts);
// Append a Medication (medication.cc).
Status ConvertMedicationRequest(const Json& resource, types::v1::PatientFacts* facts);
Status ConvertMedicationStatement(const Json& resource, types::v1::PatientFacts* facts);
// Append a Procedure or a Device, unless its status is entered-in-error
// (procedures_devices.cc).
Status ConvertProcedure(const Json& resource, types::v1::PatientFacts* facts);
Status ConvertDevice(const Json& resource, types::v1::PatientFacts* facts);

// "<resourceType>/<id>", or "" when the resource has no id.
StatusOr<std::string> SourceRef(const Json& resource);

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_CONVERTERS_H_
