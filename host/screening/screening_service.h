// needlework.v1.ScreeningService, on the gRPC callback API.
#ifndef NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_
#define NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_

#include "host/auth/token_authority.h"
#include "host/fhir/rxnorm_map.h"
#include "host/plugins/hook_runner.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::host {

class ScreeningServiceImpl final : public needlework::v1::ScreeningService::CallbackService {
 public:
  // Not owned: each outlives the service.
  ScreeningServiceImpl(TokenAuthority& tokens, PluginCalls plugins,
                       const fhir::RxNormIngredientMap& rxnorm)
      : tokens_(tokens), plugins_(plugins), rxnorm_(rxnorm) {}

  // See screening.proto. Plugins run on the plugin-call pool; the reply is sent from a
  // plugin-call thread, or from the watchdog thread when a plugin overruns its deadline.
  grpc::ServerUnaryReactor* Screen(grpc::CallbackServerContext* context,
                                   const needlework::v1::ScreenRequest* request,
                                   needlework::v1::ScreenResponse* response) override;

 private:
  TokenAuthority& tokens_;
  PluginCalls plugins_;  // the screen hook
  const fhir::RxNormIngredientMap& rxnorm_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_
