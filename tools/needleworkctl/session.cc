#include "session.h"

#include <google/protobuf/util/json_util.h>

namespace needlework::ctl {

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  std::string json;
  // Cannot fail for our messages: they hold no google.protobuf.Any.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!json.ends_with('\n')) json.push_back('\n');
  return json;
}

Session::Session(const GlobalOptions& options, std::ostream& out, std::ostream& err)
    : options_(options), out_(out), err_(err), channel_(CreateChannel(options)) {}

int Session::LocalError(const Status& status) {
  err_ << "needleworkctl: " << status.message() << '\n';
  return kExitUsage;
}

void Session::Prepare(grpc::ClientContext* context) {
  if (!warned_) err_ << InsecureTokenWarning(options_);
  warned_ = true;
  PrepareContext(options_, context);
}

void Session::ReportError(std::string_view rpc, const grpc::Status& status) {
  err_ << FormatRpcError(rpc, status, options_);
}

}  // namespace needlework::ctl
