// Code system URIs used across Needlework. Match concepts on system + code, never display.
#ifndef NEEDLEWORK_CODE_SYSTEMS_H_
#define NEEDLEWORK_CODE_SYSTEMS_H_

#include <string_view>

namespace needlework::code_systems {

inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
inline constexpr std::string_view kLoinc = "http://loinc.org";

// Needlework's local code systems: no SNOMED or CPT code exists for these concepts.
// What the patient wants treated: fine-lines, acne-scars, surgical-scars, keloid-scars,
// uneven-texture, uneven-tone, enlarged-pores, stretch-marks, sun-damage,
// hyperpigmentation, melasma, skin-laxity.
inline constexpr std::string_view kConcern = "https://needlework.dev/fhir/CodeSystem/concern";
// Where: face, periorbital, perioral, jawline, forehead, cheeks, neck, decolletage, hands,
// abdomen, thighs, arms, back, buttocks.
inline constexpr std::string_view kTreatmentArea =
    "https://needlework.dev/fhir/CodeSystem/treatment-area";
// Clinic-recorded observations, e.g. skin-laxity-grade (0 none, 1 mild, 2 moderate,
// 3 severe), fitzpatrick-skin-type (1 to 6).
inline constexpr std::string_view kObservation =
    "https://needlework.dev/fhir/CodeSystem/observation";
// Procedures and therapies the clinic offers, e.g. microneedling.
inline constexpr std::string_view kProcedure = "https://needlework.dev/fhir/CodeSystem/procedure";
// Codes of screening rules (findings), e.g. active-acne.
inline constexpr std::string_view kScreeningRule =
    "https://needlework.dev/fhir/CodeSystem/screening-rule";

// Symptoms a patient reports after a session: redness, swelling, dryness, discolouration,
// peeling, flaking, tingling, tightness, itching, pain, bruising, pus, fever, warmth,
// spreading-redness, hives, blistering, facial-swelling, breathing-difficulty.
inline constexpr std::string_view kSymptom = "https://needlework.dev/fhir/CodeSystem/symptom";

}  // namespace needlework::code_systems

#endif  // NEEDLEWORK_CODE_SYSTEMS_H_
