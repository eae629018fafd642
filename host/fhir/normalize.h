// FHIR R4 JSON -> needlework.types.v1.PatientFacts: how the host turns a patient sent by the
// EMR as FHIR resources into the typed facts that plugins screen.
#ifndef NEEDLEWORK_HOST_FHIR_NORMALIZE_H_
#define NEEDLEWORK_HOST_FHIR_NORMALIZE_H_

#include <cstddef>
#include <map>
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

// resourceType -> how many resources of that type the input held that screening does not
// read; types in name order.
using IgnoredCounts = std::map<std::string, int>;

// Normalises one patient's FHIR R4 resources into facts.
//
// Each string is one resource as JSON, or a Bundle whose entries' `resource`s are taken
// (entries without a resource are skipped; Bundles do not nest; entries are numbered from 0
// in messages). Every FHIR R4 resource type is accepted. These are read:
// - Patient: id -> patient_ref "Patient/<id>", birthDate, gender -> sex.
// - Condition: code, clinicalStatus, onsetDateTime (or onsetPeriod.start),
//   abatementDateTime (or abatementPeriod.end, else its start). Conditions whose
//   verificationStatus is entered-in-error or refuted are dropped.
// - MedicationRequest / MedicationStatement: medicationCodeableConcept, or a
//   medicationReference to a contained Medication or to a Medication sent in the same
//   request ("Medication/<id>" or its Bundle fullUrl); a reference to anything else keeps
//   the medication uncoded, named by the reference's display; status (kept as given, including
//   entered-in-error, which the proto can carry); authoredOn (MedicationStatement:
//   dateAsserted); effective[x] (MedicationRequest: dispenseRequest.validityPeriod).
//   Ingredients are left empty: see RxNormIngredientMap::FillIngredients.
// - AllergyIntolerance: code, clinicalStatus; entered-in-error or refuted ones are dropped.
// - Observation: code, valueQuantity (value, unit) or valueInteger, valueCodeableConcept,
//   effectiveDateTime (or effectiveInstant, effectivePeriod.start; effective_end from
//   effectivePeriod.end); entered-in-error and cancelled ones are dropped. Other value[x]
//   types are ignored.
// - Procedure: code, status, performedDateTime or performedPeriod; entered-in-error ones
//   are dropped.
// - Device: type, status; entered-in-error ones are dropped.
// Any other type is skipped and counted in `*ignored` (when not null): e.g. Encounter,
// Immunization, Practitioner; Medication too, which is read only through a reference. A
// resourceType that is not a FHIR R4 type is refused. A dateTime is kept as given. Codings lacking
// a system or a code are skipped; `text` is the CodeableConcept's text. `source_ref` is
// "<resourceType>/<id>". Unknown fields, meta, extensions are ignored.
//
// All resources must be about one patient: several Patient resources with different ids, or
// a subject (AllergyIntolerance, Device: patient) reference to anyone else, are refused; so
// is a skipped resource whose `subject` or `patient` Reference names anyone else. Without a
// Patient resource, patient_ref is the first subject reference met.
//
// Returns the facts, or INVALID_ARGUMENT whose message names the offending resource, e.g.
// `resources[1] (Bundle entry 4, Condition/abc): clinicalStatus.coding[0].code "actve" is
// not a FHIR condition-clinical code (active, ...)`. Never throws. `*ignored` is
// unspecified on error.
StatusOr<types::v1::PatientFacts> NormalizeFhir(const std::vector<std::string>& resources_json,
                                                const NormalizeOptions& options = {},
                                                IgnoredCounts* ignored = nullptr);

}  // namespace needlework::fhir

#endif  // NEEDLEWORK_HOST_FHIR_NORMALIZE_H_
