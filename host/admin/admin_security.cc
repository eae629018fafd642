// AdminService: tokens (issue, list, revoke) and the audit log (query, verify).
#include <cstdio>
#include <string>

#include "host/admin/admin_service.h"
#include "host/common/call_audit_scope.h"
#include "host/common/paging.h"
#include "host/common/time_util.h"
#include "host/slots/clinic_time.h"
#include "host/storage/audit_verdict_proto.h"
#include "host/storage/call_audit.h"

namespace needlework::host {
namespace {

namespace v1 = needlework::v1;

constexpr int kDefaultAuditPage = 100;
constexpr int kMaxAuditPage = 1000;
// A token's lifetime, when it has one: 1 second to 10 years (of 365 days).
constexpr int64_t kMaxTokenLifetimeSeconds = int64_t{10} * 365 * 24 * 60 * 60;

std::string TimeOrEmpty(int64_t unix_seconds) {
  return unix_seconds == 0 ? "" : FormatRfc3339Utc(unix_seconds);
}

// "live", "expired" or "revoked" at `now` (Unix seconds), as Authenticate decides.
const char* TokenState(const TokenRecord& token, int64_t now) {
  if (token.revoked_at != 0) return "revoked";
  if (token.expires_at != 0 && now >= token.expires_at) return "expired";
  return "live";
}

v1::TokenInfo ToTokenInfo(const TokenRecord& token) {
  v1::TokenInfo info;
  info.set_token_id(token.token_id);
  info.set_role(token.role);
  info.set_clinic_id(token.clinic_id);
  info.set_label(token.label);
  info.set_created_at(FormatRfc3339Utc(token.created_at));
  info.set_expires_at(TimeOrEmpty(token.expires_at));
  info.set_revoked_at(TimeOrEmpty(token.revoked_at));
  info.set_state(TokenState(token, NowUnixMicros() / 1000000));
  return info;
}

// "2026-11-22T02:40:00.123456Z"
std::string FormatMicros(int64_t unix_micros) {
  std::string text = FormatRfc3339Utc(unix_micros / 1000000);
  char fraction[16];
  std::snprintf(fraction, sizeof(fraction), ".%06lld",
                static_cast<long long>(unix_micros % 1000000));
  return text.substr(0, text.size() - 1) + fraction + "Z";
}

v1::AuditRecord ToApiRecord(const AuditRecord& record) {
  v1::AuditRecord out;
  out.set_seq(record.seq);
  out.set_at(FormatMicros(record.at));
  out.set_token_id(record.token_id);
  out.set_role(record.role);
  out.set_clinic_id(record.clinic_id);
  out.set_rpc(record.rpc);
  out.set_object_ref(record.object_ref);
  out.set_outcome(record.outcome);
  out.set_detail_json(record.detail);
  out.set_prev_hash(record.prev_hash);
  out.set_hash(record.hash);
  return out;
}

// Who may be issued what: admin tokens are host-wide, the others belong to an existing
// clinic, and a clinic_admin issues only emr tokens.
Status CheckIssue(const Caller& caller, Role role, const v1::IssueTokenRequest& request) {
  int64_t expires_in = request.expires_in_seconds();
  if (expires_in < 0 || expires_in > kMaxTokenLifetimeSeconds) {
    return InvalidArgumentError("expires_in_seconds is " + std::to_string(expires_in) +
                                "; it must be 0 (never expires) or from 1 to " +
                                std::to_string(kMaxTokenLifetimeSeconds) + " (10 years)");
  }
  if (caller.role == Role::kClinicAdmin && role != Role::kEmr) {
    return PermissionDeniedError("a clinic_admin token may issue only emr tokens");
  }
  if (role == Role::kAdmin && !request.clinic_id().empty()) {
    return InvalidArgumentError("admin tokens are host-wide: leave clinic_id empty");
  }
  if (role != Role::kAdmin && request.clinic_id().empty()) {
    return InvalidArgumentError("clinic_id is required for a " + std::string(RoleName(role)) +
                                " token");
  }
  return OkStatus();
}

StatusOr<int64_t> MicrosOrZero(const std::string& text, const char* field) {
  if (text.empty()) return 0;
  auto seconds = slots::ParseRfc3339(text);
  if (!seconds.ok())
    return InvalidArgumentError(std::string(field) + ": " +
                                std::string(seconds.status().message()));
  return *seconds * 1000000;
}

StatusOr<AuditFilter> ToFilter(const v1::QueryAuditRequest& request) {
  AuditFilter filter{request.clinic_id(), request.rpc(), request.token_id(), request.object_ref()};
  NW_ASSIGN_OR_RETURN(filter.from, MicrosOrZero(request.from(), "from"));
  NW_ASSIGN_OR_RETURN(filter.to, MicrosOrZero(request.to(), "to"));
  if (request.limit() < 0 || request.limit() > kMaxAuditPage) {
    return InvalidArgumentError("limit must be between 1 and 1000 (0: 100)");
  }
  filter.limit = request.limit() == 0 ? kDefaultAuditPage : request.limit();
  if (!request.page_token().empty()) {
    char* end = nullptr;
    filter.after_seq = std::strtoll(request.page_token().c_str(), &end, 10);
    if (*end != '\0' || filter.after_seq < 0) {
      return InvalidArgumentError("page_token is not one this host returned");
    }
  }
  return filter;
}

}  // namespace

grpc::ServerUnaryReactor* AdminServiceImpl::IssueToken(Ctx* context,
                                                       const v1::IssueTokenRequest* request,
                                                       v1::IssueTokenResponse* response) {
  return AsAdmin(context, request, [&](const Caller& caller) -> Status {
    NW_ASSIGN_OR_RETURN(Role role, ParseRole(request->role()));
    NW_RETURN_IF_ERROR(CheckIssue(caller, role, *request));
    if (!request->clinic_id().empty()) {
      NW_RETURN_IF_ERROR(store_.GetClinic(request->clinic_id()).status());
    }
    // CheckIssue bounds expires_in_seconds to 10 years, so the sum cannot overflow.
    int64_t expires_at = request->expires_in_seconds() == 0
                             ? 0
                             : NowUnixMicros() / 1000000 + request->expires_in_seconds();
    NW_ASSIGN_OR_RETURN(auto issued,
                        tokens_.Issue(role, request->clinic_id(), request->label(), expires_at));
    LogEvent(Level::kInfo, "token_issued",
             {{"token", issued.record.token_id},
              {"role", issued.record.role},
              {"clinic", issued.record.clinic_id},
              {"by", caller.token_id}});
    *response->mutable_token() = ToTokenInfo(issued.record);
    response->set_secret(issued.secret);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::ListTokens(Ctx* context,
                                                       const v1::ListTokensRequest* request,
                                                       v1::ListTokensResponse* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_ASSIGN_OR_RETURN(auto tokens, store_.ListTokens());
    for (const auto& token : tokens) {
      if (!request->clinic_id().empty() && token.clinic_id != request->clinic_id()) continue;
      if (token.revoked_at != 0 && !request->include_revoked()) continue;
      *response->add_tokens() = ToTokenInfo(token);
    }
    return PageInMemory(
        *request, "", response->mutable_tokens(), response,
        [](const v1::TokenInfo& token) { return token.created_at() + "/" + token.token_id(); });
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::RevokeToken(Ctx* context,
                                                        const v1::RevokeTokenRequest* request,
                                                        v1::TokenInfo* response) {
  return AsAdmin(context, request, [&](const Caller& caller) -> Status {
    if (request->token_id().empty()) return InvalidArgumentError("token_id is required");
    NW_ASSIGN_OR_RETURN(auto tokens, store_.ListTokens());
    auto it = std::find_if(tokens.begin(), tokens.end(),
                           [&](const TokenRecord& t) { return t.token_id == request->token_id(); });
    if (it == tokens.end()) return NotFoundError("no token '" + request->token_id() + "'");
    if (caller.role == Role::kClinicAdmin &&
        (it->role != RoleName(Role::kEmr) || it->clinic_id != caller.clinic_id)) {
      return PermissionDeniedError(
          "a clinic_admin token may revoke only its own clinic's emr "
          "tokens");
    }
    // The host-wide call is recorded under the revoked token's clinic, so that clinic's
    // audit shows it.
    if (CallAudit* audit = CurrentCallAudit()) audit->NoteClinic(it->clinic_id);
    NW_ASSIGN_OR_RETURN(TokenRecord revoked, tokens_.Revoke(request->token_id()));
    LogEvent(Level::kInfo, "token_revoked", {{"token", revoked.token_id}, {"by", caller.token_id}});
    *response = ToTokenInfo(revoked);
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::QueryAudit(Ctx* context,
                                                       const v1::QueryAuditRequest* request,
                                                       v1::QueryAuditResponse* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_ASSIGN_OR_RETURN(AuditFilter filter, ToFilter(*request));
    NW_ASSIGN_OR_RETURN(auto records, store_.QueryAudit(filter));
    for (const auto& record : records) *response->add_records() = ToApiRecord(record);
    if (static_cast<int>(records.size()) == filter.limit) {
      response->set_next_page_token(std::to_string(records.back().seq));
    }
    return OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminServiceImpl::VerifyAudit(Ctx* context,
                                                        const v1::VerifyAuditRequest* request,
                                                        v1::VerifyAuditResponse* response) {
  return AsAdmin(context, request, [&]() -> Status {
    NW_ASSIGN_OR_RETURN(AuditVerdict verdict, store_.VerifyAudit());
    *response = ToApiVerdict(verdict);
    return OkStatus();
  });
}

}  // namespace needlework::host
