// Small helpers every callback-API service uses.
#ifndef NEEDLEWORK_HOST_COMMON_RPC_H_
#define NEEDLEWORK_HOST_COMMON_RPC_H_

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>

#include "host/common/grpc_status.h"

namespace needlework::host {

// Finishes the call with `status` on its default reactor and returns that reactor.
inline grpc::ServerUnaryReactor* FinishWith(grpc::CallbackServerContext* context,
                                            const Status& status) {
  auto* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_RPC_H_
