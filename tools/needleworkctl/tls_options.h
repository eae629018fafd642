// TLS to the host: the --tls-* global flags, their NEEDLEWORK_TLS_* environment variables,
// and the channel they make. TLS is on when a CA or a client certificate is given.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TLS_OPTIONS_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TLS_OPTIONS_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::ctl {

struct GlobalOptions;

struct TlsOptions {
  // File names, as given by flags (set by flags.cc) or the environment.
  std::string ca_file = {};      // --tls-ca, $NEEDLEWORK_TLS_CA: the CA that signed the host's cert
  std::string cert_file = {};    // --tls-cert, $NEEDLEWORK_TLS_CERT: client cert, for mutual TLS
  std::string key_file = {};     // --tls-key, $NEEDLEWORK_TLS_KEY: its private key
  std::string server_name = {};  // --tls-server-name, $NEEDLEWORK_TLS_SERVER_NAME: name to verify
  // The PEM contents, filled by LoadTlsFiles.
  std::string ca_pem = {}, cert_pem = {}, key_pem = {};

  bool enabled() const { return !ca_file.empty() || !cert_file.empty(); }
  // The NEEDLEWORK_TLS_* variables of the process; unset ones stay empty.
  static TlsOptions FromProcess();
};

// Reads the PEM files of `tls` into it. INVALID_ARGUMENT naming the flag and the file: a
// client cert without its key (or the reverse), --tls-server-name without TLS, a file that
// cannot be read. Does nothing when TLS is off.
Status LoadTlsFiles(TlsOptions* tls);

// A channel to `options.address` over TLS with `options.tls` (already loaded): the CA given,
// or the system's roots without one; the client cert when given; server_name checked
// instead of the address's host when set.
std::shared_ptr<grpc::Channel> CreateTlsChannel(const GlobalOptions& options);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_TLS_OPTIONS_H_
