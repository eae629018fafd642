#include "bench/driver/bench_host.h"

#include <sys/stat.h>

#include <fstream>

#include "support/demo_credentials.h"

namespace needlework::bench {
namespace {

void WriteConfig(const std::string& path, const std::string& data_dir,
                 const std::string& plugin_dir, const std::string& extra_config) {
  std::ofstream out(path);
  out << "listen: 127.0.0.1:0\n"
      << "data_dir: " << data_dir << "\n"
      << "plugin_dirs:\n  - " << plugin_dir << "\n"
      << "log_level: info\n"
      << "plugin_trust:\n  mode: development\n"  // the built tree's plugins are unsigned
      << extra_config;
}

}  // namespace

BenchHost::BenchHost(ChildProcess process, std::string data_dir,
                     testing::DemoCredentials credentials)
    : process_(std::move(process)),
      data_dir_(std::move(data_dir)),
      admin_token_(std::move(credentials.admin_token)),
      demo_emr_token_(std::move(credentials.emr_token)),
      channel_(grpc::CreateChannel(process_.address(), grpc::InsecureChannelCredentials())) {}

StatusOr<std::unique_ptr<BenchHost>> BenchHost::Start(const BenchPaths& paths,
                                                      const std::vector<int>& cpus,
                                                      const std::string& name,
                                                      const std::string& extra_config) {
  std::string base = paths.work_dir + "/" + name;
  std::string data_dir = base + "-data";
  std::string config = base + ".yaml";
  std::string ready = base + ".ready";
  ::mkdir(data_dir.c_str(), 0700);
  WriteConfig(config, data_dir, paths.build_dir + "/plugins", extra_config);
  NW_ASSIGN_OR_RETURN(ChildProcess process,
                      StartServer({paths.build_dir + "/host/needlework-host", "--config", config,
                                   "--ready-file", ready, "--seed-demo"},
                                  base + ".log", ready, cpus));
  NW_ASSIGN_OR_RETURN(testing::DemoCredentials credentials, testing::ReadDemoCredentials(data_dir));
  return std::unique_ptr<BenchHost>(
      new BenchHost(std::move(process), data_dir, std::move(credentials)));
}

StatusOr<ChildProcess> StartServer(const std::vector<std::string>& argv,
                                   const std::string& log_path, const std::string& ready_file,
                                   const std::vector<int>& cpus) {
  SpawnOptions options;
  options.stdout_path = log_path;
  options.stderr_path = log_path;
  options.cpus = cpus;
  return ChildProcess::Start(argv, options, ready_file, std::chrono::seconds(60));
}

std::unique_ptr<grpc::ClientContext> Authorized(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

Status Check(const grpc::Status& status, const std::string& what) {
  if (status.ok()) return OkStatus();
  return Status(static_cast<StatusCode>(status.error_code()), what + ": " + status.error_message());
}

}  // namespace needlework::bench
