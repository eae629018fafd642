// The real needlework-host for the benchmark: a temp config and data dir, every built-in
// plugin, the demo seed (for its admin token), pinned to the server CPUs.
#ifndef NEEDLEWORK_BENCH_DRIVER_BENCH_HOST_H_
#define NEEDLEWORK_BENCH_DRIVER_BENCH_HOST_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "support/child_process.h"
#include "support/demo_credentials.h"

namespace needlework::bench {

using ::needlework::testing::ChildProcess;
using ::needlework::testing::PinCurrentProcess;
using ::needlework::testing::ResidentKiB;
using ::needlework::testing::SpawnOptions;

// Starts a server that announces its address in `ready_file`, its stdout and stderr
// appended to `log_path`, on `cpus` (all when empty); waits up to 60 s.
StatusOr<ChildProcess> StartServer(const std::vector<std::string>& argv,
                                   const std::string& log_path, const std::string& ready_file,
                                   const std::vector<int>& cpus);

struct BenchPaths {
  std::string build_dir;   // the CMake build tree (host/, plugins/, bench/ binaries)
  std::string source_dir;  // the checkout (examples/, ...)
  std::string work_dir;    // scratch: configs, data dir, logs (removed by the caller)
};

class BenchHost {
 public:
  // Starts the host on 127.0.0.1:<free port>, serving from `cpus`. `name` keeps its files
  // apart from another host's in paths.work_dir; `extra_config` is appended to its YAML.
  static StatusOr<std::unique_ptr<BenchHost>> Start(const BenchPaths& paths,
                                                    const std::vector<int>& cpus,
                                                    const std::string& name = "host",
                                                    const std::string& extra_config = "");
  pid_t pid() const { return process_.pid(); }
  const std::string& address() const { return process_.address(); }
  const std::string& admin_token() const { return admin_token_; }
  const std::string& demo_emr_token() const { return demo_emr_token_; }  // clinic "demo"
  const std::string& data_dir() const { return data_dir_; }
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  int Stop() { return process_.Stop(); }

 private:
  BenchHost(ChildProcess process, std::string data_dir, testing::DemoCredentials credentials);
  ChildProcess process_;
  std::string data_dir_;
  std::string admin_token_;
  std::string demo_emr_token_;
  std::shared_ptr<grpc::Channel> channel_;
};

// A ClientContext with the bearer token and a 30 s deadline.
std::unique_ptr<grpc::ClientContext> Authorized(const std::string& token);

// OK, or the gRPC status as a needlework Status prefixed with `what`.
Status Check(const grpc::Status& status, const std::string& what);

}  // namespace needlework::bench

#endif  // NEEDLEWORK_BENCH_DRIVER_BENCH_HOST_H_
