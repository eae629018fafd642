#include "support/host_process.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "support/child_process.h"
#include "support/demo_credentials.h"

namespace needlework::testing {
namespace {

constexpr char kHostBinary[] = NEEDLEWORK_BINARY_DIR "/host/needlework-host";
constexpr char kCtlBinary[] = NEEDLEWORK_BINARY_DIR "/tools/needleworkctl/needleworkctl";

void WriteConfig(const std::string& path, const std::string& data_dir, const HostOptions& options) {
  std::ofstream out(path);
  out << "listen: " << options.listen << "\n"
      << "data_dir: " << data_dir << "\n"
      << "plugin_dirs:\n";
  for (const auto& dir : options.plugin_dirs) out << "  - " << dir << "\n";
  if (!options.hook_deadlines_ms.empty()) {
    out << "hook_deadlines_ms:\n";
    for (const auto& [hook, ms] : options.hook_deadlines_ms)
      out << "  " << hook << ": " << ms << "\n";
  }
  if (!options.plugin_trust.empty()) out << "plugin_trust:\n" << options.plugin_trust;
  if (!options.load_limits.empty()) out << "load_limits:\n" << options.load_limits;
  if (!options.http_listen.empty()) out << "http:\n  listen: " << options.http_listen << "\n";
  out << options.extra_config << "\n";
}

// The target to dial for a host serving on `address`: a wildcard bind is dialled on loopback.
std::string DialTarget(const std::string& address) {
  if (address.starts_with("0.0.0.0:")) return "127.0.0.1:" + address.substr(8);
  if (address.starts_with("[::]:")) return "[::1]:" + address.substr(5);
  return address;
}

// Runs `binary` with `args`, up to 60 s; its exit code, with stdout/stderr filled.
int RunBinary(const char* binary, const std::vector<std::string>& args, std::string* out,
              std::string* err) {
  std::vector<std::string> argv = {binary};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, std::chrono::seconds(60), out, err);
}

// The value of the ready file's `http=` line; "" when there is none.
std::string HttpLine(const std::string& ready_file) {
  std::string ready = ReadWholeFile(ready_file);
  size_t start = ready.find("\nhttp=");
  if (start == std::string::npos) return "";
  start += 6;
  return ready.substr(start, ready.find('\n', start) - start);
}

}  // namespace

std::unique_ptr<HostProcess> HostProcess::Start(const HostOptions& options) {
  std::unique_ptr<HostProcess> host(new HostProcess());
  host->options_ = options;
  host->dir_ = std::make_unique<TempDir>();
  host->data_dir_ = host->dir_->File("data");
  host->config_path_ = host->dir_->File("needlework.yaml");
  host->log_path_ = host->dir_->File("host.log");
  host->ready_path_ = host->dir_->File("ready");
  WriteConfig(host->config_path_, host->data_dir_, options);
  if (!host->Launch()) return nullptr;
  return host;
}

bool HostProcess::Launch() {
  std::vector<std::string> argv = {kHostBinary, "--config", config_path_, "--ready-file",
                                   ready_path_};
  if (options_.seed_demo) argv.push_back("--seed-demo");
  // The log survives restarts: every start appends to it.
  SpawnOptions spawn;
  spawn.stdout_path = dir_->File("host.stdout");
  spawn.stderr_path = log_path_;
  auto process = ChildProcess::Start(argv, spawn, ready_path_, std::chrono::seconds(30));
  if (!process.ok()) {
    ADD_FAILURE() << process.status().ToString();
    return false;
  }
  process_ = std::move(*process);
  http_address_ = HttpLine(ready_path_);
  channel_ = ChannelWith(options_.channel_credentials ? options_.channel_credentials
                                                      : grpc::InsecureChannelCredentials());
  return !options_.seed_demo || ReadCredentials();
}

bool HostProcess::ReadCredentials() {
  auto credentials = ReadDemoCredentials(data_dir_);
  if (!credentials.ok()) {
    ADD_FAILURE() << credentials.status().ToString();
    return false;
  }
  emr_token_ = credentials->emr_token;
  admin_token_ = credentials->admin_token;
  return true;
}

int HostProcess::Stop() {
  if (!process_.running()) return -1;
  channel_.reset();
  return process_.Stop();
}

void HostProcess::Kill() { process_.Kill(); }

bool HostProcess::Restart() {
  Stop();
  return Launch();
}

bool HostProcess::RestartWith(const HostOptions& options) {
  Stop();
  options_ = options;
  WriteConfig(config_path_, data_dir_, options_);
  return Launch();
}

HostProcess::~HostProcess() { Stop(); }

std::string HostProcess::Log() const { return ReadWholeFile(log_path_); }

std::shared_ptr<grpc::Channel> HostProcess::ChannelWith(
    std::shared_ptr<grpc::ChannelCredentials> credentials) const {
  grpc::ChannelArguments arguments;
  if (!options_.ssl_target_name.empty()) {
    arguments.SetSslTargetNameOverride(options_.ssl_target_name);
  }
  return grpc::CreateCustomChannel(DialTarget(process_.address()), credentials, arguments);
}

std::unique_ptr<grpc::ClientContext> AuthorizedContext(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  return context;
}

int RunCtlBinary(const std::vector<std::string>& args, std::string* out, std::string* err) {
  return RunBinary(kCtlBinary, args, out, err);
}

int RunCtlOn(const HostProcess& host, const std::string& token,
             const std::vector<std::string>& args, std::string* out, std::string* err) {
  std::vector<std::string> argv = {"--address", host.address(), "--token", token};
  argv.insert(argv.end(), args.begin(), args.end());
  out->clear();
  err->clear();
  return RunCtlBinary(argv, out, err);
}

int RunHostBinary(const std::vector<std::string>& args, std::string* out, std::string* err) {
  return RunBinary(kHostBinary, args, out, err);
}

}  // namespace needlework::testing
