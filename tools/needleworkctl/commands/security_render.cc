// How the answers of the token and audit commands read (security.h).
#include "commands/security.h"
#include "table.h"
#include "text.h"

namespace needlework::ctl {

void RenderIssuedToken(const v1::IssueTokenResponse& response, std::ostream& out) {
  const v1::TokenInfo& token = response.token();
  Table table;
  table.AddRow({"id", token.token_id()});
  table.AddRow({"role", token.role()});
  table.AddRow({"clinic", OrDash(token.clinic_id())});
  table.AddRow({"expires", token.expires_at().empty() ? "never" : token.expires_at()});
  table.AddRow({"token", response.secret()});
  table.Print(out);
  out << "The token is shown only this once; the host keeps only its hash.\n";
}

void RenderTokens(const v1::ListTokensResponse& response, std::ostream& out) {
  if (response.tokens().empty()) {
    out << "No tokens.\n";
    return;
  }
  Table table({"ID", "ROLE", "CLINIC", "LABEL", "STATE", "CREATED", "EXPIRES", "REVOKED"});
  for (const v1::TokenInfo& token : response.tokens()) {
    table.AddRow({token.token_id(), token.role(), OrDash(token.clinic_id()), OrDash(token.label()),
                  OrDash(token.state()), token.created_at(),
                  token.expires_at().empty() ? "never" : token.expires_at(),
                  OrDash(token.revoked_at())});
  }
  table.Print(out);
}

void RenderRevokedToken(const v1::TokenInfo& token, std::ostream& out) {
  out << "Revoked " << token.token_id() << " (" << token.role() << ") at " << token.revoked_at()
      << "\n";
}

void RenderAudit(const v1::QueryAuditResponse& response, std::ostream& out) {
  if (response.records().empty()) {
    out << "No audit records match.\n";
    return;
  }
  Table table({"SEQ", "AT", "TOKEN", "CLINIC", "RPC", "OBJECT", "OUTCOME"});
  for (const v1::AuditRecord& record : response.records()) {
    std::string rpc = record.rpc().substr(record.rpc().find_last_of('/') + 1);
    table.AddRow({std::to_string(record.seq()), record.at(), OrDash(record.token_id()),
                  OrDash(record.clinic_id()), rpc, OrDash(record.object_ref()), record.outcome()});
  }
  table.Print(out);
  if (!response.next_page_token().empty()) {
    out << "More records follow: narrow the filters or raise --limit.\n";
  }
}

void RenderAuditVerdict(const v1::VerifyAuditResponse& response, std::ostream& out) {
  if (response.ok()) {
    out << "Audit log intact: " << response.records() << " records, head seq "
        << response.head_seq() << " hash " << response.head_hash() << "\n";
    if (response.anchor_seq() == 0) {
      out << "Anchor: none (nothing pruned; the chain starts at seq 1)\n";
    } else {
      out << "Anchor: seq " << response.anchor_seq() << " hash " << response.anchor_hash()
          << " (records up to it were pruned by retention)\n";
    }
  } else {
    out << "Audit log TAMPERED: " << response.problem() << " (first bad record "
        << response.first_bad_seq() << ")\n";
  }
}

}  // namespace needlework::ctl
