// A CDS Hooks 2.0 service call's body ("HTTP Request"), parsed and checked.
#ifndef NEEDLEWORK_HOST_CDSHOOKS_HOOK_REQUEST_H_
#define NEEDLEWORK_HOST_CDSHOOKS_HOOK_REQUEST_H_

#include <nlohmann/json.hpp>
#include <string>

#include "host/cdshooks/discovery.h"
#include "needlework/status.h"

namespace needlework::host {

struct HookRequest {
  std::string hook;           // as the service serves it
  std::string hook_instance;  // the EMR's id of this call
  std::string fhir_server;    // "" when the EMR gives none
  std::string access_token;   // fhirAuthorization.access_token; "" when none
  std::string patient_id;     // context.patientId, a FHIR id
  std::string user_id;        // context.userId, e.g. "Practitioner/123"; may be empty
  nlohmann::json context;     // the whole context object
  nlohmann::json prefetch;    // an object (key -> resource, Bundle or null); {} when absent
};

// Parses `body` for `service`. INVALID_ARGUMENT naming the field: over 32 MiB or nested
// deeper than 64, not a JSON object, a hook
// other than the service's, hookInstance missing, context or context.patientId missing or
// not a FHIR id ([A-Za-z0-9.-], 1 to 64 characters), fhirServer not an https URL (http only
// for loopback), fhirAuthorization without access_token or with a token_type other than
// Bearer, prefetch not an object.
StatusOr<HookRequest> ParseHookRequest(const std::string& body, const CdsServiceInfo& service);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CDSHOOKS_HOOK_REQUEST_H_
