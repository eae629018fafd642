#include "host/http/http_types.h"

#include <nlohmann/json.hpp>

namespace needlework::host {

const std::string& HttpRequest::Header(const std::string& name) const {
  static const std::string kEmpty;
  auto found = headers.find(name);
  return found == headers.end() ? kEmpty : found->second;
}

// The mapping gRPC's HTTP/JSON transcoding uses (google/rpc/code.proto).
int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kCancelled:
      return 499;
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange:
    case StatusCode::kFailedPrecondition:
      return 400;
    case StatusCode::kDeadlineExceeded:
      return 504;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kAborted:
      return 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kUnimplemented:
      return 501;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kUnknown:
    case StatusCode::kInternal:
    case StatusCode::kDataLoss:
      return 500;
  }
  return 500;
}

HttpReply ErrorReply(const Status& status) {
  nlohmann::json body = {
      {"error",
       {{"code", std::string(StatusCodeName(status.code()))}, {"message", status.message()}}}};
  HttpReply reply;
  reply.status = HttpStatusFor(status.code());
  reply.body = body.dump();
  return reply;
}

}  // namespace needlework::host
