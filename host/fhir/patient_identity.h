// Which patient one request's resources are about, so that a chart never mixes two patients.
// Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_PATIENT_IDENTITY_H_
#define NEEDLEWORK_HOST_FHIR_PATIENT_IDENTITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "host/fhir/bundle_input.h"

namespace needlework::fhir::internal {

// "Patient/<id>" for a Patient reference, relative or absolute ("https://emr/fhir/Patient/7",
// ".../Patient/7/_history/2"); any other reference (e.g. "urn:uuid:...") unchanged.
std::string NormalizePatientReference(std::string_view reference);

// Feed it every Patient resource first (AddPatient), then every other resource
// (CheckSubject). Not thread-safe; one per request.
class PatientIdentity {
 public:
  // Takes the identity of a Patient resource; INVALID_ARGUMENT when an earlier Patient
  // resource had another id.
  Status AddPatient(const InputResource& patient);
  // Checks the subject (AllergyIntolerance, Device: patient) reference of a non-Patient
  // resource that normalisation reads. With no Patient resource seen, the first reference
  // met names the patient. A resource without one passes. INVALID_ARGUMENT when it names
  // anyone else, or when the field is not a Reference.
  Status CheckSubject(const InputResource& resource);
  // The same for a resource of a type normalisation skips: its `subject` and `patient`,
  // each checked when it is a single Reference (in some types these are arrays or other
  // shapes, which are left alone).
  Status CheckSkippedSubject(const InputResource& resource);
  // "Patient/<id>", or the first subject reference when no Patient resource had an id; may
  // be empty.
  const std::string& patient_ref() const { return patient_ref_; }

 private:
  // Checks one patient reference found in `field` of `resource`; "" passes.
  Status CheckReference(const InputResource& resource, std::string_view field,
                        const std::string& reference);

  std::string patient_ref_;
  std::string patient_where_;         // the resource that named the patient, for messages
  std::vector<std::string> aliases_;  // Bundle fullUrls of Patient resources
};

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_PATIENT_IDENTITY_H_
