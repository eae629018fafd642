// needlework.v1.ScreeningService, on the gRPC callback API.
#ifndef NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_
#define NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_

#include "host/auth/token_authority.h"
#include "host/common/blocking_pool.h"
#include "host/common/call_audit_scope.h"
#include "host/fhir/rxnorm_map.h"
#include "host/plugins/hook_runner.h"
#include "host/storage/store.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::host {

class ScreeningServiceImpl final : public needlework::v1::ScreeningService::CallbackService {
 public:
  // Not owned: each outlives the service.
  ScreeningServiceImpl(TokenAuthority& tokens, Store& store, BlockingPool& blocking,
                       PluginCalls plugins, const fhir::RxNormIngredientMap& rxnorm)
      : tokens_(tokens), store_(store), blocking_(blocking), plugins_(plugins), rxnorm_(rxnorm) {}

  using Ctx = grpc::CallbackServerContext;
  // See screening.proto. Plugins run on the plugin-call pool; their merged answer is stored
  // from the blocking pool, which sends the reply.
  grpc::ServerUnaryReactor* Screen(Ctx* context, const needlework::v1::ScreenRequest* request,
                                   needlework::v1::ScreenResponse* response) override;
  grpc::ServerUnaryReactor* GetScreening(Ctx* context,
                                         const needlework::v1::GetScreeningRequest* request,
                                         needlework::v1::ScreeningRecord* response) override;
  // The write runs on the blocking pool (it waits for its commit).
  grpc::ServerUnaryReactor* RecordReview(Ctx* context,
                                         const needlework::v1::RecordReviewRequest* request,
                                         needlework::v1::ScreeningReview* response) override;

 private:
  // Stores the merged `response` (from `digest`'s input) and finishes `reactor`, on the
  // blocking pool inside `audit`'s scope, so the record commits with the call's audit record.
  void StoreAndFinish(grpc::ServerUnaryReactor* reactor, CallAudit* audit,
                      const std::string& clinic_id, const std::string& digest,
                      needlework::v1::ScreenResponse* response);

  TokenAuthority& tokens_;
  Store& store_;
  BlockingPool& blocking_;
  PluginCalls plugins_;  // the screen hook
  const fhir::RxNormIngredientMap& rxnorm_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_
