// needlework-load: drives one gRPC method with pre-serialized requests and prints the result
// as one JSON object. Example:
//   needlework-load --address 127.0.0.1:50051 --requests screen.bin --token "$EMR"
//     --method /needlework.v1.ScreeningService/Screen --in-flight 64 --duration 5 --warmup 1
#include <cstdlib>
#include <iostream>
#include <string>

#include "bench/load/load_generator.h"
#include "bench/load/load_json.h"
#include "bench/load/request_file.h"

namespace needlework::bench {
namespace {

constexpr char kUsage[] =
    "usage: needlework-load --address ADDR --method /pkg.Service/Method --requests FILE\n"
    "         [--token T] [--in-flight N] [--channels N] [--duration S] [--warmup S] [--once]\n"
    "FILE holds serialized requests, each after its size (4 bytes, little-endian).\n"
    "--once sends each request once (no cycling); the run ends when they are all answered.\n";

bool ParseFlag(LoadSpec& spec, std::string& file, const std::string& flag, const char* value) {
  if (flag == "--address")
    spec.address = value;
  else if (flag == "--method")
    spec.method = value;
  else if (flag == "--requests")
    file = value;
  else if (flag == "--token")
    spec.token = value;
  else if (flag == "--in-flight")
    spec.in_flight = std::atoi(value);
  else if (flag == "--channels")
    spec.channels = std::atoi(value);
  else if (flag == "--duration")
    spec.duration_seconds = std::atof(value);
  else if (flag == "--warmup")
    spec.warmup_seconds = std::atof(value);
  else
    return false;
  return true;
}

int Main(int argc, char** argv) {
  LoadSpec spec;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--once") {
      spec.cycle = false;
    } else if (i + 1 >= argc || !ParseFlag(spec, file, flag, argv[++i])) {
      std::cerr << "needlework-load: bad argument " << flag << "\n" << kUsage;
      return 2;
    }
  }
  if (spec.address.empty() || spec.method.empty() || file.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  auto requests = ReadMessages(file);
  if (!requests.ok()) {
    std::cerr << "needlework-load: " << requests.status().ToString() << "\n";
    return 1;
  }
  spec.requests = std::move(requests).value();
  LoadResult result = RunLoad(spec);
  std::cout << LoadResultJson(result).dump(2) << std::endl;
  return result.errors == 0 ? 0 : 1;
}

}  // namespace
}  // namespace needlework::bench

int main(int argc, char** argv) { return needlework::bench::Main(argc, argv); }
