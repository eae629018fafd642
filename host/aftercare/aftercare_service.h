// needlework.v1.AftercareService, on the gRPC callback API. Every RPC needs an `emr` token;
// everything is scoped to the token's clinic.
#ifndef NEEDLEWORK_HOST_AFTERCARE_AFTERCARE_SERVICE_H_
#define NEEDLEWORK_HOST_AFTERCARE_AFTERCARE_SERVICE_H_

#include "host/auth/token_authority.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/v1/aftercare.grpc.pb.h"

namespace needlework::host {

class AftercareServiceImpl final : public needlework::v1::AftercareService::CallbackService {
 public:
  // Not owned: each outlives the service.
  AftercareServiceImpl(TokenAuthority& tokens, Store& store, PluginCalls plugins)
      : tokens_(tokens), store_(store), plugins_(plugins) {}

  using Ctx = grpc::CallbackServerContext;
  grpc::ServerUnaryReactor* GetAftercarePlan(Ctx*, const needlework::v1::GetAftercarePlanRequest*,
                                             needlework::v1::AftercarePlan*) override;
  grpc::ServerUnaryReactor* ListDueMessages(Ctx*, const needlework::v1::ListDueMessagesRequest*,
                                            needlework::v1::ListDueMessagesResponse*) override;
  grpc::ServerUnaryReactor* MarkMessagesSent(Ctx*, const needlework::v1::MarkMessagesSentRequest*,
                                             needlework::v1::MarkMessagesSentResponse*) override;
  grpc::ServerUnaryReactor* ReportSymptom(Ctx*, const needlework::v1::ReportSymptomRequest*,
                                          needlework::v1::SymptomReport*) override;
  grpc::ServerUnaryReactor* ListSymptomReports(
      Ctx*, const needlework::v1::ListSymptomReportsRequest*,
      needlework::v1::ListSymptomReportsResponse*) override;

 private:
  template <typename Body>
  grpc::ServerUnaryReactor* AsEmr(Ctx* context, Body&& body);
  // The body of MarkMessagesSent (see RunIdempotent for `claim`).
  Status MarkSent(const std::string& clinic_id,
                  const needlework::v1::MarkMessagesSentRequest& request, IdempotencyClaim* claim,
                  needlework::v1::MarkMessagesSentResponse* response);

  TokenAuthority& tokens_;
  Store& store_;
  PluginCalls plugins_;  // the triage hook
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_AFTERCARE_AFTERCARE_SERVICE_H_
