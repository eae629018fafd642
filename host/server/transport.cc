#include "host/server/transport.h"

#include <arpa/inet.h>
#include <grpc/grpc_security_constants.h>
#include <grpcpp/resource_quota.h>
#include <grpcpp/security/server_credentials.h>

#include <fstream>
#include <sstream>

#include "host/common/log.h"

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

// Splits "host:port", "[v6]:port" or a bare host into the host (brackets kept) and whether
// the port, if any, is all digits.
bool SplitHostPort(const std::string& listen, std::string* host) {
  size_t colon = listen.rfind(':');
  bool bracketed = !listen.empty() && listen.front() == '[';
  if (colon == std::string::npos || (bracketed && colon < listen.rfind(']'))) {
    *host = listen;  // no port
    return true;
  }
  *host = listen.substr(0, colon);
  std::string port = listen.substr(colon + 1);
  return !port.empty() && port.size() <= 5 &&
         port.find_first_not_of("0123456789") == std::string::npos;
}

bool IsLoopbackIpv4(const std::string& host) {
  in_addr address{};
  if (::inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

bool IsLoopbackIpv6(const std::string& host) {
  if (host.size() < 3 || host.front() != '[' || host.back() != ']') return false;
  in6_addr address{};
  std::string literal = host.substr(1, host.size() - 2);
  return ::inet_pton(AF_INET6, literal.c_str(), &address) == 1 && IN6_IS_ADDR_LOOPBACK(&address);
}

}  // namespace

bool IsLoopbackAddress(const std::string& listen) {
  if (listen.rfind("unix:", 0) == 0) return listen.size() > 5;
  std::string host;
  if (!SplitHostPort(listen, &host)) return false;
  return host == "localhost" || IsLoopbackIpv4(host) || IsLoopbackIpv6(host);
}

Status CheckTransport(const HostConfig& config) {
  NW_RETURN_IF_ERROR(CheckPlaintextRule(config, "listen", config.listen, "gRPC"));
  if (!config.http.enabled()) return OkStatus();
  return CheckPlaintextRule(config, "http.listen", config.http.listen, "HTTP");
}

Status CheckPlaintextRule(const HostConfig& config, const std::string& key,
                          const std::string& listen, const std::string& protocol) {
  if (config.tls.enabled() || IsLoopbackAddress(listen) || config.allow_plaintext_non_loopback) {
    return OkStatus();
  }
  return FailedPreconditionError(
      key + " address " + listen +
      " is not loopback (an IPv4 address in 127.0.0.0/8, [::1] or localhost) or a unix "
      "socket (unix:PATH), and plaintext " +
      protocol +
      " is not exposed on a network: "
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
  const LoadLimits& limits = config.load_limits;
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, limits.max_concurrent_streams);
  grpc::ResourceQuota quota("needlework-host");
  quota.Resize(static_cast<size_t>(limits.memory_quota_bytes));
  if (limits.max_threads > 0) quota.SetMaxThreads(limits.max_threads);
  builder.SetResourceQuota(quota);
}

}  // namespace needlework::host
