#include "tls_options.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "options.h"

namespace needlework::ctl {
namespace {

std::string FromEnv(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// The contents of `file`, given with `flag`.
StatusOr<std::string> ReadPem(std::string_view flag, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  if (in) text << in.rdbuf();
  if (!in || text.str().empty()) {
    return InvalidArgumentError(std::string(flag) + ": cannot read " + file);
  }
  return text.str();
}

Status CheckCombination(const TlsOptions& tls) {
  if (tls.cert_file.empty() != tls.key_file.empty()) {
    return InvalidArgumentError(tls.cert_file.empty() ? "--tls-key needs --tls-cert"
                                                      : "--tls-cert needs --tls-key");
  }
  if (!tls.server_name.empty() && !tls.enabled()) {
    return InvalidArgumentError("--tls-server-name needs --tls-ca (or --tls-cert)");
  }
  return OkStatus();
}

}  // namespace

TlsOptions TlsOptions::FromProcess() {
  TlsOptions tls;
  tls.ca_file = FromEnv("NEEDLEWORK_TLS_CA");
  tls.cert_file = FromEnv("NEEDLEWORK_TLS_CERT");
  tls.key_file = FromEnv("NEEDLEWORK_TLS_KEY");
  tls.server_name = FromEnv("NEEDLEWORK_TLS_SERVER_NAME");
  return tls;
}

Status LoadTlsFiles(TlsOptions* tls) {
  NW_RETURN_IF_ERROR(CheckCombination(*tls));
  if (!tls->ca_file.empty()) {
    NW_ASSIGN_OR_RETURN(tls->ca_pem, ReadPem("--tls-ca", tls->ca_file));
  }
  if (!tls->cert_file.empty()) {
    NW_ASSIGN_OR_RETURN(tls->cert_pem, ReadPem("--tls-cert", tls->cert_file));
    NW_ASSIGN_OR_RETURN(tls->key_pem, ReadPem("--tls-key", tls->key_file));
  }
  return OkStatus();
}

std::shared_ptr<grpc::Channel> CreateTlsChannel(const GlobalOptions& options) {
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = options.tls.ca_pem;
  ssl.pem_cert_chain = options.tls.cert_pem;
  ssl.pem_private_key = options.tls.key_pem;
  grpc::ChannelArguments arguments;
  if (!options.tls.server_name.empty()) {
    arguments.SetSslTargetNameOverride(options.tls.server_name);
  }
  return grpc::CreateCustomChannel(options.address, grpc::SslCredentials(ssl), arguments);
}

}  // namespace needlework::ctl
