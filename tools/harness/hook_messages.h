// The request and response messages of a hook, found by its name in the generated pool, and
// requests written as proto3 JSON or, for a patient, as FHIR R4.
#ifndef NEEDLEWORK_TOOLS_HARNESS_HOOK_MESSAGES_H_
#define NEEDLEWORK_TOOLS_HARNESS_HOOK_MESSAGES_H_

#include <google/protobuf/message.h>

#include <memory>
#include <string>

#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/status.h"

namespace needlework::harness {

struct HookMessages {
  needlework::plugin::v1::Hook hook;
  const google::protobuf::Message* request;   // default instance of <Hook>Request
  const google::protobuf::Message* response;  // default instance of <Hook>Response
};

// The hook named `name` as the config spells it ("screen", "check_booking", ...).
// INVALID_ARGUMENT listing the hooks when there is none of that name.
StatusOr<HookMessages> FindHookMessages(const std::string& name);

// The request for `hook`: `request_json` (proto3 JSON; empty: an empty request) with, when
// `fhir_json` is not empty, the patient read from it as the host reads an EMR's FHIR R4
// (a Bundle or one resource; host/fhir/normalize.h, RxNorm ingredients filled in).
// INVALID_ARGUMENT naming what cannot be read, or a hook whose request has no patient.
StatusOr<std::unique_ptr<google::protobuf::Message>> BuildRequest(const HookMessages& hook,
                                                                  const std::string& request_json,
                                                                  const std::string& fhir_json);

// The serialized answer `bytes` as indented proto3 JSON; INTERNAL when it is no <Hook>Response.
StatusOr<std::string> AnswerAsJson(const HookMessages& hook, const std::string& bytes);

}  // namespace needlework::harness

#endif  // NEEDLEWORK_TOOLS_HARNESS_HOOK_MESSAGES_H_
