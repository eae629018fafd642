// Resolving a MedicationRequest's or MedicationStatement's medicationReference to a Medication
// sent in the same request, as a FHIR server's Bundle (e.g. Patient/$everything) carries it.
// Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_MEDICATION_REFERENCES_H_
#define NEEDLEWORK_HOST_FHIR_MEDICATION_REFERENCES_H_

#include <vector>

#include "host/fhir/bundle_input.h"

namespace needlework::fhir::internal {

// For each MedicationRequest and MedicationStatement of `resources` whose
// medicationReference.reference names a Medication of `resources` ("Medication/<id>", or the
// Bundle entry's fullUrl): copies that Medication into the resource's `contained` (id
// "nw-referenced-medication") and points the reference at it ("#nw-referenced-medication"),
// so that the converter reads it as a contained Medication. Leaves every other resource, and
// any shape it does not expect (a `contained` that is not an array), as it is. Never throws.
void InlineMedicationReferences(std::vector<InputResource>* resources);

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_MEDICATION_REFERENCES_H_
