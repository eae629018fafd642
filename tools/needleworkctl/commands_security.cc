// The command table's AdminService part for tokens and the audit log.
#include "command_groups.h"

namespace needlework::ctl {
namespace {

Status SetTokenId(const std::string& word, Command* command) {
  command->token_id = word;
  return OkStatus();
}

constexpr Positional kTokenId{"token-id", SetTokenId, false};

}  // namespace

std::vector<CommandInfo> SecurityCommands() {
  return {
      {CommandKind::kTokenIssue,
       "token issue",
       "--role emr|clinic_admin|admin [--clinic C] [--expires-in 30d] [--label L]",
       "Issue a bearer token (shown once)",
       "Issues a token with the role: emr (clinical calls for one clinic), clinic_admin (that\n"
       "clinic's plugins, config, resources, emr tokens and audit) or admin (everything).\n"
       "emr and clinic_admin tokens need --clinic; admin tokens are host-wide. --expires-in\n"
       "takes 30d, 12h, 90m or 45s; without it the token never expires. The secret is printed\n"
       "once: the host keeps only its SHA-256. An admin token issues any token; a\n"
       "clinic_admin token issues emr tokens of its own clinic.",
       {},
       {"role", "clinic", "expires-in", "label"},
       {"role"},
       nullptr},
      {CommandKind::kTokens,
       "tokens",
       "[--clinic C] [--include-revoked]",
       "List tokens (ids, never secrets)",
       "Every live token, or those of one clinic: id, role, clinic, label, created, expires.\n"
       "--include-revoked lists revoked ones too. A clinic_admin token must name its clinic.",
       {},
       {"clinic", "include-revoked"},
       {},
       nullptr},
      {CommandKind::kTokenRevoke,
       "token revoke",
       "<token-id>",
       "Revoke a token; it is refused from the next call on",
       "Revokes the token with the id (as `tokens` lists it). A clinic_admin token revokes\n"
       "only its own clinic's emr tokens.",
       {kTokenId},
       {},
       {},
       nullptr},
      {CommandKind::kAudit,
       "audit",
       "[--clinic C] [--rpc NAME] [--token-id ID] [--object REF] [--from DATE] [--to DATE] "
       "[--limit N]",
       "List audit records, oldest first",
       "Audit records: when, which token (its id), clinic, RPC, the patient or object\n"
       "reference, and the outcome (refused calls included). Filters narrow: --rpc takes a\n"
       "method name (Book) or a full one; --object matches a part of the reference (e.g.\n"
       "Patient/123); --from and --to are UTC dates (YYYY-MM-DD, --to exclusive). --limit\n"
       "(default 100) caps the page. A clinic_admin token must name its clinic.",
       {},
       {"clinic", "rpc", "token-id", "object", "from", "to", "limit"},
       {},
       nullptr},
      {CommandKind::kAuditVerify,
       "audit verify",
       "",
       "Check the audit log's hash chain",
       "Walks the whole audit log and checks each record's hash and its link to the one\n"
       "before. Exits 1 naming the first bad record when a row was changed, deleted or\n"
       "reordered. Prints the head hash: keep it elsewhere to detect a rewrite of the whole\n"
       "log. Needs an admin token.",
       {},
       {},
       {},
       nullptr},
  };
}

}  // namespace needlework::ctl
