// The host's configuration file (YAML). Every key is optional; see config/dev.yaml and the
// README's "Configuration" section for the full reference.
#ifndef NEEDLEWORK_HOST_CONFIG_HOST_CONFIG_H_
#define NEEDLEWORK_HOST_CONFIG_HOST_CONFIG_H_

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "host/common/load_limits.h"
#include "host/config/cds_hooks_config.h"
#include "host/http/http_options.h"
#include "host/limits/runner_limits.h"
#include "host/plugins/hook_deadlines.h"
#include "host/plugins/isolation_config.h"
#include "host/plugins/trust_config.h"
#include "needlework/status.h"

namespace needlework::host {

// TLS on the gRPC listener (and the HTTP one, without client certificates). Off while cert_file is
// empty. The files are PEM and are read when the server starts, so a bad file is named then (see
// host/server/transport.h).
struct TlsConfig {
  std::string cert_file;       // the server's certificate chain
  std::string key_file;        // its private key
  std::string client_ca_file;  // set: mutual TLS; clients must present a cert it signed

  bool enabled() const { return !cert_file.empty(); }
  bool mutual() const { return !client_ca_file.empty(); }
};

struct HostConfig {
  // "host:port" (port 0 picks a free one) or "unix:/path/to/socket".
  std::string listen = "127.0.0.1:50051";
  // Holds needlework.db (SQLite, WAL) and the lock file. Created if missing.
  std::string data_dir = "/var/lib/needlework";
  // Every *.so in these directories is offered to the plugin loader, in name order.
  std::vector<std::string> plugin_dirs;
  // Which plugin files may be loaded: approved hashes, vendor signers, or development mode.
  PluginTrustConfig plugin_trust;
  // Extra RxNorm product-to-ingredient mappings (TSV), on top of the built-in table.
  std::string rxnorm_map_file;
  // How long one plugin may take to answer one hook call before the call fails closed.
  HookDeadlines hook_deadlines;
  // Which plugins run in process and which in a runner process, and how runners are kept
  // (`plugin_isolation`).
  IsolationConfig plugin_isolation;
  // The limits of every plugin runner process (`plugin_isolation`: memory_limit_mb,
  // open_files, memory_cgroup).
  RunnerLimitsConfig runner_limits;
  // Largest request the server accepts, in bytes.
  int max_message_bytes = 8 * 1024 * 1024;
  // Largest the store (needlework.db) may grow, in KiB; 0: as large as the disk allows.
  // Past it every write, and every call whose audit record cannot be written, fails closed.
  int64_t max_store_kib = 0;
  // "debug", "info", "warning" or "error".
  std::string log_level = "info";
  // TLS (and optionally mTLS) on the listener; see TlsConfig.
  TlsConfig tls;
  // Plaintext on an address other than loopback or a unix socket is refused unless this is
  // set explicitly; the host then logs a warning at start-up.
  bool allow_plaintext_non_loopback = false;
  // The HTTP listener (CDS Hooks, metrics, probes): off unless `http.listen` is set. Served
  // with TLS from `tls` when that is set; the plaintext rule above applies to it too.
  HttpOptions http;
  // Refusal limits, gRPC resource quota and stream cap (`load_limits`).
  LoadLimits load_limits;
  // `audit.retention_days`: audit records older than this are pruned, at start-up and then
  // hourly, behind an anchor that keeps the chain verifiable; 0 keeps every record.
  int64_t audit_retention_days = 0;
  // `cds_hooks`: the CDS Hooks service's URL, the EMRs (JWT issuers) that may call it and
  // their clinics, and the bounds of its FHIR reads; off unless service_url is set.
  CdsHooksConfig cds_hooks;

  // The deadline for `hook` ("screen", ...), falling back to the default one.
  std::chrono::milliseconds DeadlineFor(const std::string& hook) const {
    return hook_deadlines.For(hook);
  }
};

// Reads and validates a config file. Relative paths in it are resolved against the file's
// directory. INVALID_ARGUMENT names the key and what is wrong; NOT_FOUND if the file is
// missing.
StatusOr<HostConfig> LoadHostConfig(const std::string& path);

// Parses config text; relative paths are resolved against `base_dir`.
StatusOr<HostConfig> ParseHostConfig(const std::string& yaml_text, const std::string& base_dir);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_CONFIG_HOST_CONFIG_H_
