// Counts every gRPC call (method, status code, latency) into PrometheusMetrics.
#ifndef NEEDLEWORK_HOST_METRICS_RPC_METRICS_INTERCEPTOR_H_
#define NEEDLEWORK_HOST_METRICS_RPC_METRICS_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

#include <string>

#include "host/metrics/prometheus_metrics.h"

namespace needlework::host {

// The method label for gRPC method path `path` ("/needlework.v1.ScreeningService/Screen"):
// itself when the generated descriptor pool knows that method, else "unknown", so a client
// cannot grow the metrics by calling made-up names.
std::string MethodLabel(const std::string& path);

class RpcMetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `metrics` is not owned and must outlive the server.
  explicit RpcMetricsInterceptorFactory(PrometheusMetrics& metrics) : metrics_(metrics) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  PrometheusMetrics& metrics_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_METRICS_RPC_METRICS_INTERCEPTOR_H_
