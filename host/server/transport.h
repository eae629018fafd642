// How the listener is secured: TLS or mutual TLS from the config, and the plaintext rule.
#ifndef NEEDLEWORK_HOST_SERVER_TRANSPORT_H_
#define NEEDLEWORK_HOST_SERVER_TRANSPORT_H_

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>

#include <memory>
#include <string>

#include "host/config/host_config.h"

namespace needlework::host {

// True when the listen address `listen` ("host:port" or "unix:PATH") can be reached only
// from this machine, parsed exactly: "unix:" followed by a path; an IPv4 literal in
// 127.0.0.0/8 (four decimal octets, as inet_pton reads them); "[::1]" (any spelling of the
// IPv6 loopback, in brackets); or "localhost". The port, when present, must be decimal
// digits. Anything else is not loopback, e.g. "127.evil.example.com:50051",
// "127.0.0.1.nip.io:1", "0.0.0.0:50051" or "::1:50051" (IPv6 needs brackets).
bool IsLoopbackAddress(const std::string& listen);

// The plaintext rule for both listeners: without TLS, `listen` (gRPC) and `http.listen`
// (when set) must be loopback or a unix socket, unless allow_plaintext_non_loopback is set.
// FAILED_PRECONDITION naming the key, the address and both ways out. Cheap and touches
// nothing, so the host checks it before opening its store.
Status CheckTransport(const HostConfig& config);

// The plaintext rule for one listener: `listen`, read from config key `key`, serving
// `protocol` ("gRPC", "HTTP").
Status CheckPlaintextRule(const HostConfig& config, const std::string& key,
                          const std::string& listen, const std::string& protocol);

// Credentials for the listener: TLS from config.tls (mutual when client_ca_file is set:
// a client must present a certificate that CA signed, or the handshake fails), else
// insecure ones after CheckTransport. Reads the PEM files; FAILED_PRECONDITION naming the
// config key and the file that cannot be read. Logs one `transport` line saying which.
StatusOr<std::shared_ptr<grpc::ServerCredentials>> ListenerCredentials(const HostConfig& config);

// Connection-level bounds on hostile clients, whatever the credentials: the largest request
// (max_message_bytes), a deadline on the TLS/HTTP2 handshake, the concurrent streams of one
// connection (load_limits.max_concurrent_streams: further calls wait at the client until a
// stream closes) and gRPC's resource quota (load_limits.memory_quota_mb, max_threads).
void ApplyConnectionLimits(const HostConfig& config, grpc::ServerBuilder& builder);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SERVER_TRANSPORT_H_
