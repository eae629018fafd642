// The real needlework-host binary, started for a test on an ephemeral loopback port with a
// temporary data directory, and a gRPC channel to it.
#ifndef NEEDLEWORK_TESTS_SUPPORT_HOST_PROCESS_H_
#define NEEDLEWORK_TESTS_SUPPORT_HOST_PROCESS_H_

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.h"
#include "support/temp_dir.h"

namespace needlework::testing {

struct HostOptions {
  // Defaults to the built-in plugins' directory.
  std::vector<std::string> plugin_dirs = {NEEDLEWORK_PLUGIN_DIR};
  std::map<std::string, int> hook_deadlines_ms;
  bool seed_demo = true;
  // The body of the config's plugin_trust section, indented by two spaces. Development by
  // default: most tests load the built-in plugins from the build tree, unsigned. Empty: no
  // plugin_trust key at all (the host's default, enforce).
  std::string plugin_trust = "  mode: development\n";
  // The body of the config's load_limits section, indented by two spaces. By default the
  // refusal limits are out of reach: every test calls from loopback, and the matrix tests
  // make hundreds of refused calls on purpose. Empty: the host's defaults.
  std::string load_limits = "  refusals_per_peer: 1000000\n  refusals_per_clinic: 1000000\n";
  // "127.0.0.1:0" (a free port) or "unix:" + a path.
  std::string listen = "127.0.0.1:0";
  // The HTTP listener's `http.listen` ("127.0.0.1:0" for a free port); empty: no listener.
  std::string http_listen;
  // YAML appended to the generated config as written, e.g. a `tls:` map.
  std::string extra_config;
  // What channel() dials with; insecure by default. A host bound to 0.0.0.0 is dialled on
  // 127.0.0.1. Set ssl_target_name (e.g. "localhost") to check the server's certificate
  // against that name rather than the dialled address.
  std::shared_ptr<grpc::ChannelCredentials> channel_credentials;
  std::string ssl_target_name;
};

class HostProcess {
 public:
  // Writes a config into a new temp dir, starts the host and waits until it serves.
  // Fails the current test (and returns nullptr) when it does not come up.
  static std::unique_ptr<HostProcess> Start(const HostOptions& options = {});
  ~HostProcess();  // SIGTERM, then SIGKILL if it lingers

  // SIGTERM and wait; the exit code (128 + signal if killed by one).
  int Stop();
  // SIGKILL at once, as a crash or power cut would; no shutdown code runs.
  void Kill();
  // Stop, then start again on the same data dir; false (and a test failure) on error.
  bool Restart();
  // The same with other options (the config is written anew; the data dir is kept).
  bool RestartWith(const HostOptions& options);
  bool running() const { return process_.running(); }

  const std::string& address() const { return process_.address(); }
  // The HTTP listener's bound address (the ready file's `http=` line); "" when it is off.
  const std::string& http_address() const { return http_address_; }
  const std::string& emr_token() const { return emr_token_; }  // demo clinic
  const std::string& admin_token() const { return admin_token_; }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // A new channel to the host with other credentials (and the options' ssl_target_name).
  std::shared_ptr<grpc::Channel> ChannelWith(
      std::shared_ptr<grpc::ChannelCredentials> credentials) const;
  // Everything the host wrote to stderr so far.
  std::string Log() const;
  const std::string& data_dir() const { return data_dir_; }
  const std::string& config_path() const { return config_path_; }

 private:
  HostProcess() = default;
  bool Launch();
  bool ReadCredentials();

  HostOptions options_;
  std::unique_ptr<TempDir> dir_;
  std::string data_dir_, config_path_, log_path_, ready_path_;
  ChildProcess process_;
  std::string emr_token_, admin_token_;
  std::string http_address_;
  std::shared_ptr<grpc::Channel> channel_;
};

// A ClientContext carrying `authorization: Bearer <token>` and a 10 s deadline.
std::unique_ptr<grpc::ClientContext> AuthorizedContext(const std::string& token);

// Runs the needleworkctl binary with `args`; returns its exit code and fills stdout/stderr.
int RunCtlBinary(const std::vector<std::string>& args, std::string* out, std::string* err);

// RunCtlBinary against `host` with `--address` and `--token token` before `args`; `out` and
// `err` are replaced.
int RunCtlOn(const HostProcess& host, const std::string& token,
             const std::vector<std::string>& args, std::string* out, std::string* err);

// The same for the needlework-host binary, for a host expected to exit on its own (refusing
// its config); it is killed after 60 s.
int RunHostBinary(const std::vector<std::string>& args, std::string* out, std::string* err);

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_HOST_PROCESS_H_
