// TokenAuthority::Authorize: the rpc_policy table, enforced.
#include <google/protobuf/descriptor.h>

#include <vector>

#include "host/auth/token_authority.h"

namespace needlework::host {
namespace {

std::string_view ValueOf(const ClientMetadata& metadata, std::string_view key) {
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return {};
  return std::string_view(it->second.data(), it->second.size());
}

std::string_view MethodOf(const ClientMetadata& metadata) {
  return ValueOf(metadata, kMethodMetadataKey);
}

Status Denied(const Caller& caller, std::string_view method, const std::string& why) {
  return PermissionDeniedError("token " + caller.token_id + " (role '" +
                               std::string(RoleName(caller.role)) + "') may not call " +
                               std::string(method) + ": " + why);
}

// "an admin token, or a clinic_admin token of the clinic the request names": the tokens
// `policy` lets call, as a person asking for one would put it.
std::string TokensAllowed(const RpcPolicy& policy) {
  bool admin = (policy.roles & RoleBit(Role::kAdmin)) != 0;
  bool clinic_admin = (policy.roles & RoleBit(Role::kClinicAdmin)) != 0;
  std::vector<std::string> allowed;
  if ((policy.roles & RoleBit(Role::kEmr)) != 0) allowed.push_back("a clinic's emr token");
  if (admin) allowed.push_back("an admin token");
  if (clinic_admin) {
    allowed.push_back(policy.scope == ClinicScope::kRequest
                          ? "a clinic_admin token of the clinic the request names"
                          : "a clinic_admin token");
  }
  std::string text;
  for (size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) text += i + 1 == allowed.size() ? ", or " : ", ";
    text += allowed[i];
  }
  return text;
}

// A clinic_admin may only name its own clinic; admin any.
Status CheckRequestClinic(const Caller& caller, const RpcPolicy& policy,
                          const google::protobuf::Message* request) {
  if (caller.role != Role::kClinicAdmin) return OkStatus();
  if (request == nullptr) return Denied(caller, policy.method, "the request was not checked");
  std::string named = FieldAtPath(*request, policy.clinic_field);
  if (named == caller.clinic_id) return OkStatus();
  return Denied(caller, policy.method,
                "the token is for clinic '" + caller.clinic_id + "' and the request names '" +
                    named + "'; it takes a clinic_admin token of '" + named +
                    "', or an admin token");
}

}  // namespace

std::string_view CalledMethod(const grpc::ServerContextBase& context) {
  return MethodOf(context.client_metadata());
}

StatusOr<Caller> TokenAuthority::Authorize(const grpc::ServerContextBase& context,
                                           const google::protobuf::Message* request) const {
  const ClientMetadata& metadata = context.client_metadata();
  std::string_view limited = ValueOf(metadata, kLimitedMetadataKey);
  if (!limited.empty()) return Status(StatusCode::kResourceExhausted, std::string(limited));
  NW_ASSIGN_OR_RETURN(Caller caller, Authenticate(metadata));
  std::string_view method = CalledMethod(context);
  const RpcPolicy* policy = FindRpcPolicy(method);
  if (policy == nullptr) return Denied(caller, method, "the method has no authorization policy");
  if ((policy->roles & RoleBit(caller.role)) == 0) {
    return Denied(caller, method, "it takes " + TokensAllowed(*policy));
  }
  if (policy->scope == ClinicScope::kRequest) {
    NW_RETURN_IF_ERROR(CheckRequestClinic(caller, *policy, request));
  }
  return caller;
}

std::string FieldAtPath(const google::protobuf::Message& message, std::string_view path) {
  const google::protobuf::Message* current = &message;
  while (!path.empty()) {
    size_t dot = path.find('.');
    std::string name(path.substr(0, dot));
    const auto* field = current->GetDescriptor()->FindFieldByName(name);
    if (field == nullptr || field->is_repeated()) return "";
    const auto* reflection = current->GetReflection();
    if (dot == std::string_view::npos) {
      if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_STRING) return "";
      return reflection->GetString(*current, field);
    }
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) return "";
    current = &reflection->GetMessage(*current, field);
    path.remove_prefix(dot + 1);
  }
  return "";
}

}  // namespace needlework::host
