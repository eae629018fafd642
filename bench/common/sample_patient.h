// The patients the benchmarks screen: one typical set of typed facts, and one FHIR R4
// Bundle from examples/patients. Shared by the load scenarios and the microbenchmarks so
// their figures describe the same work.
#ifndef NEEDLEWORK_BENCH_COMMON_SAMPLE_PATIENT_H_
#define NEEDLEWORK_BENCH_COMMON_SAMPLE_PATIENT_H_

#include <string>

#include "needlework/plugin/v1/screen.pb.h"
#include "needlework/v1/screening.pb.h"

namespace needlework::bench {

// Two conditions (one resolved), two medications (one a blood thinner, by ingredient), one
// allergy, one observation, asking for acne scars on the face: two findings.
needlework::types::v1::PatientFacts TypicalFacts();

// The EMR's ScreenRequest with TypicalFacts.
needlework::v1::ScreenRequest TypicalFactsRequest();
// The EMR's ScreenRequest with `bundle_json` as its one FHIR resource.
needlework::v1::ScreenRequest FhirRequest(const std::string& bundle_json);
// What the host hands a screening plugin for TypicalFactsRequest.
needlework::plugin::v1::ScreenRequest TypicalPluginRequest();

// The text of <source_dir>/examples/patients/active-acne.json; empty when unreadable.
std::string ExampleBundle(const std::string& source_dir);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_COMMON_SAMPLE_PATIENT_H_
