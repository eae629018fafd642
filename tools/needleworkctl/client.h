// The gRPC side of needleworkctl: the channel, per-call context, and how a failed call reads.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CLIENT_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <string_view>

#include "options.h"

namespace needlework::ctl {

// The channel to `options.address` (HOST:PORT, unix:/PATH or any gRPC target). The one place
// channel credentials are chosen: TLS when options.tls is enabled (its files loaded by
// LoadTlsFiles), else insecure.
std::shared_ptr<grpc::Channel> CreateChannel(const GlobalOptions& options);

// True for a target that stays on this machine: a unix socket or a loopback host.
bool IsLocalAddress(std::string_view address);

// A warning for stderr when the token would travel unencrypted (no TLS) off this machine,
// else "".
std::string InsecureTokenWarning(const GlobalOptions& options);

// Sets the call's deadline (now + timeout) and, when a token is set, the metadata
// `authorization: Bearer <token>`.
void PrepareContext(const GlobalOptions& options, grpc::ClientContext* context);

// The stderr text for a failed call of `rpc`: "needleworkctl: <rpc>: <CODE>: <message>\n",
// then a "needleworkctl: hint: ..." line for codes with a likely cause (UNAVAILABLE,
// UNAUTHENTICATED, PERMISSION_DENIED naming the token the RPC needs, DEADLINE_EXCEEDED,
// FAILED_PRECONDITION from Screen and ProposePlan, ABORTED from Book and Reschedule).
std::string FormatRpcError(std::string_view rpc, const grpc::Status& status,
                           const GlobalOptions& options);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_CLIENT_H_
