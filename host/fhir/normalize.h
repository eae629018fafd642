// FHIR R4 JSON -> needlework.types.v1.PatientFacts: how the host turns a patient sent by the
// EMR as FHIR resources into the typed facts that plugins screen.
#ifndef NEEDLEWORK_HOST_FHIR_NORMALIZE_H_
#define NEEDLEWORK_HOST_FHIR_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "needlework/status.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::fhir {

// Bounds on one call's input; a request over any is refused with INVALID_ARGUMENT.
struct NormalizeOptions {
  // Resources in all, counting each Bundle entry (and each string) as one.
  size_t max_resources = 10'000;
  // Bytes of one input string, whether a single resource or a Bundle.
  size_t max_resource_bytes = 4 * 1024 * 1024;
  // Nesting of JSON arrays and objects in one input string. Real FHIR stays near 15 even
  // in a Bundle; 4 MiB of '[' would otherwise cost about 300 MB to parse.
  size_t max_depth = 64;
};

// Normalises one patient's FHIR R4 resources into facts.
//
// Each string is one resource as JSON, or a Bundle whose entries' `resource`s are taken
// (entries without a resource are skipped; Bundles do not nest; entries are numbered from 0
// in messages). Supported resource types:
// Patient, Condition, MedicationRequest, MedicationStatement, AllergyIntolerance and
// Observation; anything else is refused, so that nothing sent for screening is silently
// ignored. What is kept:
// - Patient: id -> patient_ref "Patient/<id>", birthDate, gender -> sex.
// - Condition: code, clinicalStatus, onsetDateTime (or onsetPeriod.start). Conditions whose
//   verificationStatus is entered-in-error or refuted are dropped.
// - MedicationRequest / MedicationStatement: medicationCodeableConcept, or a
//   medicationReference to a contained Medication; status (kept as given, including
//   entered-in-error, which the proto can carry). Ingredients are left empty: see
//   RxNormIngredientMap::FillIngredients.
// - AllergyIntolerance: code, clinicalStatus; entered-in-error or refuted ones are dropped.
// - Observation: code, valueQuantity (value, unit) or valueInteger, valueCodeableConcept,
//   effectiveDateTime (or effectiveInstant, effectivePeriod.start); entered-in-error and
//   cancelled ones are dropped. Other value[x] types are ignored.
// Codings lacking a system or a code are skipped; `text` is the CodeableConcept's text.
// `source_ref` is "<resourceType>/<id>". Unknown fields, meta, extensions are ignored.
//
// All resources must be about one patient: several Patient resources with different ids, or
// a subject (AllergyIntolerance: patient) reference to anyone else, are refused. Without a
// Patient resource, patient_ref is the first subject reference met.
//
// Returns the facts, or INVALID_ARGUMENT whose message names the offending resource, e.g.
// `resources[1] (Bundle entry 4, Condition/abc): clinicalStatus.coding[0].code "actve" is
// not a FHIR condition-clinical code (active, ...)`. Never throws.
StatusOr<types::v1::PatientFacts> NormalizeFhir(const std::vector<std::string>& resources_json,
                                                const NormalizeOptions& options = {});

}  // namespace needlework::fhir

#endif  // NEEDLEWORK_HOST_FHIR_NORMALIZE_H_
