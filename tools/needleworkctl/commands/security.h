// The token and audit commands of AdminService: token issue, tokens, token revoke, audit,
// audit verify. Their arguments and how the answers read (--json prints the responses
// instead); the commands themselves are in security.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SECURITY_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SECURITY_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "needlework/v1/admin.pb.h"

namespace needlework::ctl {

struct SecurityArgs {
  std::string role;                // token issue --role
  std::string clinic_id;           // --clinic
  std::string label;               // token issue --label
  int64_t expires_in_seconds = 0;  // token issue --expires-in; 0: never
  std::string token_id;            // token revoke <token-id>, audit --token-id
  bool include_revoked = false;    // tokens --include-revoked
  std::string rpc;                 // audit --rpc
  std::string object_ref;          // audit --object
  std::string from_date;           // audit --from, YYYY-MM-DD
  std::string to_date;             // audit --to, YYYY-MM-DD
  int32_t limit = 0;               // audit --limit; 0: the host's default
  std::string db_file;             // audit verify --db: a store file checked offline
};

void RenderIssuedToken(const v1::IssueTokenResponse& response, std::ostream& out);
void RenderTokens(const v1::ListTokensResponse& response, std::ostream& out);
void RenderRevokedToken(const v1::TokenInfo& token, std::ostream& out);
void RenderAudit(const v1::QueryAuditResponse& response, std::ostream& out);
void RenderAuditVerdict(const v1::VerifyAuditResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_SECURITY_H_
