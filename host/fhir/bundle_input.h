// The first step of normalisation: parse each input string, check its bounds, and flatten
// Bundles into one list of resources, each labelled for error messages. Internal to host/fhir.
#ifndef NEEDLEWORK_HOST_FHIR_BUNDLE_INPUT_H_
#define NEEDLEWORK_HOST_FHIR_BUNDLE_INPUT_H_

#include <string>
#include <vector>

#include "host/fhir/json_fields.h"
#include "host/fhir/normalize.h"

namespace needlework::fhir::internal {

struct InputResource {
  Json json;             // a JSON object with a non-empty string resourceType
  std::string type;      // that resourceType
  std::string where;     // e.g. "resources[1] (Bundle entry 4, Condition/abc)"
  std::string full_url;  // the Bundle entry's fullUrl; "" outside a Bundle
};

// The resources of `resources_json`, in order, Bundles replaced by their entries' resources.
// INVALID_ARGUMENT for text that is not JSON, a value that is not a resource, a nested
// Bundle, or input over the bounds of `options` (count, bytes, nesting depth).
StatusOr<std::vector<InputResource>> ReadInput(const std::vector<std::string>& resources_json,
                                               const NormalizeOptions& options);

}  // namespace needlework::fhir::internal

#endif  // NEEDLEWORK_HOST_FHIR_BUNDLE_INPUT_H_
