// What an audit record says about a call, read from its messages by reflection.
#ifndef NEEDLEWORK_HOST_AUDIT_AUDIT_FIELDS_H_
#define NEEDLEWORK_HOST_AUDIT_AUDIT_FIELDS_H_

#include <google/protobuf/message.h>

#include <string>

namespace needlework::host {

// "patient_ref=Patient/1 plan_id=plan_x": the references (patient_ref, plan_id,
// appointment_id, plugin_id, resource_id, token_id, message_ids) found in `request`, then
// those only `response` has (nullptr: none), each key once, at most two levels deep.
// Never reads any other field, so a token secret in a response cannot reach the log.
std::string ObjectRefOf(const google::protobuf::Message& request,
                        const google::protobuf::Message* response);

// "OK", "PERMISSION_DENIED", ...: the gRPC name of a status code.
std::string CodeName(int code);

// The message as compact JSON (field names as in the proto); "null" when it cannot be.
std::string ToJson(const google::protobuf::Message& message);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AUDIT_AUDIT_FIELDS_H_
