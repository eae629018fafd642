// needlework.v1.AdminService, on the gRPC callback API. Who may call which RPC (admin, or a
// clinic_admin for its own clinic) is in host/auth/rpc_policy.cc.
#ifndef NEEDLEWORK_HOST_ADMIN_ADMIN_SERVICE_H_
#define NEEDLEWORK_HOST_ADMIN_ADMIN_SERVICE_H_

#include <type_traits>

#include "host/admin/clinic_plugins.h"
#include "host/auth/token_authority.h"
#include "host/common/log.h"
#include "host/common/rpc.h"
#include "host/metrics/prometheus_metrics.h"
#include "host/plugins/plugin_catalog.h"
#include "host/storage/store.h"
#include "needlework/v1/admin.grpc.pb.h"

namespace needlework::host {

class AdminServiceImpl final : public needlework::v1::AdminService::CallbackService {
 public:
  // Not owned: each outlives the service.
  AdminServiceImpl(TokenAuthority& tokens, Store& store, const PluginCatalog& catalog,
                   ClinicPluginManager& clinic_plugins, const PrometheusMetrics& metrics)
      : tokens_(tokens),
        store_(store),
        catalog_(catalog),
        clinic_plugins_(clinic_plugins),
        metrics_(metrics) {}

  using Ctx = grpc::CallbackServerContext;
  grpc::ServerUnaryReactor* ListPlugins(Ctx*, const needlework::v1::ListPluginsRequest*,
                                        needlework::v1::ListPluginsResponse*) override;
  grpc::ServerUnaryReactor* CreateClinic(Ctx*, const needlework::v1::CreateClinicRequest*,
                                         needlework::v1::CreateClinicResponse*) override;
  grpc::ServerUnaryReactor* ListClinics(Ctx*, const needlework::v1::ListClinicsRequest*,
                                        needlework::v1::ListClinicsResponse*) override;
  grpc::ServerUnaryReactor* EnablePlugin(Ctx*, const needlework::v1::EnablePluginRequest*,
                                         needlework::v1::ClinicPlugin*) override;
  grpc::ServerUnaryReactor* DisablePlugin(Ctx*, const needlework::v1::DisablePluginRequest*,
                                          needlework::v1::ClinicPlugin*) override;
  grpc::ServerUnaryReactor* SetPluginConfig(Ctx*, const needlework::v1::SetPluginConfigRequest*,
                                            needlework::v1::ClinicPlugin*) override;
  grpc::ServerUnaryReactor* ListClinicPlugins(Ctx*, const needlework::v1::ListClinicPluginsRequest*,
                                              needlework::v1::ListClinicPluginsResponse*) override;
  // Clinic schedule (admin_schedule.cc).
  grpc::ServerUnaryReactor* SetClinicTimeZone(Ctx*, const needlework::v1::SetClinicTimeZoneRequest*,
                                              needlework::v1::Clinic*) override;
  // 1 to kMaxScreeningRecencyDays days.
  grpc::ServerUnaryReactor* SetScreeningRecency(Ctx*,
                                                const needlework::v1::SetScreeningRecencyRequest*,
                                                needlework::v1::Clinic*) override;
  grpc::ServerUnaryReactor* UpsertResource(Ctx*, const needlework::v1::UpsertResourceRequest*,
                                           needlework::v1::Resource*) override;
  grpc::ServerUnaryReactor* ListResources(Ctx*, const needlework::v1::ListResourcesRequest*,
                                          needlework::v1::ListResourcesResponse*) override;
  grpc::ServerUnaryReactor* SetOpeningHours(Ctx*, const needlework::v1::SetOpeningHoursRequest*,
                                            needlework::v1::OpeningHours*) override;
  grpc::ServerUnaryReactor* GetOpeningHours(Ctx*, const needlework::v1::GetOpeningHoursRequest*,
                                            needlework::v1::OpeningHours*) override;
  // Tokens and the audit log (admin_security.cc).
  grpc::ServerUnaryReactor* IssueToken(Ctx*, const needlework::v1::IssueTokenRequest*,
                                       needlework::v1::IssueTokenResponse*) override;
  grpc::ServerUnaryReactor* ListTokens(Ctx*, const needlework::v1::ListTokensRequest*,
                                       needlework::v1::ListTokensResponse*) override;
  grpc::ServerUnaryReactor* RevokeToken(Ctx*, const needlework::v1::RevokeTokenRequest*,
                                        needlework::v1::TokenInfo*) override;
  grpc::ServerUnaryReactor* QueryAudit(Ctx*, const needlework::v1::QueryAuditRequest*,
                                       needlework::v1::QueryAuditResponse*) override;
  grpc::ServerUnaryReactor* VerifyAudit(Ctx*, const needlework::v1::VerifyAuditRequest*,
                                        needlework::v1::VerifyAuditResponse*) override;
  // Plugin versions (admin_versions.cc).
  grpc::ServerUnaryReactor* PinPluginVersion(Ctx*, const needlework::v1::PinPluginVersionRequest*,
                                             needlework::v1::ClinicPlugin*) override;
  grpc::ServerUnaryReactor* UnpinPluginVersion(Ctx*,
                                               const needlework::v1::UnpinPluginVersionRequest*,
                                               needlework::v1::ClinicPlugin*) override;
  grpc::ServerUnaryReactor* RescanPlugins(Ctx*, const needlework::v1::RescanPluginsRequest*,
                                          needlework::v1::RescanPluginsResponse*) override;
  // Host status (admin_status.cc): the metrics' plugin totals, the store, enabled plugins.
  grpc::ServerUnaryReactor* GetHostStatus(Ctx*, const needlework::v1::GetHostStatusRequest*,
                                          needlework::v1::HostStatus*) override;

 private:
  // Runs `body` if the rpc_policy table lets the caller make this call (`request`, when
  // given, is checked for the clinic it names), and finishes the call with its Status.
  template <typename Body>
  grpc::ServerUnaryReactor* AsAdmin(Ctx* context, const google::protobuf::Message* request,
                                    Body&& body);

  TokenAuthority& tokens_;
  Store& store_;
  const PluginCatalog& catalog_;
  ClinicPluginManager& clinic_plugins_;
  const PrometheusMetrics& metrics_;
};

template <typename Body>
grpc::ServerUnaryReactor* AdminServiceImpl::AsAdmin(Ctx* context,
                                                    const google::protobuf::Message* request,
                                                    Body&& body) {
  auto caller = tokens_.Authorize(*context, request);
  Status status = caller.status();
  if (caller.ok()) {
    if constexpr (std::is_invocable_v<Body, const Caller&>) {
      status = body(*caller);
    } else {
      status = body();
    }
  }
  if (!status.ok() && caller.ok()) {
    LogEvent(Level::kInfo, "admin_call_refused",
             {{"rpc", std::string(CalledMethod(*context))},
              {"token", caller->token_id},
              {"status", status.ToString()}});
  }
  return FinishWith(context, status);
}

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_ADMIN_ADMIN_SERVICE_H_
