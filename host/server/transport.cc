#include "host/server/transport.h"

#include <grpc/grpc_security_constants.h>
#include <grpcpp/security/server_credentials.h>

#include <fstream>
#include <sstream>

#include "host/common/log.h"
#include "host/server/server.h"

namespace needlework::host {
namespace {

// A client that connects and never finishes its handshake is dropped after this long.
constexpr int kHandshakeTimeoutMs = 10'000;

// The contents of the PEM file named by config key `key`.
StatusOr<std::string> ReadPem(const std::string& key, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || text.str().empty()) {
    return FailedPreconditionError("config key '" + key + "': cannot read " + file);
  }
  return text.str();
}

StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsCredentials(const TlsConfig& tls) {
  grpc::SslServerCredentialsOptions options(
      tls.mutual() ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
                   : GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE);
  grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
  NW_ASSIGN_OR_RETURN(pair.cert_chain, ReadPem("tls.cert_file", tls.cert_file));
  NW_ASSIGN_OR_RETURN(pair.private_key, ReadPem("tls.key_file", tls.key_file));
  options.pem_key_cert_pairs.push_back(std::move(pair));
  if (tls.mutual()) {
    NW_ASSIGN_OR_RETURN(options.pem_root_certs, ReadPem("tls.client_ca_file", tls.client_ca_file));
  }
  return grpc::SslServerCredentials(options);
}

}  // namespace

Status CheckTransport(const HostConfig& config) {
  if (config.tls.enabled() || IsLoopbackAddress(config.listen) ||
      config.allow_plaintext_non_loopback) {
    return OkStatus();
  }
  return FailedPreconditionError(
      "listen address " + config.listen +
      " is not loopback or a unix socket, and plaintext gRPC is not exposed on a network: "
      "configure tls (cert_file, key_file), or set allow_plaintext_non_loopback: true to "
      "serve plaintext there anyway");
}

StatusOr<std::shared_ptr<grpc::ServerCredentials>> ListenerCredentials(const HostConfig& config) {
  NW_RETURN_IF_ERROR(CheckTransport(config));
  if (config.tls.enabled()) {
    NW_ASSIGN_OR_RETURN(auto credentials, TlsCredentials(config.tls));
    LogEvent(Level::kInfo, "transport",
             {{"security", config.tls.mutual() ? "mtls" : "tls"}, {"cert", config.tls.cert_file}});
    return credentials;
  }
  if (!IsLoopbackAddress(config.listen)) {
    LogEvent(Level::kWarning, "transport",
             {{"security", "plaintext"},
              {"address", config.listen},
              {"warning",
               "PLAINTEXT gRPC on a network address (allow_plaintext_non_loopback: true): "
               "tokens and patient data travel unencrypted"}});
  }
  return grpc::InsecureServerCredentials();
}

void ApplyConnectionLimits(const HostConfig& config, grpc::ServerBuilder& builder) {
  builder.SetMaxReceiveMessageSize(config.max_message_bytes);
  builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS, kHandshakeTimeoutMs);
}

}  // namespace needlework::host
