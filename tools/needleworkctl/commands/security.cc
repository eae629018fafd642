// token issue, tokens, token revoke, audit, audit verify.
#include "commands/security.h"

#include "commands/audit_file.h"
#include "commands/families.h"
#include "needlework/v1/admin.grpc.pb.h"
#include "session.h"
#include "setters.h"
#include "syntax.h"

namespace needlework::ctl {
namespace {

using Admin = v1::AdminService::Stub;
using Args = SecurityArgs;

constexpr Flag<Args> kClinic{"clinic", FlagKind::kValue, SetText<&Args::clinic_id>};

Status SetRole(std::string_view flag, const std::string& value, Args* args) {
  if (value != "emr" && value != "clinic_admin" && value != "admin") {
    return InvalidArgumentError(std::string(flag) + ": '" + value +
                                "' is not a role: want emr, clinic_admin or admin");
  }
  args->role = value;
  return OkStatus();
}

// "30d", "12h", "90m", "45s" or plain seconds.
Status SetExpiresIn(std::string_view flag, const std::string& value, Args* args) {
  static constexpr std::pair<char, int64_t> kUnits[] = {
      {'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
  int64_t unit = 1;
  std::string number = value;
  for (auto [suffix, seconds] : kUnits) {
    if (!number.empty() && number.back() == suffix) {
      unit = seconds;
      number.pop_back();
    }
  }
  auto parsed = ParseWholeNumber(number, 1, 1'000'000);
  if (!parsed.ok()) {
    return InvalidArgumentError(std::string(flag) + ": '" + value +
                                "' is not a duration: want e.g. 30d, 12h, 90m or 45s");
  }
  // The host accepts lifetimes up to 10 years (IssueToken's expires_in_seconds).
  constexpr int64_t kMaxSeconds = int64_t{10} * 365 * 86400;
  if (*parsed * unit > kMaxSeconds) {
    return InvalidArgumentError(std::string(flag) + ": '" + value +
                                "' is longer than 10 years (3650d), the longest lifetime the "
                                "host accepts");
  }
  args->expires_in_seconds = *parsed * unit;
  return OkStatus();
}

v1::QueryAuditRequest BuildQueryAudit(const Args& args) {
  v1::QueryAuditRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_rpc(args.rpc);
  request.set_token_id(args.token_id);
  request.set_object_ref(args.object_ref);
  if (!args.from_date.empty()) request.set_from(args.from_date + "T00:00:00Z");
  if (!args.to_date.empty()) request.set_to(args.to_date + "T00:00:00Z");
  request.set_limit(args.limit);
  return request;
}

int TokenIssue(const Args& args, Session& session) {
  v1::IssueTokenRequest request;
  request.set_role(args.role);
  request.set_clinic_id(args.clinic_id);
  request.set_label(args.label);
  request.set_expires_in_seconds(args.expires_in_seconds);
  return session.Invoke(&Admin::IssueToken, "IssueToken", request, RenderIssuedToken);
}

int Tokens(const Args& args, Session& session) {
  v1::ListTokensRequest request;
  request.set_clinic_id(args.clinic_id);
  request.set_include_revoked(args.include_revoked);
  return session.InvokeAll(&Admin::ListTokens, "ListTokens", request, RenderTokens);
}

int TokenRevoke(const Args& args, Session& session) {
  v1::RevokeTokenRequest request;
  request.set_token_id(args.token_id);
  return session.Invoke(&Admin::RevokeToken, "RevokeToken", request, RenderRevokedToken);
}

int Audit(const Args& args, Session& session) {
  return session.Invoke(&Admin::QueryAudit, "QueryAudit", BuildQueryAudit(args), RenderAudit);
}

// Exits kExitRpcError when the chain is broken, so scripts can act on it.
int AuditVerify(const Args& args, Session& session) {
  if (!args.db_file.empty()) return VerifyAuditFile(args.db_file, session);
  v1::VerifyAuditResponse verdict;
  if (!session.Call(&Admin::VerifyAudit, "VerifyAudit", v1::VerifyAuditRequest(), &verdict)) {
    return kExitRpcError;
  }
  session.Print(verdict, RenderAuditVerdict);
  return verdict.ok() ? kExitOk : kExitRpcError;
}

}  // namespace

std::vector<Command> SecurityCommands() {
  return {
      MakeCommand<Args>(
          {"token issue",
           "--role emr|clinic_admin|admin [--clinic C] [--expires-in 30d] [--label L]",
           "Issue a bearer token (shown once)",
           "Issues a token with the role: emr (clinical calls for one clinic), clinic_admin (that\n"
           "clinic's plugins, config, resources, emr tokens and audit) or admin (everything).\n"
           "emr and clinic_admin tokens need --clinic; admin tokens are host-wide. --expires-in\n"
           "takes 30d, 12h, 90m or 45s, at most 3650d; without it the token never expires. The\n"
           "secret is printed once: the host keeps only its SHA-256. An admin token issues any\n"
           "token; a clinic_admin token issues emr tokens of its own clinic."},
          {.flags = {{"role", FlagKind::kValue, SetRole},
                     kClinic,
                     {"expires-in", FlagKind::kValue, SetExpiresIn},
                     {"label", FlagKind::kValueOrEmpty, SetText<&Args::label>}},
           .required = {"role"}},
          TokenIssue),
      MakeCommand<Args>(
          {"tokens", "[--clinic C] [--include-revoked]", "List tokens (ids, never secrets)",
           "Every token but the revoked ones, or those of one clinic: id, role, clinic, label,\n"
           "state, created, expires. The state is live (it is accepted), expired (its expiry has\n"
           "passed: issue a new one) or revoked. --include-revoked lists revoked ones too. A\n"
           "clinic_admin token must name its clinic."},
          {.flags = {kClinic,
                     {"include-revoked", FlagKind::kSwitch, SetTrue<&Args::include_revoked>}}},
          Tokens),
      MakeCommand<Args>(
          {"token revoke", "<token-id>", "Revoke a token; it is refused from the next call on",
           "Revokes the token with the id (as `tokens` lists it). A clinic_admin token revokes\n"
           "only its own clinic's emr tokens."},
          {.positionals = {{"token-id", SetWord<&Args::token_id>, false}}}, TokenRevoke),
      MakeCommand<Args>(
          {"audit",
           "[--clinic C] [--rpc NAME] [--token-id ID] [--object REF] [--from DATE] [--to DATE] "
           "[--limit N]",
           "List audit records, oldest first",
           "Audit records: when, which token (its id), clinic, RPC, the patient or object\n"
           "reference, and the outcome (refused calls included). Filters narrow: --rpc takes a\n"
           "method name (Book) or a full one; --object matches a part of the reference (e.g.\n"
           "Patient/123); --from and --to are UTC dates (YYYY-MM-DD, --to exclusive). --limit\n"
           "(default 100) caps the page. A clinic_admin token must name its clinic."},
          {.flags = {kClinic,
                     {"rpc", FlagKind::kValue, SetText<&Args::rpc>},
                     {"token-id", FlagKind::kValue, SetText<&Args::token_id>},
                     {"object", FlagKind::kValue, SetText<&Args::object_ref>},
                     {"from", FlagKind::kValue, SetDate<&Args::from_date>},
                     {"to", FlagKind::kValue, SetDate<&Args::to_date>},
                     {"limit", FlagKind::kValue,
                      SetWholeNumber<&Args::limit, 1, kMaxDueMessages>}}},
          Audit),
      MakeCommand<Args>(
          {"audit verify", "[--db FILE]", "Check the audit log's hash chain",
           "Walks the audit log from its retention anchor (the last pruned record, if any) and\n"
           "checks each record's hash and its link to the one before. Exits 1 naming the first\n"
           "bad record when a row was changed, deleted or reordered. Prints the head seq and hash\n"
           "(keep them elsewhere to detect a rewrite of the whole log) and the anchor. Needs an\n"
           "admin token; with --db it needs no host: it reads the store file (needlework.db, or\n"
           "a copy) read-only, and exits 2 when the file cannot be read as a store."},
          {.flags = {{"db", FlagKind::kValue, SetText<&Args::db_file>}}}, AuditVerify),
  };
}

}  // namespace needlework::ctl
