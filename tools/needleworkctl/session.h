// Session: what a command's run function works with: the global options, the channel to the
// host, stdout and stderr, and the calls that print a response or the error. Internal to
// needleworkctl: RunCtl (ctl.h) is the interface.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SESSION_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SESSION_H_

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "client.h"
#include "ctl.h"
#include "needlework/status.h"
#include "options.h"
#include "values.h"

namespace needlework::ctl {

// The proto3 JSON mapping of `message`, indented, with fields at their default values
// included (a script reads "enabled": false rather than a missing key), and a final newline.
std::string ToJson(const google::protobuf::Message& message);

class Session {
 public:
  // `options`, `out` and `err` must outlive the Session. Makes the channel (no call yet).
  Session(const GlobalOptions& options, std::ostream& out, std::ostream& err);

  const GlobalOptions& options() const { return options_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  // Calls `method` of the service stub `Stub` with `request`. On failure prints the error
  // (after the insecure-token warning, once) and returns false.
  template <typename Stub, typename Request, typename Response>
  bool Call(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
            std::string_view rpc, const Request& request, Response* response);

  // Prints `response` with `render(response, out)`, or as JSON with --json.
  template <typename Response, typename Render>
  void Print(const Response& response, Render render);

  // Call, then Print. Returns kExitOk or kExitRpcError.
  template <typename Stub, typename Request, typename Response, typename Render>
  int Invoke(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
             std::string_view rpc, const Request& request, Render render);

  // Calls a List RPC page after page (the largest page the host serves, when the request
  // names no page_size) and merges every page into `*all`, without its next_page_token. On
  // a failure prints the error and returns false.
  template <typename Stub, typename Request, typename Response>
  bool CallAll(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
               std::string_view rpc, Request request, Response* all);

  // Invoke for a List RPC: calls it page after page (the largest page the host serves, when
  // the request names no page_size) and prints every item as one response. A failure on any
  // page prints the error and nothing else; returns kExitOk or kExitRpcError.
  template <typename Stub, typename Request, typename Response, typename Render>
  int InvokeAll(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                std::string_view rpc, Request request, Render render);

  // Prints a local error (unreadable or unwritable file, bad config) and returns kExitUsage.
  int LocalError(const Status& status);

 private:
  // The warning (once) and a context with the token and deadline.
  void Prepare(grpc::ClientContext* context);
  // Prints the error of `rpc`.
  void ReportError(std::string_view rpc, const grpc::Status& status);

  const GlobalOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  std::shared_ptr<grpc::Channel> channel_;
  bool warned_ = false;  // the insecure-token warning is out (once for all calls)
};

template <typename Stub, typename Request, typename Response>
bool Session::Call(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                   std::string_view rpc, const Request& request, Response* response) {
  grpc::ClientContext context;
  Prepare(&context);
  Stub stub(channel_);
  grpc::Status status = (stub.*method)(&context, request, response);
  if (status.ok()) return true;
  ReportError(rpc, status);
  return false;
}

template <typename Stub, typename Request, typename Response, typename Render>
int Session::Invoke(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                    std::string_view rpc, const Request& request, Render render) {
  Response response;
  if (!Call(method, rpc, request, &response)) return kExitRpcError;
  Print(response, render);
  return kExitOk;
}

template <typename Stub, typename Request, typename Response>
bool Session::CallAll(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                      std::string_view rpc, Request request, Response* all) {
  if (request.page_size() == 0) request.set_page_size(kMaxPageSize);
  while (true) {
    Response page;
    if (!Call(method, rpc, request, &page)) return false;
    std::string next = page.next_page_token();
    all->MergeFrom(page);
    if (next.empty()) break;
    request.set_page_token(next);
  }
  all->clear_next_page_token();
  return true;
}

template <typename Stub, typename Request, typename Response, typename Render>
int Session::InvokeAll(grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&,
                                                    Response*),
                       std::string_view rpc, Request request, Render render) {
  Response all;
  if (!CallAll(method, rpc, std::move(request), &all)) return kExitRpcError;
  Print(all, render);
  return kExitOk;
}

template <typename Response, typename Render>
void Session::Print(const Response& response, Render render) {
  if (options_.json) {
    out_ << ToJson(response);
  } else {
    render(response, out_);
  }
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_SESSION_H_
