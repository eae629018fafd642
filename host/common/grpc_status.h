// The one place where a needlework::Status becomes a grpc::Status.
#ifndef NEEDLEWORK_HOST_COMMON_GRPC_STATUS_H_
#define NEEDLEWORK_HOST_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "needlework/status.h"

namespace needlework::host {

// Codes are numbered alike, so this is a cast plus the message.
inline grpc::Status ToGrpcStatus(const Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), status.message());
}

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_COMMON_GRPC_STATUS_H_
