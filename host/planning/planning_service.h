// needlework.v1.PlanningService, on the gRPC callback API. Every RPC needs an `emr` token;
// plans are scoped to the token's clinic.
#ifndef NEEDLEWORK_HOST_PLANNING_PLANNING_SERVICE_H_
#define NEEDLEWORK_HOST_PLANNING_PLANNING_SERVICE_H_

#include "host/auth/token_authority.h"
#include "host/fhir/rxnorm_map.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/v1/planning.grpc.pb.h"

namespace needlework::host {

class PlanningServiceImpl final : public needlework::v1::PlanningService::CallbackService {
 public:
  // Not owned: each outlives the service.
  PlanningServiceImpl(TokenAuthority& tokens, Store& store, PluginCalls plugins,
                      const fhir::RxNormIngredientMap& rxnorm)
      : tokens_(tokens), store_(store), plugins_(plugins), rxnorm_(rxnorm) {}

  using Ctx = grpc::CallbackServerContext;
  grpc::ServerUnaryReactor* ProposePlan(Ctx*, const needlework::v1::ProposePlanRequest*,
                                        needlework::v1::ProposePlanResponse*) override;
  grpc::ServerUnaryReactor* CreatePlan(Ctx*, const needlework::v1::CreatePlanRequest*,
                                       needlework::v1::Plan*) override;
  grpc::ServerUnaryReactor* GetPlan(Ctx*, const needlework::v1::GetPlanRequest*,
                                    needlework::v1::Plan*) override;
  grpc::ServerUnaryReactor* ListPlans(Ctx*, const needlework::v1::ListPlansRequest*,
                                      needlework::v1::ListPlansResponse*) override;
  grpc::ServerUnaryReactor* CancelPlan(Ctx*, const needlework::v1::CancelPlanRequest*,
                                       needlework::v1::Plan*) override;

 private:
  // Runs `body(clinic_id)` for an emr caller and finishes the call with its Status.
  template <typename Body>
  grpc::ServerUnaryReactor* AsEmr(Ctx* context, Body&& body);
  // The bodies of CreatePlan and CancelPlan (see RunIdempotent for `claim`).
  Status Create(const std::string& clinic_id, const needlework::v1::CreatePlanRequest& request,
                IdempotencyClaim* claim, needlework::v1::Plan* response);
  Status Cancel(const std::string& clinic_id, const needlework::v1::CancelPlanRequest& request,
                IdempotencyClaim* claim, needlework::v1::Plan* response);
  // The stored plan as the API shows it.
  StatusOr<needlework::v1::Plan> LoadPlan(const std::string& clinic_id, const std::string& plan_id);

  TokenAuthority& tokens_;
  Store& store_;
  PluginCalls plugins_;  // the plan hook
  const fhir::RxNormIngredientMap& rxnorm_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLANNING_PLANNING_SERVICE_H_
