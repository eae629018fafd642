// The Runner's token and audit commands.
#include "needlework/v1/admin.grpc.pb.h"
#include "render_security.h"
#include "runner.h"

namespace needlework::ctl {
namespace {

std::unique_ptr<v1::AdminService::Stub> Admin(const std::shared_ptr<grpc::Channel>& channel) {
  return v1::AdminService::NewStub(channel);
}

v1::QueryAuditRequest BuildQueryAudit(const Command& command) {
  v1::QueryAuditRequest request;
  request.set_clinic_id(command.clinic_id);
  request.set_rpc(command.rpc);
  request.set_token_id(command.token_id);
  request.set_object_ref(command.object_ref);
  if (!command.from_date.empty()) request.set_from(command.from_date + "T00:00:00Z");
  if (!command.to_date.empty()) request.set_to(command.to_date + "T00:00:00Z");
  request.set_limit(command.limit);
  return request;
}

}  // namespace

int Runner::TokenIssue() {
  v1::IssueTokenRequest request;
  request.set_role(command_.role);
  request.set_clinic_id(command_.clinic_id);
  request.set_label(command_.label);
  request.set_expires_in_seconds(command_.expires_in_seconds);
  return Invoke<v1::IssueTokenResponse>(
      "IssueToken",
      [&](auto* context, auto* response) {
        return Admin(channel_)->IssueToken(context, request, response);
      },
      RenderIssuedToken);
}

int Runner::Tokens() {
  v1::ListTokensRequest request;
  request.set_clinic_id(command_.clinic_id);
  request.set_include_revoked(command_.include_revoked);
  return Invoke<v1::ListTokensResponse>(
      "ListTokens",
      [&](auto* context, auto* response) {
        return Admin(channel_)->ListTokens(context, request, response);
      },
      RenderTokens);
}

int Runner::TokenRevoke() {
  v1::RevokeTokenRequest request;
  request.set_token_id(command_.token_id);
  return Invoke<v1::TokenInfo>(
      "RevokeToken",
      [&](auto* context, auto* response) {
        return Admin(channel_)->RevokeToken(context, request, response);
      },
      RenderRevokedToken);
}

int Runner::Audit() {
  return Invoke<v1::QueryAuditResponse>(
      "QueryAudit",
      [&](auto* context, auto* response) {
        return Admin(channel_)->QueryAudit(context, BuildQueryAudit(command_), response);
      },
      RenderAudit);
}

// Exits kExitRpcError when the chain is broken, so scripts can act on it.
int Runner::AuditVerify() {
  v1::VerifyAuditResponse verdict;
  int exit_code = Invoke<v1::VerifyAuditResponse>(
      "VerifyAudit",
      [&](auto* context, auto* response) {
        grpc::Status status =
            Admin(channel_)->VerifyAudit(context, v1::VerifyAuditRequest(), response);
        verdict = *response;
        return status;
      },
      RenderAuditVerdict);
  return exit_code == kExitOk && !verdict.ok() ? kExitRpcError : exit_code;
}

}  // namespace needlework::ctl
