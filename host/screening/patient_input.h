// Turning a ScreenRequest's patient (typed facts or FHIR R4 JSON) into checked facts.
#ifndef NEEDLEWORK_HOST_SCREENING_PATIENT_INPUT_H_
#define NEEDLEWORK_HOST_SCREENING_PATIENT_INPUT_H_

#include "host/fhir/rxnorm_map.h"
#include "needlework/status.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::host {

// The patient's facts with medication ingredients filled from `rxnorm`. INVALID_ARGUMENT,
// naming the field or FHIR resource, when the patient is missing or malformed, or when a
// concern or area lacks a system or code.
StatusOr<needlework::types::v1::PatientFacts> PatientFromRequest(
    const needlework::v1::ScreenRequest& request, const fhir::RxNormIngredientMap& rxnorm);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_PATIENT_INPUT_H_
