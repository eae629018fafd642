#include "host/server/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_builder.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/admin/admin_service.h"
#include "host/aftercare/aftercare_service.h"
#include "host/audit/audit_interceptor.h"
#include "host/catalog/catalog_service.h"
#include "host/cdshooks/cds_hooks_host.h"
#include "host/common/log.h"
#include "host/metrics/metrics_route.h"
#include "host/metrics/rpc_metrics_interceptor.h"
#include "host/planning/planning_service.h"
#include "host/scheduling/scheduling_service.h"
#include "host/screening/screening_service.h"
#include "host/server/probes.h"
#include "host/server/transport.h"

namespace needlework::host {

struct HostServer::Services {
  explicit Services(HostContext& host)
      : plugin_calls{*host.registry, *host.watchdog, host.config.hook_deadlines, *host.plugin_pool},
        screening(*host.tokens, *host.store, *host.blocking, plugin_calls, *host.rxnorm),
        planning(*host.tokens, *host.store, plugin_calls, *host.rxnorm),
        scheduling(*host.tokens, *host.store, plugin_calls, *host.blocking),
        aftercare(*host.tokens, *host.store, plugin_calls),
        admin(*host.tokens, *host.store, *host.catalog, *host.clinic_plugins, *host.metrics),
        catalog(*host.tokens, *host.registry) {}
  PluginCalls plugin_calls;
  ScreeningServiceImpl screening;
  PlanningServiceImpl planning;
  SchedulingServiceImpl scheduling;
  AftercareServiceImpl aftercare;
  AdminServiceImpl admin;
  CatalogServiceImpl catalog;
};

namespace {

// A unix socket left by a previous run would make the bind fail.
void RemoveStaleSocket(const std::string& listen) {
  if (listen.rfind("unix:", 0) != 0) return;
  std::string path = listen.substr(5);
  struct stat info {};
  if (::lstat(path.c_str(), &info) == 0 && S_ISSOCK(info.st_mode)) ::unlink(path.c_str());
}

std::string BoundAddress(const std::string& listen, int port) {
  if (listen.rfind("unix:", 0) == 0) return listen;
  return listen.substr(0, listen.rfind(':') + 1) + std::to_string(port);
}

// The CDS Hooks routes (GET and POST under /cds-services), each request counted.
Status AddCdsHooksRoutes(HttpRouter& router, const CdsHooksService& service,
                         PrometheusMetrics& metrics) {
  HttpHandler counted = [&service, &metrics](const HttpRequest& request) {
    auto started = std::chrono::steady_clock::now();
    HttpReply reply = service.Handle(request);
    metrics.CdsHooksCall(
        CdsEndpointLabel(request.path), reply.status,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return reply;
  };
  for (const char* method : {"GET", "POST"}) {
    NW_RETURN_IF_ERROR(router.Add({method, "/cds-services", /*prefix=*/true, counted}));
  }
  return OkStatus();
}

// The HTTP listener with its routes; nullptr when `http.listen` is not configured. The CDS
// Hooks service, when configured, is kept in `cds_hooks` (it must outlive the listener).
StatusOr<std::unique_ptr<HttpServer>> StartHttp(HostContext& host, const PluginCalls& plugins,
                                                std::unique_ptr<CdsHooksService>& cds_hooks) {
  const HostConfig& config = host.config;
  if (!config.http.enabled()) {
    if (config.cds_hooks.enabled()) {
      return FailedPreconditionError(
          "cds_hooks is configured but http.listen is not: CDS Hooks is served on the HTTP "
          "listener");
    }
    return std::unique_ptr<HttpServer>();
  }
  HttpRouter router;
  NW_RETURN_IF_ERROR(AddProbeRoutes(router, *host.store, *host.registry));
  NW_RETURN_IF_ERROR(AddMetricsRoute(router, *host.metrics));
  if (config.cds_hooks.enabled()) {
    PrometheusMetrics* metrics = host.metrics;
    NW_ASSIGN_OR_RETURN(cds_hooks, MakeCdsHooksService(config.cds_hooks, *host.store, plugins,
                                                       *host.rxnorm, [metrics](JwtRefusal why) {
                                                         metrics->JwtRefused(JwtRefusalName(why));
                                                       }));
    NW_RETURN_IF_ERROR(AddCdsHooksRoutes(router, *cds_hooks, *host.metrics));
  }
  if (!config.tls.enabled() && !IsLoopbackAddress(config.http.listen)) {
    LogEvent(Level::kWarning, "transport",
             {{"security", "plaintext"},
              {"address", config.http.listen},
              {"warning", "PLAINTEXT HTTP on a network address (allow_plaintext_non_loopback)"}});
  }
  return HttpServer::Start(config.http, {config.tls.cert_file, config.tls.key_file},
                           std::move(router));
}

}  // namespace

StatusOr<std::unique_ptr<HostServer>> HostServer::Start(HostContext* host) {
  const auto& listen = host->config.listen;
  NW_ASSIGN_OR_RETURN(auto credentials, ListenerCredentials(host->config));
  RemoveStaleSocket(listen);
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  std::unique_ptr<HostServer> server(new HostServer());
  server->services_ = std::make_unique<Services>(*host);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(listen, credentials, &port);
  ApplyConnectionLimits(host->config, builder);
  builder.RegisterService(&server->services_->screening);
  builder.RegisterService(&server->services_->planning);
  builder.RegisterService(&server->services_->scheduling);
  builder.RegisterService(&server->services_->aftercare);
  builder.RegisterService(&server->services_->admin);
  builder.RegisterService(&server->services_->catalog);
  // The method for Authorize, and the audit log.
  server->refusals_ = std::make_unique<RefusalGuard>(*host->store, host->config.load_limits);
  InstallCallInterceptors(builder, *host->tokens, *host->store, *host->clinic_plugins,
                          *server->refusals_,
                          std::make_unique<RpcMetricsInterceptorFactory>(*host->metrics));
  server->server_ = builder.BuildAndStart();
  if (!server->server_ || (port == 0 && listen.rfind("unix:", 0) != 0)) {
    return FailedPreconditionError("cannot listen on " + listen +
                                   " (in use, or not a valid address?)");
  }
  server->address_ = BoundAddress(listen, port);
  LogEvent(Level::kInfo, "listening", {{"address", server->address_}});
  NW_ASSIGN_OR_RETURN(server->http_,
                      StartHttp(*host, server->services_->plugin_calls, server->cds_hooks_));
  return server;
}

void HostServer::Shutdown(std::chrono::milliseconds grace) {
  if (http_) http_->StopAccepting();  // its connections drain while gRPC's calls do
  if (!server_) return;
  server_->Shutdown(std::chrono::system_clock::now() + grace);
  server_->Wait();
  server_.reset();
  if (http_) http_->Stop();
  refusals_->tally().Stop();  // every call has finished: its refusals are counted
}

HostServer::~HostServer() { Shutdown(std::chrono::milliseconds(0)); }

}  // namespace needlework::host
