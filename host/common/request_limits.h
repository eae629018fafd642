// Bounds on the lists in one request: the one place they are set. A request whose list is
// longer is refused with INVALID_ARGUMENT before any work is done for it, so a caller cannot
// make the host walk, store or hand to plugins an unbounded list. (Bytes are bounded apart,
// by the config's max_message_bytes; FHIR text by fhir::NormalizeOptions.)
#ifndef NEEDLEWORK_HOST_COMMON_REQUEST_LIMITS_H_
#define NEEDLEWORK_HOST_COMMON_REQUEST_LIMITS_H_

#include <google/protobuf/message.h>

#include <string_view>

#include "needlework/status.h"

namespace needlework::host {

// A repeated field named `field` (in any message) holds at most `max_entries`.
struct ListLimit {
  std::string_view field;
  int max_entries;
};

// Patient facts and FHIR resources: as many as fhir::NormalizeOptions::max_resources.
inline constexpr int kMaxPatientFacts = 10'000;
// Every repeated field not in kListLimits.
inline constexpr int kDefaultMaxListEntries = 1'000;
inline constexpr ListLimit kListLimits[] = {
    {"conditions", kMaxPatientFacts},
    {"medications", kMaxPatientFacts},
    {"allergies", kMaxPatientFacts},
    {"observations", kMaxPatientFacts},
    {"procedures", kMaxPatientFacts},
    {"resources", kMaxPatientFacts},  // FhirResources.resources
    {"codes", 100},                   // codings of one condition, medication, ...
    {"ingredients", 100},
    {"concerns", 64},
    {"treatment_areas", 64},
    {"add_ons", 32},
    {"device_ids", 32},
    {"products", 64},
    {"message_ids", 1'000},
    {"spans", 7 * 48},  // opening hours: a span every half hour, every day
};

// The limit for a repeated field called `field`.
int MaxListEntries(std::string_view field);

// OK when every repeated field of `request`, at any depth, is within its limit; else
// INVALID_ARGUMENT naming the field's path, its size and the limit, e.g.
// "facts.conditions[3].codes has 101 entries; at most 100 are accepted in one request".
Status CheckListLimits(const google::protobuf::Message& request);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_REQUEST_LIMITS_H_
