#include "host/http/http_server.h"

#include <httplib.h>

#include <chrono>

#include "host/common/log.h"
#include "host/http/http_exchange.h"

namespace needlework::host {
namespace {

using HandlerResponse = httplib::Server::HandlerResponse;

// "host:port" or "[v6]:port" into a host getaddrinfo reads (brackets dropped) and a port.
StatusOr<std::pair<std::string, int>> SplitListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535 ||
      colon == 0) {
    return InvalidArgumentError("config key 'http.listen': expected host:port, got '" + listen +
                                "'");
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return std::make_pair(host, std::stoi(port));
}

StatusOr<std::unique_ptr<httplib::Server>> NewServer(const HttpTls& tls) {
  if (!tls.enabled()) return std::make_unique<httplib::Server>();
  auto server = std::make_unique<httplib::SSLServer>(tls.cert_file.c_str(), tls.key_file.c_str());
  if (!server->is_valid()) {
    return FailedPreconditionError("HTTP listener: cannot load the certificate " + tls.cert_file +
                                   " (tls.cert_file) with the key " + tls.key_file +
                                   " (tls.key_file): unreadable, not PEM, or not a pair");
  }
  return std::unique_ptr<httplib::Server>(std::move(server));
}

// Our JSON error for a status the library set itself before any route ran (413 for a body
// over `max_body`, 400 for a malformed request, ...); a reply with a body is left alone.
httplib::Server::HandlerWithResponse LibraryErrors(size_t max_body) {
  return [max_body](const httplib::Request&, httplib::Response& out) {
    if (!out.body.empty()) return HandlerResponse::Unhandled;
    HttpReply reply =
        out.status == 413
            ? ErrorReply(Status(StatusCode::kResourceExhausted,
                                "the request body is larger than http.max_body_bytes (" +
                                    std::to_string(max_body) + " bytes)"))
            : ErrorReply(InvalidArgumentError("malformed HTTP request"));
    reply.status = out.status;
    WriteReply(reply, out);
    return HandlerResponse::Handled;
  };
}

}  // namespace

void HttpServer::Configure(const HttpOptions& options) {
  httplib::Server& server = *server_;
  size_t workers = static_cast<size_t>(options.workers);
  server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(options.read_timeout);
  server.set_write_timeout(options.write_timeout);
  server.set_keep_alive_timeout(options.idle_timeout.count());
  // One request per connection: a body refused unread (RefuseHead) is then never read as
  // the next request, and no idle connection holds a worker between requests.
  server.set_keep_alive_max_count(1);
  size_t max_head = options.max_header_bytes;
  server.set_pre_routing_handler([max_head](const httplib::Request& in, httplib::Response& out) {
    std::optional<HttpReply> refusal = RefuseHead(in, max_head);
    if (!refusal) return HandlerResponse::Unhandled;
    WriteReply(*refusal, out);
    return HandlerResponse::Handled;
  });
  auto dispatch = [this](const httplib::Request& in, httplib::Response& out) {
    WriteReply(router_.Dispatch(ToHttpRequest(in)), out);
  };
  for (auto add : {&httplib::Server::Get, &httplib::Server::Put, &httplib::Server::Patch,
                   &httplib::Server::Delete, &httplib::Server::Options}) {
    (server.*add)(".*", dispatch);
  }
  server.Post(".*", httplib::Server::Handler(dispatch));
  server.set_error_handler(LibraryErrors(options.max_body_bytes));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& out, std::exception_ptr) {
        WriteReply(ErrorReply(Status(StatusCode::kInternal, "the handler failed")), out);
      });
}

StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(const HttpOptions& options,
                                                        const HttpTls& tls, HttpRouter router) {
  NW_ASSIGN_OR_RETURN(auto host_port, SplitListen(options.listen));
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->router_ = std::move(router);
  NW_ASSIGN_OR_RETURN(server->server_, NewServer(tls));
  server->Configure(options);
  auto [host, port] = host_port;
  int bound = port == 0 ? server->server_->bind_to_any_port(host)
                        : (server->server_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    return FailedPreconditionError("HTTP listener: cannot listen on " + options.listen +
                                   " (in use, or not a valid address?)");
  }
  server->address_ =
      options.listen.substr(0, options.listen.rfind(':') + 1) + std::to_string(bound);
  server->listener_ = std::thread([s = server->server_.get()] { s->listen_after_bind(); });
  // Stop() is a no-op until the accept loop runs: wait for it.
  while (!server->server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  LogEvent(Level::kInfo, "http_listening",
           {{"address", server->address_}, {"security", tls.enabled() ? "tls" : "plaintext"}});
  return server;
}

void HttpServer::StopAccepting() {
  if (listener_.joinable() && !stopping_.exchange(true)) server_->stop();
}

void HttpServer::Stop() {
  if (!listener_.joinable()) return;
  StopAccepting();
  listener_.join();
}

HttpServer::~HttpServer() { Stop(); }

}  // namespace needlework::host
