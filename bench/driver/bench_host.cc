#include "bench/driver/bench_host.h"

#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace needlework::bench {
namespace {

void WriteConfig(const std::string& path, const std::string& data_dir,
                 const std::string& plugin_dir) {
  std::ofstream out(path);
  out << "listen: 127.0.0.1:0\n"
      << "data_dir: " << data_dir << "\n"
      << "plugin_dirs:\n  - " << plugin_dir << "\n"
      << "log_level: info\n"
      << "plugin_trust:\n  mode: development\n";  // the built tree's plugins are unsigned
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BenchHost::BenchHost(ChildProcess process, std::string data_dir, std::string admin_token)
    : process_(std::move(process)),
      data_dir_(std::move(data_dir)),
      admin_token_(std::move(admin_token)),
      channel_(grpc::CreateChannel(process_.address(), grpc::InsecureChannelCredentials())) {}

StatusOr<std::unique_ptr<BenchHost>> BenchHost::Start(const BenchPaths& paths,
                                                      const std::vector<int>& cpus) {
  std::string data_dir = paths.work_dir + "/host-data";
  std::string config = paths.work_dir + "/host.yaml";
  std::string ready = paths.work_dir + "/host.ready";
  ::mkdir(data_dir.c_str(), 0700);
  WriteConfig(config, data_dir, paths.build_dir + "/plugins");
  NW_ASSIGN_OR_RETURN(ChildProcess process,
                      ChildProcess::Start({paths.build_dir + "/host/needlework-host", "--config",
                                           config, "--ready-file", ready, "--seed-demo"},
                                          paths.work_dir + "/host.log", ready, cpus));
  auto json = nlohmann::json::parse(ReadFile(data_dir + "/demo-credentials.json"), nullptr, false);
  if (!json.is_object()) return InternalError("no demo credentials in " + data_dir);
  return std::unique_ptr<BenchHost>(
      new BenchHost(std::move(process), data_dir, json.value("admin_token", "")));
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
