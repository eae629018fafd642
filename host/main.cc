// needlework-host: loads plugins and serves the Needlework API over gRPC.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <iostream>

#include "host/common/log.h"
#include "host/server/command_line.h"
#include "host/server/demo_seed.h"
#include "host/server/server.h"
#include "host/server/transport.h"

namespace needlework::host {
namespace {

constexpr std::chrono::seconds kShutdownGrace{10};

// SIGINT/SIGTERM are blocked in every thread (gRPC's inherit the mask) and taken with
// sigwait on the main thread, so shutdown runs as ordinary code, not in a signal handler.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void SetLogLevel(const std::string& name) {
  if (name == "debug") SetMinimumLogLevel(Level::kDebug);
  if (name == "warning") SetMinimumLogLevel(Level::kWarning);
  if (name == "error") SetMinimumLogLevel(Level::kError);
}

int Fail(const Status& status) {
  LogEvent(Level::kError, "fatal", {{"error", status.ToString()}});
  std::cerr << "needlework-host: " << status.ToString() << "\n";
  return 1;
}

// The HTTP listener's URL ("" when it is off), e.g. "http://127.0.0.1:8080".
std::string HttpUrl(const HostServer& server, const HostConfig& config) {
  if (server.http_address().empty()) return "";
  return (config.tls.enabled() ? "https://" : "http://") + server.http_address();
}

// The ready file: the gRPC address on the first line, then `http=ADDRESS` when the HTTP
// listener is on. Written in one go, so a reader never sees half of it.
void WriteReadyFile(const std::string& path, const HostServer& server) {
  std::string text = server.address() + "\n";
  if (!server.http_address().empty()) text += "http=" + server.http_address() + "\n";
  std::ofstream(path) << text << std::flush;
}

void PrintDemo(const DemoCredentials& demo, const std::string& address,
               const std::string& http_url) {
  std::cout << "\nNeedlework host is serving on " << address << "\n";
  if (!http_url.empty()) std::cout << "HTTP (probes, metrics) on " << http_url << "\n";
  std::cout << "Demo clinic:  " << demo.clinic_id << "\n"
            << "  EMR token:    " << demo.emr_token << "\n"
            << "  Admin token:  " << demo.admin_token << "\n\n"
            << "Try, in another terminal:\n"
            << "  export NEEDLEWORK_ADDRESS=" << address << "\n"
            << "  NEEDLEWORK_TOKEN=" << demo.emr_token
            << " build/tools/needleworkctl/needleworkctl screen --fhir "
               "examples/patients/warfarin.json\n"
            << "Stop with Ctrl-C.\n"
            << std::endl;
}

// Shuts the server down; a plugin call stuck forever must not hang the exit.
void StopServer(std::unique_ptr<HostServer> server) {
  auto stopped = std::async(std::launch::async, [&server] {
    server->Shutdown(std::chrono::duration_cast<std::chrono::milliseconds>(kShutdownGrace));
  });
  if (stopped.wait_for(kShutdownGrace + std::chrono::seconds(5)) == std::future_status::timeout) {
    LogEvent(Level::kError, "shutdown_forced", {{"reason", "a plugin call is still stuck"}});
    std::_Exit(1);
  }
}

int Serve(const CommandLine& line, HostContext& host, const sigset_t& signals) {
  StatusOr<DemoCredentials> demo = Status(StatusCode::kNotFound, "not requested");
  if (line.seed_demo) {
    demo = SeedDemo(host);
    if (!demo.ok()) return Fail(demo.status());
  }
  auto server = HostServer::Start(&host);
  if (!server.ok()) return Fail(server.status());
  if (!line.ready_file.empty()) WriteReadyFile(line.ready_file, **server);
  if (demo.ok()) PrintDemo(*demo, (*server)->address(), HttpUrl(**server, host.config));
  int signal = 0;
  sigwait(&signals, &signal);
  LogEvent(Level::kInfo, "stopping", {{"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
  StopServer(std::move(server).value());
  return 0;
}

int Main(const std::vector<std::string>& args) {
  sigset_t signals = BlockStopSignals();
  auto line = ParseCommandLine(args);
  if (!line.ok()) {
    std::cerr << "needlework-host: " << line.status().message() << "\n\n" << Usage();
    return 2;
  }
  if (line->help) {
    std::cout << Usage();
    return 0;
  }
  auto config = LoadHostConfig(line->config_path);
  if (!config.ok()) return Fail(config.status());
  SetLogLevel(config->log_level);
  if (Status transport = CheckTransport(*config); !transport.ok()) return Fail(transport);
  auto host = BuildHostContext(*config);
  if (!host.ok()) return Fail(host.status());
  if (line->issue_admin_token) {
    auto token = (*host)->tokens->Issue(Role::kAdmin, "", line->token_label);
    if (!token.ok()) return Fail(token.status());
    std::cout << token->secret << std::endl;
    return 0;
  }
  LogEvent(Level::kInfo, "starting", {{"config", line->config_path}, {"pid", ::getpid()}});
  int rc = Serve(*line, **host, signals);
  host->reset();  // closes the store
  LogEvent(Level::kInfo, "stopped", {{"exit_code", rc}});
  return rc;
}

}  // namespace
}  // namespace needlework::host

int main(int argc, char** argv) {
  return needlework::host::Main(std::vector<std::string>(argv + 1, argv + argc));
}
