// Turning a ScreenRequest's patient (typed facts or FHIR R4 JSON) into checked facts.
#ifndef NEEDLEWORK_HOST_SCREENING_PATIENT_INPUT_H_
#define NEEDLEWORK_HOST_SCREENING_PATIENT_INPUT_H_

#include "host/fhir/normalize.h"
#include "host/fhir/rxnorm_map.h"
#include "needlework/status.h"
#include "needlework/v1/common.pb.h"

namespace needlework::host {

// A request's patient, given either as typed facts or as FHIR R4 resources, with the
// concerns and areas that come with it.
struct PatientInput {
  const needlework::types::v1::PatientFacts* facts = nullptr;  // set when given as facts
  const needlework::v1::FhirResources* fhir = nullptr;         // set when given as FHIR
  const google::protobuf::RepeatedPtrField<needlework::types::v1::Coding>* concerns = nullptr;
  const google::protobuf::RepeatedPtrField<needlework::types::v1::Coding>* areas = nullptr;
};

// The view of any request with the `patient_input` oneof (ScreenRequest, ProposePlanRequest).
template <typename Request>
PatientInput PatientInputOf(const Request& request) {
  PatientInput input;
  if (request.has_facts()) input.facts = &request.facts();
  if (request.has_fhir()) input.fhir = &request.fhir();
  input.concerns = &request.concerns();
  input.areas = &request.treatment_areas();
  return input;
}

// The patient's facts with medication ingredients filled from `rxnorm`. INVALID_ARGUMENT,
// naming the field or FHIR resource, when the patient is missing or malformed, or when a
// concern or area lacks a system or code. For FHIR input, the resources of types screening
// does not read are counted into `*ignored` when it is not null (see fhir::NormalizeFhir).
StatusOr<needlework::types::v1::PatientFacts> PatientFromInput(
    const PatientInput& input, const fhir::RxNormIngredientMap& rxnorm,
    fhir::IgnoredCounts* ignored = nullptr);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_PATIENT_INPUT_H_
