#include "host/metrics/rpc_metrics_interceptor.h"

#include <google/protobuf/descriptor.h>

#include <chrono>

#include "needlework/status.h"

namespace needlework::host {
namespace {

using grpc::experimental::InterceptionHookPoints;

class RpcMetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  RpcMetricsInterceptor(PrometheusMetrics& metrics, std::string method)
      : metrics_(metrics), method_(std::move(method)), start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - start_;
      auto code = static_cast<StatusCode>(methods->GetSendStatus().error_code());
      metrics_.RpcCall(method_, std::string(StatusCodeName(code)), took.count());
    }
    methods->Proceed();
  }

 private:
  PrometheusMetrics& metrics_;
  std::string method_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

std::string MethodLabel(const std::string& path) {
  size_t slash = path.rfind('/');
  if (path.size() < 4 || path[0] != '/' || slash == 0 || slash == std::string::npos) {
    return "unknown";
  }
  std::string full_name = path.substr(1, slash - 1) + "." + path.substr(slash + 1);
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  return pool->FindMethodByName(full_name) != nullptr ? path : "unknown";
}

grpc::experimental::Interceptor* RpcMetricsInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RpcMetricsInterceptor(metrics_, MethodLabel(info->method()));
}

}  // namespace needlework::host
