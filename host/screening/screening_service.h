// needlework.v1.ScreeningService, on the gRPC callback API.
#ifndef NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_
#define NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_

#include "host/server/host_context.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::host {

class ScreeningServiceImpl final : public needlework::v1::ScreeningService::CallbackService {
 public:
  explicit ScreeningServiceImpl(HostContext* host) : host_(host) {}  // host: not owned

  // See screening.proto. Plugins run inline on this thread; the reply may be sent from the
  // watchdog thread when a plugin overruns its deadline.
  grpc::ServerUnaryReactor* Screen(grpc::CallbackServerContext* context,
                                   const needlework::v1::ScreenRequest* request,
                                   needlework::v1::ScreenResponse* response) override;

 private:
  HostContext* host_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_SCREENING_SCREENING_SERVICE_H_
