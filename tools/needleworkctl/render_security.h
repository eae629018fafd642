// Plain-text output of the token and audit commands (--json prints the responses instead).
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_SECURITY_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_SECURITY_H_

#include <ostream>

#include "needlework/v1/admin.pb.h"

namespace needlework::ctl {

namespace v1 = needlework::v1;

void RenderIssuedToken(const v1::IssueTokenResponse& response, std::ostream& out);
void RenderTokens(const v1::ListTokensResponse& response, std::ostream& out);
void RenderRevokedToken(const v1::TokenInfo& token, std::ostream& out);
void RenderAudit(const v1::QueryAuditResponse& response, std::ostream& out);
void RenderAuditVerdict(const v1::VerifyAuditResponse& response, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_RENDER_SECURITY_H_
