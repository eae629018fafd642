#include "support/host_process.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

namespace needlework::testing {
namespace {

constexpr char kHostBinary[] = NEEDLEWORK_BINARY_DIR "/host/needlework-host";
constexpr char kCtlBinary[] = NEEDLEWORK_BINARY_DIR "/tools/needleworkctl/needleworkctl";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

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
  out << options.extra_config << "\n";
}

// The target to dial for a host serving on `address`: a wildcard bind is dialled on loopback.
std::string DialTarget(const std::string& address) {
  if (address.starts_with("0.0.0.0:")) return "127.0.0.1:" + address.substr(8);
  if (address.starts_with("[::]:")) return "[::1]:" + address.substr(5);
  return address;
}

// Waits for a child to exit, up to `timeout`; its status, or -1 if it is still running.
int WaitFor(pid_t pid, std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

pid_t Spawn(const std::vector<std::string>& argv, const std::string& out_path,
            const std::string& err_path) {
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  if (!out_path.empty()) (void)!::freopen(out_path.c_str(), "w", stdout);
  if (!err_path.empty()) (void)!::freopen(err_path.c_str(), "a", stderr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

// Runs `binary` with `args`, up to 60 s; its exit code, with stdout/stderr filled.
int RunBinary(const char* binary, const std::vector<std::string>& args, std::string* out,
              std::string* err) {
  TempDir dir;
  std::vector<std::string> argv = {binary};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_t pid = Spawn(argv, dir.File("out"), dir.File("err"));
  int code = WaitFor(pid, std::chrono::seconds(60));
  if (out != nullptr) *out = ReadFile(dir.File("out"));
  if (err != nullptr) *err = ReadFile(dir.File("err"));
  if (code < 0) {
    ::kill(pid, SIGKILL);
    WaitFor(pid, std::chrono::seconds(5));
  }
  return code;
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
  ::unlink(ready_path_.c_str());
  std::vector<std::string> argv = {kHostBinary, "--config", config_path_, "--ready-file",
                                   ready_path_};
  if (options_.seed_demo) argv.push_back("--seed-demo");
  pid_ = Spawn(argv, dir_->File("host.stdout"), log_path_);  // the log survives restarts
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string ready = ReadFile(ready_path_);
    if (!ready.empty() && ready.back() == '\n') {
      address_ = ready.substr(0, ready.size() - 1);
      channel_ = ChannelWith(options_.channel_credentials ? options_.channel_credentials
                                                          : grpc::InsecureChannelCredentials());
      return !options_.seed_demo || ReadDemoCredentials();
    }
    if (WaitFor(pid_, std::chrono::milliseconds(20)) >= 0) {
      pid_ = -1;
      ADD_FAILURE() << "needlework-host exited during start-up";
      return false;
    }
  }
  ADD_FAILURE() << "needlework-host did not become ready within 30 s";
  return false;
}

bool HostProcess::ReadDemoCredentials() {
  auto json = nlohmann::json::parse(ReadFile(data_dir_ + "/demo-credentials.json"), nullptr, false);
  if (!json.is_object()) {
    ADD_FAILURE() << "no demo credentials in " << data_dir_;
    return false;
  }
  emr_token_ = json.value("emr_token", "");
  admin_token_ = json.value("admin_token", "");
  return true;
}

int HostProcess::Stop() {
  if (pid_ <= 0) return -1;
  channel_.reset();
  ::kill(pid_, SIGTERM);
  int code = WaitFor(pid_, std::chrono::seconds(20));
  if (code < 0) {
    ::kill(pid_, SIGKILL);
    code = WaitFor(pid_, std::chrono::seconds(5));
  }
  pid_ = -1;
  return code;
}

void HostProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  WaitFor(pid_, std::chrono::seconds(10));
  pid_ = -1;
}

bool HostProcess::Restart() {
  Stop();
  return Launch();
}

HostProcess::~HostProcess() { Stop(); }

std::string HostProcess::Log() const { return ReadFile(log_path_); }

std::shared_ptr<grpc::Channel> HostProcess::ChannelWith(
    std::shared_ptr<grpc::ChannelCredentials> credentials) const {
  grpc::ChannelArguments arguments;
  if (!options_.ssl_target_name.empty()) {
    arguments.SetSslTargetNameOverride(options_.ssl_target_name);
  }
  return grpc::CreateCustomChannel(DialTarget(address_), credentials, arguments);
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

int RunHostBinary(const std::vector<std::string>& args, std::string* out, std::string* err) {
  return RunBinary(kHostBinary, args, out, err);
}

}  // namespace needlework::testing
