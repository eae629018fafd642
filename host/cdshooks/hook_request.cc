#include "host/cdshooks/hook_request.h"

#include "host/common/json_limits.h"
#include "host/http/http_client.h"

namespace needlework::host {
namespace {

using Json = nlohmann::json;

// A chart's prefetch fits (FHIR nests about 15 deep, even in a Bundle).
constexpr JsonLimits kHookRequestLimits = {32 * 1024 * 1024, 64};

// The string at `key` of `object`; INVALID_ARGUMENT naming `field` when it is missing (and
// `required`) or not a string.
StatusOr<std::string> StringField(const Json& object, const char* key, const std::string& field,
                                  bool required) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) {
    if (!required) return std::string();
    return InvalidArgumentError(field + " is required");
  }
  if (!it->is_string()) return InvalidArgumentError(field + " must be a string");
  return it->get<std::string>();
}

bool IsFhirId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  }
  return true;
}

Status ReadAuthorization(const Json& body, HookRequest& request) {
  auto it = body.find("fhirAuthorization");
  if (it == body.end() || it->is_null()) return OkStatus();
  if (!it->is_object()) return InvalidArgumentError("fhirAuthorization must be an object");
  NW_ASSIGN_OR_RETURN(request.access_token,
                      StringField(*it, "access_token", "fhirAuthorization.access_token", true));
  NW_ASSIGN_OR_RETURN(std::string type,
                      StringField(*it, "token_type", "fhirAuthorization.token_type", true));
  if (type != "Bearer") {
    return InvalidArgumentError("fhirAuthorization.token_type must be \"Bearer\", not \"" + type +
                                "\"");
  }
  return OkStatus();
}

Status ReadContext(const Json& body, HookRequest& request) {
  auto it = body.find("context");
  if (it == body.end() || !it->is_object()) {
    return InvalidArgumentError("context is required: an object with patientId");
  }
  request.context = *it;
  NW_ASSIGN_OR_RETURN(request.patient_id, StringField(*it, "patientId", "context.patientId", true));
  if (!IsFhirId(request.patient_id)) {
    return InvalidArgumentError("context.patientId \"" + request.patient_id +
                                "\" is not a FHIR id (letters, digits, '-' and '.', at most 64)");
  }
  NW_ASSIGN_OR_RETURN(request.user_id, StringField(*it, "userId", "context.userId", false));
  return OkStatus();
}

Status ReadServer(const Json& body, HookRequest& request) {
  NW_ASSIGN_OR_RETURN(request.fhir_server, StringField(body, "fhirServer", "fhirServer", false));
  while (!request.fhir_server.empty() && request.fhir_server.back() == '/') {
    request.fhir_server.pop_back();
  }
  if (!request.fhir_server.empty() && !UrlAllowed(request.fhir_server)) {
    return InvalidArgumentError("fhirServer \"" + request.fhir_server +
                                "\" is not an https URL (http is allowed only for loopback)");
  }
  return ReadAuthorization(body, request);
}

}  // namespace

StatusOr<HookRequest> ParseHookRequest(const std::string& body_text,
                                       const CdsServiceInfo& service) {
  NW_RETURN_IF_ERROR(CheckJsonLimits(body_text, "the CDS Hooks request", kHookRequestLimits));
  Json body = Json::parse(body_text, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return InvalidArgumentError("the request body is not a JSON object");
  HookRequest request;
  NW_ASSIGN_OR_RETURN(request.hook, StringField(body, "hook", "hook", true));
  if (request.hook != service.hook) {
    return InvalidArgumentError("hook \"" + request.hook + "\" is not served by " + service.id +
                                ", which serves \"" + service.hook + "\"");
  }
  NW_ASSIGN_OR_RETURN(request.hook_instance,
                      StringField(body, "hookInstance", "hookInstance", true));
  NW_RETURN_IF_ERROR(ReadServer(body, request));
  NW_RETURN_IF_ERROR(ReadContext(body, request));
  request.prefetch = Json::object();
  if (auto it = body.find("prefetch"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) return InvalidArgumentError("prefetch must be an object");
    request.prefetch = *it;
  }
  return request;
}

}  // namespace needlework::host
